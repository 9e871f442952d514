import Testing
import BrainSPA

/// SplitMix64: a small, fast, fixed-seed pseudo-random generator, so that fuzz runs are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct ExpressionParserFuzzTests {
    static let pieces = [
        "A", "B", "C", "a", "_", "0", "1", "2", ".", "e", "E", "+", "-", "*", "/", "@", "~", "(", ")", " ",
        "normalized()", "unitary()", ".linv()", "**",
    ]

    /// Random strings of 0–40 pieces either parse or throw; parsed trees survive printing and re-parsing.
    @Test func randomStringsParseOrThrow() throws {
        var generator = SplitMix64(seed: 0x5EED_0F_5BA)
        var parsed = 0
        var rejected = 0
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...40, using: &generator)
            var text = ""
            for _ in 0..<count {
                text += Self.pieces.randomElement(using: &generator) ?? ""
            }
            do throws(ExpressionSyntaxError) {
                let tree = try ExpressionParser.parse(text)
                parsed += 1
                let reparsed = try ExpressionParser.parse(tree.description)
                #expect(strippingPositions(reparsed) == strippingPositions(tree), "\(String(reflecting: text))")
                #expect(reparsed.description == tree.description)
            } catch {
                rejected += 1
                #expect(error.expression == text)
                #expect((0...text.count).contains(error.position), "\(error)")
                #expect(!error.message.isEmpty)
            }
        }
        #expect(parsed > 0)
        #expect(rejected > 0)
        print("fuzz: \(parsed) parsed, \(rejected) rejected")
    }

    /// Random well-formed trees print to text that parses back to the same tree.
    @Test func randomTreesRoundTrip() throws {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<5_000 {
            let tree = Self.randomTree(depth: 6, using: &generator)
            let reparsed = try ExpressionParser.parse(tree.description)
            #expect(strippingPositions(reparsed) == tree, "\(tree)")
        }
    }

    static func randomTree(depth: Int, using generator: inout SplitMix64) -> ExpressionSyntax {
        let choice = depth == 0 ? Int.random(in: 0...1, using: &generator) : Int.random(in: 0...4, using: &generator)
        switch choice {
        case 0:
            let names = ["A", "B", "Identity", "lower_case", "_x1"]
            return .name(names.randomElement(using: &generator) ?? "A", position: 0)
        case 1:
            let values: [Double] = [0, 1, 0.5, 2.5e-7, 1e20, 123456.789, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
            return .number(values.randomElement(using: &generator) ?? 1, position: 0)
        case 2:
            let ops: [ExpressionSyntax.UnaryOperator] = [.negate, .plus, .invert]
            return .unary(
                ops.randomElement(using: &generator) ?? .negate,
                randomTree(depth: depth - 1, using: &generator), position: 0)
        case 3:
            let ops: [ExpressionSyntax.BinaryOperator] = [.add, .subtract, .multiply, .divide, .dot, .power]
            return .binary(
                ops.randomElement(using: &generator) ?? .add,
                randomTree(depth: depth - 1, using: &generator),
                randomTree(depth: depth - 1, using: &generator), position: 0)
        default:
            return .method(
                randomTree(depth: depth - 1, using: &generator),
                PointerMethod.allCases.randomElement(using: &generator) ?? .copy, position: 0)
        }
    }
}
