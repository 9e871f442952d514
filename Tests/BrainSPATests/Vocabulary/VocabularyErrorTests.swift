import BrainCore
import Foundation
import Testing
import BrainSPA

/// One bad expression for `parse` or `populate`, with where the error must point.
struct BadExpression: Sendable, CustomTestStringConvertible {
    let text: String
    let position: Int
    /// The keys the vocabulary must hold afterwards (populate keeps the keys added before the
    /// failing entry); nil: not checked.
    let keysAfter: [String]?

    init(_ text: String, at position: Int, keysAfter: [String]? = nil) {
        self.text = text
        self.position = position
        self.keysAfter = keysAfter
    }

    var testDescription: String { String(reflecting: text) }
}

/// Bad input to vocabularies, pointers, generators and the vocabulary file format: each case
/// throws a `BrainKitError` of the right kind, never traps and never returns a non-finite
/// pointer. Expression errors (`parse`, `populate`) are `.expression` errors whose `object`
/// names the vocabulary (`Vocabulary 'name'`), whose `parameter` is `expression "<the whole
/// text given>"` and whose `position` is the Character offset of the fault in that text;
/// file errors name the line in `parameter`. Everything else is a `.validation` error.
@Suite("Vocabulary errors")
struct VocabularyErrorTests {
    /// A strict 16-D HRR vocabulary "letters" with A, B, C (seed 1).
    static func letters() throws -> Vocabulary {
        let vocabulary = try Vocabulary(dimensions: 16, name: "letters", strict: true, seed: 1)
        try vocabulary.populate("A; B; C")
        return vocabulary
    }

    /// A strict 16-D VTB vocabulary "matrices" with X, Y (seed 3).
    static func matrices() throws -> Vocabulary {
        let vocabulary = try Vocabulary(dimensions: 16, name: "matrices", strict: true, algebra: VTB(), seed: 3)
        try vocabulary.populate("X; Y")
        return vocabulary
    }

    static func checkExpressionError(
        _ vocabulary: Vocabulary, _ example: BadExpression, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws -> Void
    ) {
        guard let error = expectBrainKitError(.expression, "\(String(reflecting: example.text))", sourceLocation: sourceLocation, body)
        else { return }
        #expect(error.object == "Vocabulary '\(vocabulary.name)'", sourceLocation: sourceLocation)
        #expect(error.parameter == "expression \"\(example.text)\"", "\(error)", sourceLocation: sourceLocation)
        #expect(error.position == example.position, "\(error)", sourceLocation: sourceLocation)
        #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
        if let keys = example.keysAfter {
            #expect(vocabulary.keys == keys, sourceLocation: sourceLocation)
        }
    }

    // MARK: - parse

    static let badHRRExpressions: [BadExpression] = [
        // Malformed text.
        BadExpression("", at: 0),
        BadExpression("   ", at: 3),
        BadExpression("(A + B", at: 6),
        BadExpression("A + B)", at: 5),
        BadExpression("((A)", at: 4),
        BadExpression("A.foo()", at: 2),
        BadExpression("A $ B", at: 2),
        BadExpression("A +* B", at: 3),
        BadExpression("A B", at: 2),
        // Names that are not keys.
        BadExpression("A + Q", at: 4),
        BadExpression("A*B + Foo_1", at: 6),
        BadExpression("A + b", at: 4),
        BadExpression("A * None", at: 4),
        BadExpression("True", at: 0),
        // Operands that do not combine.
        BadExpression("A + 2", at: 2),
        BadExpression("2 - A", at: 2),
        BadExpression("2 / A", at: 2),
        BadExpression("A @ 2", at: 2),
        BadExpression("2 @ 3", at: 2),
        BadExpression("~2", at: 0),
        BadExpression("B + ~(1 + 2)", at: 4),
        BadExpression("2.5.normalized()", at: 4),
        BadExpression("(A @ B).unitary()", at: 8),
        BadExpression("A ** B", at: 2),
        BadExpression("2 ** A", at: 2),
        // Arithmetic that has no (finite) value.
        BadExpression("A / 0", at: 2),
        BadExpression("A / (1 - 1)", at: 2),
        BadExpression("A ** 0.5", at: 2),
        BadExpression("0 ** -1", at: 2),
        BadExpression("(-8) ** 0.5", at: 5),
        BadExpression("1e200*1e200", at: 5),
        BadExpression("2 ** 5000", at: 2),
        // Pointer arithmetic that overflows: nengo_spa gives inf (with a RuntimeWarning);
        // a BrainKit pointer is finite, so these must throw.
        BadExpression("A * 1e200 * 1e200", at: 10),
        BadExpression("A / 1e-320", at: 2),
        BadExpression("A ** 1e20", at: 2),
    ]

