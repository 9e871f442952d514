import BrainTestSupport
import BrainCore
import Testing
import BrainSPA

/// `Vocabulary.parse` against nengo_spa 2.0's (Fixtures/spa_expressions.json): a strict HRR
/// vocabulary (32-D; A, B, C, D) and a strict VTB one (16-D; X, Y, Z) holding nengo_spa's
/// vectors. Every expression nengo_spa evaluates gives the same vector to 1e-12 and a pointer
/// of the vocabulary; every expression nengo_spa raises for throws a `.expression`
/// `BrainKitError` naming the vocabulary and the expression, at the position listed here.
///
/// Documented divergences, checked as such:
/// - `+A`: BrainKit accepts unary plus (Python's grammar has it), and `+A` is A. nengo_spa
///   raises `TypeError: bad operand type for unary +` because `SemanticPointer` has no
///   `__pos__`.
/// - In the VTB vocabulary, a bare number (`2`) and a dot product (`X@Y`) are a number n at the
///   top level; BrainKit gives n·Identity of the vocabulary's algebra (VTB: n·I₄/2), nengo_spa
///   an HRR pointer `[n, 0, …, 0]` (it always uses the HRR identity there), which is not even
///   in the vocabulary's algebra.
@Suite("Vocabulary.parse matches nengo_spa")
struct ExpressionFixtureTests {
    static let tolerance = 1e-12

    static func block(_ algebra: String) throws -> SPAFixture {
        let fixture = try SPAFixture("spa_expressions")
        return algebra == "HRR" ? fixture : fixture["vtb"]
    }

    static func vocabulary(_ block: SPAFixture) throws -> Vocabulary {
        try makeVocabulary(
            name: "\(block["algebra"].string!) \(block["dimensions"].int!)",
            algebra: algebra(named: block["algebra"].string!), keys: block["keys"].strings!,
            vectors: block["vectors"].rows!, strict: true, seed: block["seed"].int!)
    }

    /// Where BrainKit reports each expression that nengo_spa raises for.
    static let errorPositions: [String: Int] = [
        "A**0.5": 1,  // A is not positive: fractional power
        "A+1": 1,  // pointer + number
        "A*B*E": 4,  // E is not in the strict vocabulary
        "A/0": 1,  // division by zero
        "X.linv()": 2,  // VTB has no left inverse
        "X.abs()": 2,  // X's sign is indefinite
        "AbsorbingElement": 0,  // VTB has none
    ]

    @Test(arguments: ["HRR", "VTB"])
    func parseMatchesNengoSpa(_ algebraName: String) throws {
        let block = try Self.block(algebraName)
        #expect(block["algebra"].string == algebraName)
        let vocabulary = try Self.vocabulary(block)
        let cases = block["cases"].array
        #expect(cases.count >= 30)
        var compared = 0, raised = 0
        for c in cases {
            let expression = try #require(c["expression"].string)
            if expression == "+A" {
                // nengo_spa raises; BrainKit's unary plus is the identity.
                #expect(c["error"].string == "TypeError")
                let pointer = try vocabulary.parse(expression)
                #expect(pointer.vector == vocabulary["A"]!.vector)
                #expect(pointer.vocabulary == vocabulary.reference)
                continue
            }
            if algebraName == "VTB", expression == "2" || expression == "X@Y" {
                // nengo_spa: an HRR [n, 0, …]; BrainKit: n·(VTB identity).
                #expect(c["algebra"].string == "HRR")
                let theirs = try #require(c["vector"].doubles)
                let n = theirs[0]
                #expect(theirs.dropFirst().allSatisfy { $0 == 0 })
                if expression == "X@Y" {
                    #expect(abs(n - (try vocabulary["X"]!.dot(vocabulary["Y"]!))) <= Self.tolerance)
                } else {
                    #expect(n == 2)
                }
                let identity = try VTB().identity(dimensions: 16, sidedness: .right)
                let pointer = try vocabulary.parse(expression)
                #expect(maxAbsoluteDifference(pointer.vector, identity.map { n * $0 }) <= Self.tolerance, "\(expression)")
                #expect(pointer.algebra.name == "VTB")
                #expect(pointer.vocabulary == vocabulary.reference)
                continue
            }
            if let expected = c["vector"].doubles {
                #expect(c["algebra"].string == algebraName)
                let pointer: SemanticPointer
                do {
                    pointer = try vocabulary.parse(expression)
                } catch {
                    Issue.record("\(expression): nengo_spa gives a vector, BrainKit throws \(error)")
                    continue
                }
                #expect(maxAbsoluteDifference(pointer.vector, expected) <= Self.tolerance, "\(expression)")
                #expect(pointer.vocabulary == vocabulary.reference, "\(expression)")
                #expect(pointer.algebra.name == algebraName, "\(expression)")
                #expect(pointer.name == expression)
                compared += 1
            } else {
                #expect(c["error"].string != nil, "\(expression) has neither a vector nor an error")
                let error = expectBrainKitError(.expression, "\(expression) (nengo_spa: \(c["error"].string ?? ""))") {
                    _ = try vocabulary.parse(expression)
                }
                #expect(error?.object == "Vocabulary '\(vocabulary.name)'")
                #expect(error?.parameter == "expression \"\(expression)\"")
                let position = try #require(Self.errorPositions[expression], "no position listed for \(expression)")
                #expect(error?.position == position, "\(expression): \(String(describing: error))")
                raised += 1
            }
        }
        #expect(compared >= (algebraName == "HRR" ? 60 : 25))
        #expect(raised == (algebraName == "HRR" ? 4 : 3))
    }

    /// The VTB vocabulary's special elements: `Identity` is the right identity (nengo_spa
    /// warns and gives it), so `Identity*X` is X's right inverse, not X.
    @Test func vtbIdentityIsRightSided() throws {
        let vocabulary = try Self.vocabulary(try Self.block("VTB"))
        let x = vocabulary["X"]!
        #expect(maxAbsoluteDifference(try vocabulary.parse("X*Identity").vector, x.vector) <= Self.tolerance)
        #expect(maxAbsoluteDifference(try vocabulary.parse("Identity*X").vector, try x.rightInverse().vector) <= Self.tolerance)
        #expect(maxAbsoluteDifference(try vocabulary.parse("Identity*X").vector, x.vector) > 0.1)
    }
}
