import Testing
import BrainSPA

/// `Vocabulary.parse` on random text (fixed seeds): every string either gives a pointer of the
/// vocabulary with 16 finite values or throws a `.expression` `BrainKitError` naming the
/// vocabulary with a position inside the text (0…count); nothing traps. A strict vocabulary
/// never changes; a non-strict one only gains valid keys, appended after the ones it had.
/// Random pieces are mostly malformed (about 1.5% parse), so random well-formed expressions
/// check the same contract on evaluation.
@Suite("Vocabulary.parse fuzz")
struct VocabularyParseFuzzTests {
    /// SplitMix64 (Steele, Lea & Flood 2014): this suite's own fixed-seed generator.
    struct FuzzGenerator: RandomNumberGenerator {
        private var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "A", "B", "C", "D", "a", "x", "0", "1", "2", ".", "e", "+", "-", "*", "/", "@", "~", "(", ")", " ",
        ".normalized()", ".unitary()", ".linv()", "**", "Identity", "Zero",
    ]

    static func randomText(_ generator: inout FuzzGenerator) -> String {
        let count = Int.random(in: 0...30, using: &generator)
        var text = ""
        for _ in 0..<count { text += pieces.randomElement(using: &generator)! }
        return text
    }

    /// What one parse did; failures of the contract are collected rather than expected one by
    /// one, so that a broken contract reports a few examples instead of thousands.
    struct Outcome {
        var parsed = 0
        var rejected = 0
        var violations: [String] = []

        mutating func check(_ vocabulary: Vocabulary, _ text: String) {
            do {
                let pointer = try vocabulary.parse(text)
                parsed += 1
                if pointer.vector.count != 16 || !pointer.vector.allSatisfy(\.isFinite) {
                    violations.append("\(String(reflecting: text)) gave \(pointer.vector.count) values, \(pointer.vector.prefix(3))…")
                }
                if pointer.vocabulary != vocabulary.reference {
                    violations.append("\(String(reflecting: text)) gave a pointer of \(String(describing: pointer.vocabulary))")
                }
            } catch {
                rejected += 1
                let inside = error.position.map { (0...text.count).contains($0) } ?? false
                if error.kind != .expression || !inside || error.object != "Vocabulary '\(vocabulary.name)'" {
                    violations.append("\(String(reflecting: text)) threw \(error.kind) at \(String(describing: error.position)): \(error)")
                }
            }
        }
    }

    @Test func strictVocabularyParsesOrThrows() throws {
        let vocabulary = try Vocabulary(dimensions: 16, name: "fuzz", strict: true, seed: 7)
        try vocabulary.populate("A; B; C")
        let before = vocabulary.vectors
        var generator = FuzzGenerator(seed: 0xF0F0_2024)
        var outcome = Outcome()
        for _ in 0..<20_000 {
            outcome.check(vocabulary, Self.randomText(&generator))
        }
        #expect(outcome.violations.isEmpty, "\(outcome.violations.count) violations, e.g. \(outcome.violations.prefix(8))")
        #expect(outcome.parsed > 0)
        #expect(outcome.rejected > 0)
        #expect(outcome.parsed + outcome.rejected == 20_000)
        #expect(vocabulary.keys == ["A", "B", "C"])
        #expect(vocabulary.vectors == before)
        print("strict parse fuzz: \(outcome.parsed) parsed, \(outcome.rejected) rejected")
    }

    @Test func nonStrictVocabularyOnlyGainsValidKeys() throws {
        let vocabulary = try Vocabulary(dimensions: 16, name: "open", strict: false, seed: 8)
        try vocabulary.populate("A; B; C")
        var generator = FuzzGenerator(seed: 0x0BE2_57A1)
        var outcome = Outcome()
        var keys = vocabulary.keys
        var vectors = vocabulary.vectors.nested
        var shrank: [String] = []
        for _ in 0..<5_000 {
            let text = Self.randomText(&generator)
            outcome.check(vocabulary, text)
            // Keys only grow, at the end, and existing vectors never change.
            if vocabulary.count < keys.count || Array(vocabulary.keys.prefix(keys.count)) != keys
                || Array(vocabulary.vectors.nested.prefix(vectors.count)) != vectors
            {
                shrank.append(String(reflecting: text))
            }
            keys = vocabulary.keys
            vectors = vocabulary.vectors.nested
        }
        #expect(outcome.violations.isEmpty, "\(outcome.violations.count) violations, e.g. \(outcome.violations.prefix(8))")
        #expect(shrank.isEmpty, "keys or vectors changed after \(shrank.prefix(8))")
        #expect(outcome.parsed > 0)
        #expect(outcome.rejected > 0)
        #expect(vocabulary.count > 4, "D and other capitalised names are added")
        #expect(vocabulary.contains("D"))
        #expect(vocabulary.keys.allSatisfy(Vocabulary.isValidKey), "\(vocabulary.keys.filter { !Vocabulary.isValidKey($0) })")
        #expect(Set(vocabulary.keys).count == vocabulary.count)
        print("non-strict parse fuzz: \(outcome.parsed) parsed, \(outcome.rejected) rejected, \(vocabulary.count) keys")
    }

    static func randomExpression(depth: Int, _ generator: inout FuzzGenerator) -> String {
        let leaves = ["A", "B", "C", "Identity", "Zero", "AbsorbingElement", "0", "1", "2", "0.5", "3", "1e-3", "10"]
        if depth == 0 || Int.random(in: 0..<4, using: &generator) == 0 {
            return leaves.randomElement(using: &generator)!
        }
        let operand = randomExpression(depth: depth - 1, &generator)
        switch Int.random(in: 0..<4, using: &generator) {
        case 0:
            return ["-", "~", "+"].randomElement(using: &generator)! + "(" + operand + ")"
        case 1:
            let methods = [".normalized()", ".unitary()", ".linv()", ".rinv()", ".abs()", ".copy()"]
            return "(" + operand + ")" + methods.randomElement(using: &generator)!
        default:
            let op = ["+", "-", "*", "/", "@", "**"].randomElement(using: &generator)!
            return "(" + operand + " " + op + " " + randomExpression(depth: depth - 1, &generator) + ")"
        }
    }

    @Test func wellFormedExpressionsEvaluateOrThrow() throws {
        let vocabulary = try Vocabulary(dimensions: 16, name: "fuzz", strict: true, seed: 7)
        try vocabulary.populate("A; B; C")
        var generator = FuzzGenerator(seed: 0x00E7_A1)
        var outcome = Outcome()
        for _ in 0..<5_000 {
            let text = Self.randomExpression(depth: 5, &generator)
            #expect(throws: Never.self) { try ExpressionParser.parse(text) }
            outcome.check(vocabulary, text)
        }
        #expect(outcome.violations.isEmpty, "\(outcome.violations.count) violations, e.g. \(outcome.violations.prefix(8))")
        #expect(outcome.parsed > 1_000)
        #expect(outcome.rejected > 100)
        print("well-formed parse fuzz: \(outcome.parsed) evaluated, \(outcome.rejected) rejected")
    }
}
