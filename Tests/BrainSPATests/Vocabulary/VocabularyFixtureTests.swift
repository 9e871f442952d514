import BrainCore
import BrainTestSupport
import Foundation
import Testing
import BrainSPA

/// Vocabularies against nengo_spa 2.0 (Fixtures/spa_vocabulary.json, made by make_spa.py):
///
/// - the Gaussian draws of `RandomState(5)`, bit for bit;
/// - `Vocabulary(d, strict=True, max_similarity=m, pointer_gen=RandomState(seed), algebra=…)
///   .populate(text)` for every case: the keys, the number of "could not create a pointer"
///   warnings, and the vectors. The first case's raw draws are compared bit for bit. A drawn
///   pointer is `x/‖x‖`, and numpy's `np.linalg.norm` sums the squares in its BLAS dot kernel,
///   whose order is not a simple one and differs between CPUs, so drawn pointers are compared
///   to within 4 ulps; pointers made by methods or expressions (`A.unitary()`,
///   `C = (A*B).normalized()`) go through FFTs in numpy and are compared to 1e-12;
/// - `transform_to` (sum of outer products, a subset of keys, `Lstsq`, and the three ways of
///   handling keys missing in the target) to 1e-12 (Lstsq: 1e-9). nengo_spa sums over a Python
///   set of keys, so only what does not depend on that order is compared;
/// - `create_subset`, `spa.text` (every case nengo_spa gives a result for) and
///   `spa.similarity` (to 1e-12).
@Suite("Vocabularies match nengo_spa")
struct VocabularyFixtureTests {
    static let caseNames = ["letters16", "words64", "crowded8", "derived32", "vtb16", "tvtb16", "letters32_m005"]
    static let drawnULPs = 4.0
    static let tolerance = 1e-12

    static func fixture() throws -> SPAFixture { try SPAFixture("spa_vocabulary") }

    static func vocabularyCase(_ name: String) throws -> SPAFixture {
        let found = try fixture()["vocabularies"].array.first { $0["name"].string == name }
        return try #require(found, "no vocabulary case \(name) in the fixture")
    }

    /// A vocabulary built as make_spa.py builds the case: the same settings and seed, then
    /// `populate` of the case's text.
    static func populated(_ c: SPAFixture) throws -> Vocabulary {
        let vocabulary = try Vocabulary(
            dimensions: c["dimensions"].int!, name: c["name"].string!, strict: true,
            maxSimilarity: c["max_similarity"].double!, algebra: algebra(named: c["algebra"].string!),
            seed: c["seed"].int!)
        try vocabulary.populate(c["populate"].string!)
        return vocabulary
    }

    /// The keys a populate text makes by a method (`A.unitary()`) or an expression (`C = …`).
    static func derivedKeys(_ populate: String) -> Set<String> {
        var keys: Set<String> = []
        for entry in populate.split(separator: ";") {
            if let cut = entry.firstIndex(where: { $0 == "=" || $0 == "." }) {
                keys.insert(entry[..<cut].trimmingCharacters(in: .whitespaces))
            }
        }
        return keys
    }