    @Test(arguments: badHRRExpressions)
    func parseRejects(_ example: BadExpression) throws {
        let vocabulary = try Self.letters()
        #expect(!vocabulary["A"]!.sign.isPositive, "A ** 0.5 needs a non-positive A")
        Self.checkExpressionError(vocabulary, example) {
            let pointer = try vocabulary.parse(example.text)
            Issue.record("\(example.text) gave \(pointer.vector.prefix(4)) (finite: \(pointer.vector.allSatisfy(\.isFinite)))")
        }
        #expect(vocabulary.keys == ["A", "B", "C"], "a strict vocabulary never gains keys")
    }

    static let badVTBExpressions: [BadExpression] = [
        BadExpression("X.linv()", at: 2),
        BadExpression("AbsorbingElement", at: 0),
        BadExpression("X * AbsorbingElement", at: 4),
        BadExpression("X ** 0.5", at: 2),
        BadExpression("X.abs()", at: 2),
    ]

    /// `Zero.unitary()` in VTB: nengo_spa raises LinAlgError (a singular matrix in
    /// VtbAlgebra.make_unitary); BrainKit leaves the rows it cannot normalise at zero, so the
    /// result is the zero vector, never NaN.
    @Test func vtbUnitaryOfZeroIsZero() throws {
        let vocabulary = try Self.matrices()
        #expect(try vocabulary.parse("Zero.unitary()").vector.allSatisfy { $0 == 0 })
    }

    @Test(arguments: badVTBExpressions)
    func vtbParseRejects(_ example: BadExpression) throws {
        let vocabulary = try Self.matrices()
        #expect(vocabulary["X"]!.sign.isIndefinite)
        Self.checkExpressionError(vocabulary, example) {
            let pointer = try vocabulary.parse(example.text)
            Issue.record("\(example.text) gave \(pointer.vector.prefix(4)) (finite: \(pointer.vector.allSatisfy(\.isFinite)))")
        }
    }

    /// `X ** 1e20` in the matrix algebras: nengo_spa gives a (zero) vector; BrainKit must throw
    /// or give a finite vector, and must not trap (run in a child process so that a trap fails
    /// this test only).
    @Test func vtbHugePowerDoesNotTrap() async {
        await #expect(processExitsWith: .success) {
            let vocabulary = try! Vocabulary(dimensions: 16, name: "matrices", algebra: VTB(), seed: 3)
            try! vocabulary.populate("X")
            if let pointer = try? vocabulary.parse("X ** 1e20"), !pointer.vector.allSatisfy(\.isFinite) {
                fatalError("X ** 1e20 gave a non-finite vector")
            }
        }
    }

    @Test func tvtbHugePowerDoesNotTrap() async {
        await #expect(processExitsWith: .success) {
            let vocabulary = try! Vocabulary(dimensions: 16, name: "matrices", algebra: TVTB(), seed: 3)
            try! vocabulary.populate("X")
            if let pointer = try? vocabulary.parse("X ** 1e20"), !pointer.vector.allSatisfy(\.isFinite) {
                fatalError("X ** 1e20 gave a non-finite vector")
            }
        }
    }

    // MARK: - populate

    static let badPopulateTexts: [BadExpression] = [
        BadExpression("A; B = A +; C", at: 10, keysAfter: ["A"]),
        BadExpression("A; A", at: 3, keysAfter: ["A"]),
        BadExpression("A; A = B", at: 3, keysAfter: ["A"]),
        BadExpression("a", at: 0, keysAfter: []),
        BadExpression("A; b = A", at: 3, keysAfter: ["A"]),
        BadExpression("_x = 2", at: 0, keysAfter: []),
        BadExpression("A = ", at: 4, keysAfter: []),
        BadExpression("A.foo()", at: 2, keysAfter: []),
        BadExpression("Identity", at: 0, keysAfter: []),
        BadExpression("A; Zero = A", at: 3, keysAfter: ["A"]),
        BadExpression("A = Q", at: 4, keysAfter: []),
        BadExpression("A; B; C = A*D", at: 12, keysAfter: ["A", "B"]),
        BadExpression("A; B + C", at: 5, keysAfter: ["A"]),
        BadExpression("A; 2", at: 3, keysAfter: ["A"]),
        BadExpression("A; B = A + 2", at: 9, keysAfter: ["A"]),
    ]

    @Test(arguments: badPopulateTexts)
    func populateRejects(_ example: BadExpression) throws {
        let vocabulary = try Vocabulary(dimensions: 16, name: "populated", strict: true, seed: 2)
        Self.checkExpressionError(vocabulary, example) {
            try vocabulary.populate(example.text)
        }
    }

    @Test func vtbPopulateWithoutLeftInverse() throws {
        let vocabulary = try Vocabulary(dimensions: 16, name: "populated", algebra: VTB(), seed: 2)
        Self.checkExpressionError(vocabulary, BadExpression("X; Y.linv()", at: 3, keysAfter: ["X"])) {
            try vocabulary.populate("X; Y.linv()")
        }
    }

    // MARK: - Vocabulary, add, lookups

    @Test func initRejectsBadSettings() {
        let zero = expectBrainKitError(.validation) { _ = try Vocabulary(dimensions: 0, name: "v", seed: 0) }
        #expect(zero?.object == "Vocabulary 'v'" && zero?.parameter == "dimensions")
        expectBrainKitError(.validation) { _ = try Vocabulary(dimensions: -3, seed: 0) }
        let vtb = expectBrainKitError(.validation) { _ = try Vocabulary(dimensions: 15, name: "m", algebra: VTB(), seed: 0) }
        #expect(vtb?.object == "Vocabulary 'm'")
        expectBrainKitError(.validation) { _ = try Vocabulary(dimensions: 8, algebra: TVTB(), seed: 0) }
        let nan = expectBrainKitError(.validation) { _ = try Vocabulary(dimensions: 4, maxSimilarity: .nan, seed: 0) }
        #expect(nan?.parameter == "maxSimilarity")
        expectBrainKitError(.validation) { _ = try Vocabulary(dimensions: 4, maxSimilarity: .infinity, seed: 0) }
        let seed = expectBrainKitError(.validation) { _ = try Vocabulary(dimensions: 4, seed: -1) }
        #expect(seed?.parameter == "seed")
    }

    @Test func addRejectsBadKeysAndVectors() throws {
        let vocabulary = try Self.letters()
        let other = try Self.letters()
        let a = vocabulary["A"]!.vector
        let invalid = expectBrainKitError(.validation) { try vocabulary.add("a", vector: a) }
        #expect(invalid?.parameter == "key" && invalid?.object == "Vocabulary 'letters'")
        expectBrainKitError(.validation) { try vocabulary.add("Identity", vector: a) }
        expectBrainKitError(.validation) { try vocabulary.add("", vector: a) }
        let duplicate = expectBrainKitError(.validation) { try vocabulary.add("A", vector: a) }
        #expect(duplicate?.message.contains("already") == true)
        expectBrainKitError(.validation) { try vocabulary.add("D", vector: Array(a.prefix(15))) }
        expectBrainKitError(.validation) { try vocabulary.add("D", vector: []) }
        var poisoned = a
        poisoned[3] = .nan
        expectBrainKitError(.validation) { try vocabulary.add("D", vector: poisoned) }
        poisoned[3] = -.infinity
        expectBrainKitError(.validation) { try vocabulary.add("D", vector: poisoned) }
        let foreign = expectBrainKitError(.validation) { try vocabulary.add("D", other["A"]!) }
        #expect(foreign?.parameter == "D")
        expectBrainKitError(.validation) { try vocabulary.add("D", try SemanticPointer(a, algebra: VTB())) }
        expectBrainKitError(.validation) { try vocabulary.add("D", try SemanticPointer([1, 0, 0, 0])) }
        #expect(vocabulary.keys == ["A", "B", "C"])
    }

    @Test func lookupsRejectUnknownKeys() throws {
        let vocabulary = try Self.letters()
        let unknown = expectBrainKitError(.validation) { _ = try vocabulary.pointer("Q") }
        #expect(unknown?.message.contains("'Q'") == true)
        expectBrainKitError(.validation) { _ = try vocabulary.pointer("q") }
        let subset = expectBrainKitError(.validation) { _ = try vocabulary.subset(["A", "Q"]) }
        #expect(subset?.parameter == "subset")
        let target = try Vocabulary(dimensions: 32, name: "target", seed: 4)
        try target.populate("A; B")
        let transform = expectBrainKitError(.validation) { _ = try vocabulary.transform(to: target, keys: ["A", "Q"]) }
        #expect(transform?.parameter == "keys")
        #expect(target.keys == ["A", "B"])
        expectBrainKitError(.validation) { _ = try vocabulary.createPointer(attempts: 0) }
        expectBrainKitError(.validation) { _ = try vocabulary.similarity(Matrix(rows: 2, columns: 5)) }
        expectBrainKitError(.validation) { _ = try vocabulary.text([1, 0, 0]) }
        #expect(vocabulary.keys == ["A", "B", "C"])
    }

    // MARK: - Pointers and generators

    @Test func pointerOperationsRejectMismatches() throws {
        let first = try Self.letters(), second = try Self.letters()
        let a = first["A"]!, b = second["B"]!
        let mixed = expectBrainKitError(.validation) { _ = try a + b }
        #expect(mixed?.message.contains("Vocabulary 'letters'") == true)
        expectBrainKitError(.validation) { _ = try a * b }
        expectBrainKitError(.validation) { _ = try a.dot(b) }
        let short = try SemanticPointer([Double](repeating: 0.25, count: 25))
        let dimensions = expectBrainKitError(.validation) { _ = try a - short }
        #expect(dimensions?.message.contains("25") == true)
        let vtb = try SemanticPointer(a.vector, algebra: VTB())
        let algebras = expectBrainKitError(.validation) { _ = try a + vtb }
        #expect(algebras?.message.contains("VTB") == true)
        expectBrainKitError(.validation) { _ = try a.compare(vtb) }
        expectBrainKitError(.validation) { _ = try a.meanSquaredError(short) }
        expectBrainKitError(.validation) { _ = try a / 0 }
        expectBrainKitError(.validation) { _ = try a / .nan }
        expectBrainKitError(.validation) { _ = try a.power(0.5) }
        expectBrainKitError(.validation) { _ = try a.power(.infinity) }
        expectBrainKitError(.validation) { _ = try vtb.leftInverse() }
        expectBrainKitError(.validation) { _ = try SemanticPointer([]) }
        expectBrainKitError(.validation) { _ = try SemanticPointer([1, .nan]) }
        expectBrainKitError(.validation) { _ = try SemanticPointer([Double](repeating: 1, count: 15), algebra: TVTB()) }
        expectBrainKitError(.validation) { _ = try SemanticPointer([1, 0], vocabulary: first) }
        expectBrainKitError(.validation) { _ = try SemanticPointer.absorbingElement(dimensions: 16, algebra: VTB()) }
        expectBrainKitError(.validation) { _ = try SemanticPointer.identity(dimensions: 16, algebra: VTB(), sidedness: .left) }
        let bigger = try Vocabulary(dimensions: 25, name: "bigger", seed: 0)
        expectBrainKitError(.validation) { _ = try a.reinterpreted(as: bigger) }
        expectBrainKitError(.validation) { _ = try a.translated(from: second, to: bigger) }
    }

    @Test func generatorsRunOut() throws {
        var axes = try PointerGenerator(.axisAligned, seed: 0)
        for i in 0..<4 {
            let v = try axes.next(dimensions: 4)
            #expect(v == (0..<4).map { $0 == i ? 1 : 0 })
        }
        expectBrainKitError(.validation) { _ = try axes.next(dimensions: 4) }
        var orthonormal = try PointerGenerator(.orthonormal, seed: 0)
        for _ in 0..<3 { _ = try orthonormal.next(dimensions: 3) }
        expectBrainKitError(.validation) { _ = try orthonormal.next(dimensions: 3) }
        expectBrainKitError(.validation) { _ = try PointerGenerator(.unitLength, seed: -5) }
        expectBrainKitError(.validation) { _ = try PointerGenerator.unitLength(seed: Int(UInt32.max) + 1) }
        // A vocabulary of axis-aligned pointers cannot hold more keys than dimensions.
        let vocabulary = try Vocabulary(dimensions: 2, name: "axes", generator: try PointerGenerator(.axisAligned, seed: 0))
        let error = expectBrainKitError(.expression) { try vocabulary.populate("A; B; C") }
        #expect(error?.position == 6)
        #expect(vocabulary.keys == ["A", "B"])
    }

    // MARK: - Vocabulary files

    static let goodFile = """
        # BrainKit vocabulary
        name: colours
        dimensions: 4
        algebra: HRR
        strict: true
        max_similarity: 0.1
        RED: 0.5 -0.5 0.5 0.5
        BLUE: 0.25 0.75 -0.5 0.3535533905932738
        """

    /// `goodFile` with line `line` (1-based) replaced, or removed when `with` is nil.
    static func file(replacing line: Int, with text: String?) -> String {
        var lines = goodFile.components(separatedBy: "\n")
        if let text { lines[line - 1] = text } else { lines.remove(at: line - 1) }
        return lines.joined(separator: "\n")
    }

    @Test func goodFileLoads() throws {
        let vocabulary = try Vocabulary.load(fileText: Self.goodFile)
        #expect(vocabulary.keys == ["RED", "BLUE"])
        #expect(vocabulary.name == "colours" && vocabulary.dimensions == 4 && vocabulary.strict)
    }

    static let badFiles: [(String, String, String?)] = [
        // (label, text, parameter; nil for a missing setting, which has no line)
        ("missing algebra", file(replacing: 4, with: nil), nil),
        ("missing name", file(replacing: 2, with: nil), nil),
        ("bad algebra", file(replacing: 4, with: "algebra: XYZ"), "line 4"),
        ("non-integer dimensions", file(replacing: 3, with: "dimensions: four"), "line 3"),
        ("bad strict", file(replacing: 5, with: "strict: maybe"), "line 5"),
        ("non-numeric max_similarity", file(replacing: 6, with: "max_similarity: low"), "line 6"),
        ("non-numeric value", file(replacing: 8, with: "BLUE: 0.25 abc -0.5 0.3"), "line 8"),
        ("infinite value", file(replacing: 7, with: "RED: 0.5 inf 0.5 0.5"), "line 7"),
        ("short vector", file(replacing: 8, with: "BLUE: 0.25 0.75 -0.5"), "line 8"),
        ("long vector", file(replacing: 7, with: "RED: 0.5 -0.5 0.5 0.5 1"), "line 7"),
        ("duplicate key", file(replacing: 8, with: "RED: 0.25 0.75 -0.5 0.3"), "line 8"),
        ("invalid key", file(replacing: 8, with: "blue: 0.25 0.75 -0.5 0.3"), "line 8"),
        ("reserved key", file(replacing: 8, with: "Identity: 1 0 0 0"), "line 8"),
        ("no colon", file(replacing: 8, with: "BLUE 0.25 0.75 -0.5 0.3"), "line 8"),
        ("setting twice", file(replacing: 6, with: "strict: false"), "line 6"),
        ("setting after a key", goodFile + "\nname: again", "line 9"),
    ]

    @Test func loadRejectsBadFiles() {
        for (label, text, parameter) in Self.badFiles {
            let error = expectBrainKitError(.validation, "\(label)") { _ = try Vocabulary.load(fileText: text, source: "test.vocab") }
            #expect(error?.object == "Vocabulary file test.vocab", "\(label)")
            if let parameter {
                #expect(error?.parameter == parameter, "\(label): \(String(describing: error))")
            } else {
                #expect(error?.parameter?.hasPrefix("line") == true, "\(label): \(String(describing: error))")
            }
        }
        let missing = expectBrainKitError(.validation) { _ = try Vocabulary.load(fileText: Self.file(replacing: 4, with: nil)) }
        #expect(missing?.message.contains("'algebra'") == true)
        // Settings that parse but that a vocabulary refuses.
        expectBrainKitError(.validation) { _ = try Vocabulary.load(fileText: Self.file(replacing: 4, with: "algebra: VTB").replacingOccurrences(of: "dimensions: 4", with: "dimensions: 5")) }
        expectBrainKitError(.validation) { _ = try Vocabulary.load(fileText: Self.file(replacing: 6, with: "max_similarity: nan")) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-dir-\(UUID().uuidString)/v.vocab")
        expectBrainKitError(.validation) { _ = try Vocabulary.load(contentsOf: url) }
    }

    // MARK: - Keys

    @Test func validKeys() {
        for key in ["A", "Z", "A1", "A_b", "RED", "Hello_World_9", "X_"] {
            #expect(Vocabulary.isValidKey(key), "\(key)")
        }
        for key in [
            "", "a", "_A", "1A", "A-B", "A B", "A.B", "Ä", "Aé", "None", "True", "False", "Identity", "Zero",
            "AbsorbingElement", "NegativeIdentity",
        ] {
            #expect(!Vocabulary.isValidKey(key), "\(key)")
        }
        #expect(Vocabulary.reservedNames.count == 7)
    }

    @Test func atLeastThirtyDistinctBadInputs() {
        let texts = Set(Self.badHRRExpressions.map(\.text) + Self.badVTBExpressions.map(\.text) + Self.badPopulateTexts.map(\.text))
        #expect(texts.count >= 50)
        #expect(Set(Self.badFiles.map(\.1)).count == Self.badFiles.count)
    }
}