    /// Compares a drawn pointer to within 4 ulps, a derived one to 1e-12.
    static func expectClose(
        _ ours: [Double], _ theirs: [Double], derived: Bool, _ label: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        if derived {
            #expect(maxAbsoluteDifference(ours, theirs) <= tolerance, "\(label)", sourceLocation: sourceLocation)
        } else {
            let bad = ulpMismatches(ours, theirs, ulps: drawnULPs)
            #expect(
                bad.isEmpty,
                "\(label): \(bad.count) values differ by more than 4 ulps, e.g. \(bad.prefix(3).map { (ours[$0], theirs[$0]) })",
                sourceLocation: sourceLocation)
        }
    }

    // MARK: - Random draws and populate

    @Test func randnMatchesNumpyBitForBit() throws {
        let randn = try Self.fixture()["randn"]
        let expected = try #require(randn["values"].doubles)
        #expect(expected.count == 25)
        var random = RandomState(seed: try #require(randn["seed"].int))
        let drawn = expected.map { _ in random.standardNormal() }
        #expect(drawn == expected)
    }

    /// The fixture reader (Support/SPAFixture.swift) reads numbers as JSONDecoder does, to the
    /// nearest Double.
    @Test func fixtureNumbersAreReadExactly() throws {
        let url = try #require(Bundle.module.url(forResource: "spa_vocabulary", withExtension: "json", subdirectory: "Fixtures"))
        struct Randn: Decodable { let values: [Double] }
        struct File: Decodable { let randn: Randn }
        let decoded = try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).randn.values
        #expect(try Self.fixture()["randn"]["values"].doubles == decoded)
        let json = try JSONValue.parse(#"{"a": [1, -2.5e-3, 0.44122748688504143], "s": "x\"\u00e9", "t": true, "n": null}"#)
        let fixture = SPAFixture(value: json)
        #expect(fixture["a"].doubles == [1, -0.0025, 0.44122748688504143])
        #expect(fixture["a"][0].int == 1)
        #expect(fixture["s"].string == "x\"é")
        #expect(fixture["t"].bool == true)
        #expect(fixture["n"].isNull)
    }

    @Test func fixtureHasTheExpectedCases() throws {
        #expect(try Self.fixture()["vocabularies"].array.compactMap { $0["name"].string } == Self.caseNames)
    }

    /// The first pointer nengo_spa draws for letters16 is `RandomState(0).randn(16)`
    /// normalised; the raw draws agree bit for bit.
    @Test func firstRawDrawIsBitForBit() throws {
        let c = try Self.vocabularyCase("letters16")
        let raw = try #require(c["first_raw"].doubles)
        var random = RandomState(seed: c["seed"].int!)
        #expect(raw.map { _ in random.standardNormal() } == raw)
        let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
        Self.expectClose(
            try Self.populated(c)["A"]!.vector, raw.map { $0 / norm }, derived: false, "letters16 A = first_raw/‖first_raw‖")
    }

    @Test(arguments: caseNames)
    func populateMatchesNengoSpa(_ name: String) throws {
        let c = try Self.vocabularyCase(name)
        let vocabulary = try Self.populated(c)
        let keys = try #require(c["keys"].strings)
        let vectors = try #require(c["vectors"].rows)
        #expect(vocabulary.keys == keys)
        #expect(vocabulary.dimensions == c["dimensions"].int)
        #expect(vocabulary.algebra.name == c["algebra"].string)
        let derived = Self.derivedKeys(c["populate"].string!)
        for (key, expected) in zip(keys, vectors) {
            guard let pointer = vocabulary[key] else { continue }
            Self.expectClose(pointer.vector, expected, derived: derived.contains(key), "\(name) \(key)")
        }
        #expect(
            vocabulary.warnings.count == c["warnings"].int,
            "\(name): BrainKit warned \(vocabulary.warnings), nengo_spa \(c["warning_messages"].strings ?? [])")
    }

    // MARK: - transform_to

    static func transformFixture() throws -> SPAFixture { try fixture()["transform_to"] }

    /// Source (16-D: A, B, C) and target (32-D: A, B, C, D unless other keys and vectors are
    /// given) holding nengo_spa's vectors.
    static func transformPair(
        targetKeys: [String]? = nil, targetVectors: [[Double]]? = nil
    ) throws -> (source: Vocabulary, target: Vocabulary) {
        let fixture = try transformFixture()
        let source = try makeVocabulary(
            name: "source", algebra: HRR(), keys: fixture["source"]["keys"].strings!,
            vectors: fixture["source"]["vectors"].rows!, seed: 10)
        let target = try makeVocabulary(
            name: "target", algebra: HRR(), keys: targetKeys ?? fixture["target"]["keys"].strings!,
            vectors: targetVectors ?? fixture["target"]["vectors"].rows!, seed: 11)
        return (source, target)
    }

    /// `Σ target[k]·source[k]ᵀ` over `keys`, summed in the given order.
    static func outerSum(_ source: Vocabulary, _ target: Vocabulary, _ keys: [String]) -> [Double] {
        var m = [Double](repeating: 0, count: target.dimensions * source.dimensions)
        for key in keys {
            let s = source[key]!.vector, t = target[key]!.vector
            for i in t.indices { for j in s.indices { m[i * s.count + j] += t[i] * s[j] } }
        }
        return m
    }

    @Test func transformMatchesOuterProducts() throws {
        let fixture = try Self.transformFixture()
        let (source, target) = try Self.transformPair()
        let matrix = try source.transform(to: target)
        #expect(matrix.rows == 32 && matrix.columns == 16)
        #expect(maxAbsoluteDifference(matrix.values, fixture["matrix"].rows!.flatMap { $0 }) <= Self.tolerance)

        let (source2, target2) = try Self.transformPair()
        let subset = try source2.transform(to: target2, keys: ["A", "B"])
        #expect(maxAbsoluteDifference(subset.values, fixture["matrix_keys_AB"].rows!.flatMap { $0 }) <= Self.tolerance)
        #expect(maxAbsoluteDifference(subset.values, Self.outerSum(source2, target2, ["A", "B"])) <= Self.tolerance)
        #expect(source.warnings.isEmpty && source2.warnings.isEmpty)
    }

    /// nengo_spa: `Lstsq()(source vectors, target vectors)[0].T` (rcond 0.01).
    @Test func transformWithLstsqMatchesNengo() throws {
        let fixture = try Self.transformFixture()
        #expect(fixture["matrix_lstsq_note"].isNull)
        let (source, target) = try Self.transformPair()
        let matrix = try source.transform(to: target, solver: Lstsq())
        #expect(matrix.rows == 32 && matrix.columns == 16)
        #expect(maxAbsoluteDifference(matrix.values, fixture["matrix_lstsq"].rows!.flatMap { $0 }) <= 1e-9)
    }

    /// A target without C: nil skips C and notes it in the source's warnings (nengo_spa warns),
    /// false skips it silently.
    @Test(arguments: [("populate_none", nil), ("populate_false", false)] as [(String, Bool?)])
    func transformSkippingMissingKeys(_ label: String, _ populate: Bool?) throws {
        let missing = try Self.transformFixture()["missing_key"]
        let scenario = missing[label]
        #expect(scenario["error"].isNull)
        #expect(scenario["warnings"].array.count == (populate == nil ? 1 : 0))
        let (source, target) = try Self.transformPair(
            targetKeys: scenario["target_after"]["keys"].strings!, targetVectors: scenario["target_after"]["vectors"].rows!)
        #expect(target.keys == ["A", "B", "D"])
        let matrix = try source.transform(to: target, populate: populate)
        #expect(maxAbsoluteDifference(matrix.values, scenario["matrix"].rows!.flatMap { $0 }) <= Self.tolerance)
        #expect(maxAbsoluteDifference(matrix.values, Self.outerSum(source, target, ["A", "B"])) <= Self.tolerance)
        #expect(target.keys == scenario["target_after"]["keys"].strings)
        if populate == nil {
            #expect(source.warnings.count == 1)
            #expect(source.warnings.first?.contains("C") == true, "\(source.warnings)")
        } else {
            #expect(source.warnings.isEmpty)
        }
        #expect(target.warnings.isEmpty)
    }

    /// populate true adds C to the target. The matrix is `Σ target[k]·source[k]ᵀ` over A, B, C
    /// with the target's vectors after the call. Built as make_spa.py builds it (seed 11,
    /// "A; B; D"), the target draws the same C as nengo_spa and the matrix is nengo_spa's.
    @Test func transformPopulatingMissingKeys() throws {
        let missing = try Self.transformFixture()["missing_key"]
        let scenario = missing["populate_true"]
        let after = scenario["target_after"]
        #expect(after["keys"].strings == ["A", "B", "D", "C"])

        // From nengo_spa's vectors: C is BrainKit's own draw.
        let (source, target) = try Self.transformPair(
            targetKeys: ["A", "B", "D"], targetVectors: Array(after["vectors"].rows!.prefix(3)))
        let matrix = try source.transform(to: target, populate: true)
        #expect(target.keys == ["A", "B", "D", "C"])
        #expect(maxAbsoluteDifference(matrix.values, Self.outerSum(source, target, ["A", "B", "C"])) <= Self.tolerance)
        #expect(source.warnings.isEmpty)

        // Rebuilt from the seed: C is nengo_spa's draw.
        let (source2, _) = try Self.transformPair()
        let rebuilt = try Vocabulary(dimensions: 32, name: "target", strict: true, seed: missing["target_seed"].int!)
        try rebuilt.populate(missing["target_populate"].string!)
        let matrix2 = try source2.transform(to: rebuilt, populate: true)
        #expect(rebuilt.keys == after["keys"].strings)
        for (key, expected) in zip(after["keys"].strings!, after["vectors"].rows!) {
            Self.expectClose(rebuilt[key]!.vector, expected, derived: false, "target \(key)")
        }
        #expect(maxAbsoluteDifference(matrix2.values, scenario["matrix"].rows!.flatMap { $0 }) <= Self.tolerance)
    }

    // MARK: - Subset, text, similarity

    @Test func subsetMatchesNengoSpa() throws {
        let fixture = try Self.fixture()["subset"]
        let words = try Self.populated(try Self.vocabularyCase("words64"))
        let subset = try words.subset(["BLUE", "RED"])
        #expect(subset.keys == fixture["keys"].strings)
        #expect(subset.keys == ["BLUE", "RED"])
        #expect(subset.dimensions == 64 && subset.algebra.name == "HRR" && subset.strict == words.strict)
        #expect(subset.maxSimilarity == words.maxSimilarity)
        for (key, expected) in zip(fixture["keys"].strings!, fixture["vectors"].rows!) {
            #expect(subset[key]?.vector == words[key]?.vector, "\(key) is copied exactly")
            Self.expectClose(subset[key]?.vector ?? [], expected, derived: false, "subset \(key)")
        }
        #expect(subset["BLUE"]?.vocabulary == subset.reference)
        #expect(subset.reference != words.reference)
    }

    /// letters16 with nengo_spa's vectors.
    static func letters() throws -> Vocabulary {
        let c = try vocabularyCase("letters16")
        return try makeVocabulary(name: "letters16", algebra: HRR(), keys: c["keys"].strings!, vectors: c["vectors"].rows!)
    }

    @Test func textMatchesNengoSpa() throws {
        let vocabulary = try Self.letters()
        var checked = 0
        for c in try Self.fixture()["text"].array {
            guard let expected = c["text"].string else {
                #expect(c["error"].string != nil)
                continue
            }
            let options = c["options"]
            let given = Set(options.keys)
            #expect(given.isSubset(of: ["minimum_count", "maximum_count", "threshold", "join", "normalize"]))
            let threshold: Double? = given.contains("threshold") ? options["threshold"].double : 0.1
            let text = try vocabulary.text(
                c["vector"].doubles!, minimumCount: options["minimum_count"].int ?? 1,
                maximumCount: options["maximum_count"].int, threshold: threshold,
                separator: options["join"].string ?? ";", normalize: options["normalize"].bool ?? false)
            #expect(text == expected, "options \(options.keys.sorted())")
            checked += 1
        }
        #expect(checked == 9)
    }

    @Test(arguments: [false, true])
    func similarityMatchesNengoSpa(_ normalize: Bool) throws {
        let vocabulary = try Self.letters()
        let c = try #require(try Self.fixture()["similarity"].array.first { $0["normalize"].bool == normalize })
        let data = Matrix(c["data"].rows!)
        let similarity = try vocabulary.similarity(data, normalize: normalize)
        let expected = c["similarity"].rows!
        #expect(similarity.rows == expected.count && similarity.columns == vocabulary.count)
        #expect(maxAbsoluteDifference(similarity.values, expected.flatMap { $0 }) <= Self.tolerance)
    }

    /// A 4-D vocabulary with A, B, C the first three axes, for `spa.text` edge cases that the
    /// fixture does not reach. The expected strings are what nengo_spa 2.0 gives for the same
    /// vocabulary and vectors (`spa.text(v, vocab, …)`, run by hand with make_spa.py's pins).
    static func axes() throws -> Vocabulary {
        try makeVocabulary(
            name: "axes", algebra: HRR(), keys: ["A", "B", "C"], vectors: [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]])
    }

    /// nengo_spa keeps a key only if its similarity is *above* the threshold (`m[0] >
    /// threshold`): `text([0.1, 0.05, 0.02, 0], minimum_count=0)` is `''`.
    @Test func textLeavesOutSimilaritiesEqualToTheThreshold() throws {
        #expect(try Self.axes().text([0.1, 0.05, 0.02, 0], minimumCount: 0) == "")
    }

    /// nengo_spa fills `minimum_count` before it looks at `maximum_count`:
    /// `text([0.5, 0.4, 0.3, 0], minimum_count=3, maximum_count=2)` is `'0.50A;0.40B;0.30C'`.
    @Test func textMinimumCountWinsOverMaximumCount() throws {
        #expect(try Self.axes().text([0.5, 0.4, 0.3, 0], minimumCount: 3, maximumCount: 2) == "0.50A;0.40B;0.30C")
    }

    /// nengo_spa sorts (similarity, key) pairs and reverses them, so equal similarities come in
    /// descending key order: `text([0.5, 0.5, 0.3, 0])` is `'0.50B;0.50A;0.30C'`, and a vector
    /// orthogonal to every key, `text([0, 0, 0, 0.7], normalize=True)`, is `'0.00C'`.
    @Test func textOrdersTiesByDescendingKey() throws {
        #expect(try Self.axes().text([0.5, 0.5, 0.3, 0]) == "0.50B;0.50A;0.30C")
        #expect(try Self.axes().text([0, 0, 0, 0.7], normalize: true) == "0.00C")
    }

    /// Edge cases where BrainKit and nengo_spa agree.
    @Test func textEdgeCases() throws {
        let vocabulary = try Self.axes()
        #expect(try vocabulary.text([0.5, 0.4, 0.3, 0], minimumCount: 0, maximumCount: 0) == "")
        #expect(try vocabulary.text([-0.005, 0.5, 0.3, 0], threshold: nil) == "0.50B;0.30C;-0.01A")
        #expect(try vocabulary.text([0.5, 0.4, 0.3, 0], maximumCount: 2, separator: ", ") == "0.50A, 0.40B")
    }
}
