import BrainTestSupport
import BrainCore
import Testing
import BrainSPA

/// `SemanticPointer`'s behaviour as nengo_spa's unit tests describe it (test_semantic_pointer,
/// test_algebras): binding is the algebra's bind; identities, powers and inverses behave as
/// they should in each algebra; expressions equal the same operations on pointers; names are
/// carried; similarity measures; reinterpret and translate; and nengo_spa's statistical
/// binding-and-inversion check with fixed seeds. Tolerances are 1e-12 unless said otherwise.
@Suite("SemanticPointer")
struct SemanticPointerTests {
    static let algebras: [any Algebra] = [HRR(), VTB(), TVTB()]

    static func algebra(_ name: String) -> any Algebra { algebras.first { $0.name == name }! }

    /// Two unit-length pointers of `dimensions` drawn from `RandomState(seed)`.
    static func pair(_ algebra: any Algebra, dimensions: Int = 16, seed: Int = 1) throws -> (SemanticPointer, SemanticPointer) {
        var generator = try PointerGenerator.unitLength(seed: seed)
        let a = try SemanticPointer(try generator.next(dimensions: dimensions), algebra: algebra, name: "a")
        let b = try SemanticPointer(try generator.next(dimensions: dimensions), algebra: algebra, name: "b")
        return (a, b)
    }

    /// A strict 16-D vocabulary with A, B, C.
    static func letters(_ name: String = "letters", seed: Int = 1, dimensions: Int = 16) throws -> Vocabulary {
        let vocabulary = try Vocabulary(dimensions: dimensions, name: name, seed: seed)
        try vocabulary.populate("A; B; C")
        return vocabulary
    }

    @Test(arguments: ["HRR", "VTB", "TVTB"])
    func bindingIsTheAlgebrasBind(_ name: String) throws {
        let algebra = Self.algebra(name)
        let (a, b) = try Self.pair(algebra)
        #expect(try (a * b).vector == algebra.bind(a.vector, b.vector))
        #expect(try (b * a).vector == algebra.bind(b.vector, a.vector))
        #expect(try (a * b).algebra.name == name)
        #expect(try (a + b).vector == zip(a.vector, b.vector).map(+))
        #expect(try (a - b).vector == zip(a.vector, b.vector).map(-))
        #expect((-a).vector == a.vector.map { -$0 })
    }

    /// HRR and TVTB: the identity works on both sides; VTB: on the right only (on the left it
    /// transposes, giving the right inverse).
    @Test(arguments: ["HRR", "VTB", "TVTB"])
    func identityLeavesPointersUnchanged(_ name: String) throws {
        let algebra = Self.algebra(name)
        let (a, _) = try Self.pair(algebra)
        let identity = try SemanticPointer.identity(dimensions: 16, algebra: algebra, sidedness: .right)
        #expect(maxAbsoluteDifference(try (a * identity).vector, a.vector) <= 1e-12)
        if name == "VTB" {
            #expect(maxAbsoluteDifference(try (identity * a).vector, try a.rightInverse().vector) <= 1e-12)
            #expect(maxAbsoluteDifference(try (identity * a).vector, a.vector) > 0.1)
            expectBrainKitError(.validation) { _ = try SemanticPointer.identity(dimensions: 16, algebra: algebra, sidedness: .left) }
        } else {
            #expect(maxAbsoluteDifference(try (identity * a).vector, a.vector) <= 1e-12)
            let left = try SemanticPointer.identity(dimensions: 16, algebra: algebra, sidedness: .left)
            #expect(maxAbsoluteDifference(try (left * a).vector, a.vector) <= 1e-12)
        }
        // The negated identity negates, the zero element annihilates.
        let negative = try SemanticPointer.negativeIdentity(dimensions: 16, algebra: algebra, sidedness: .right)
        #expect(maxAbsoluteDifference(try (a * negative).vector, a.vector.map { -$0 }) <= 1e-12)
        let zero = try SemanticPointer.zero(dimensions: 16, algebra: algebra)
        #expect(try (a * zero).vector.allSatisfy { $0 == 0 })
    }

    @Test(arguments: ["HRR", "VTB", "TVTB"])
    func integerPowersAreRepeatedBinding(_ name: String) throws {
        let algebra = Self.algebra(name)
        let (a, _) = try Self.pair(algebra)
        let u = a.unitary()
        #expect(abs(u.length - 1) <= 1e-12)
        let cubed = try u * u * u
        #expect(maxAbsoluteDifference(try (u ** 3).vector, cubed.vector) <= 1e-12)
        #expect(maxAbsoluteDifference(try u.power(2).vector, try (u * u).vector) <= 1e-12)
        #expect(maxAbsoluteDifference(try u.power(1).vector, u.vector) <= 1e-12)
        // u**-1 is the (right) inverse of a unitary u: binding with u and then with u**-1 is
        // the identity map; u**0 is the identity.
        let (_, b) = try Self.pair(algebra, seed: 2)
        #expect(maxAbsoluteDifference(try ((b * u) * (u ** -1)).vector, b.vector) <= 1e-12)
        #expect(maxAbsoluteDifference(try (u ** -1).vector, try u.rightInverse().vector) <= 1e-12)
        let identity = try algebra.identity(dimensions: 16, sidedness: .right)
        #expect(maxAbsoluteDifference(try u.power(0).vector, identity) <= 1e-12)
    }

    @Test func squareRootOfPositiveUnitaryHRRPointer() throws {
        let (a, _) = try Self.pair(HRR(), dimensions: 64, seed: 3)
        let positive = try a.absoluteValue().unitary()
        #expect(positive.sign.isPositive)
        let root = try positive ** 0.5
        #expect(maxAbsoluteDifference(try (root ** 2).vector, positive.vector) <= 1e-12)
        #expect(maxAbsoluteDifference(try (root * root).vector, positive.vector) <= 1e-12)
        #expect(maxAbsoluteDifference(try (positive ** 1.5).vector, try (positive * root).vector) <= 1e-12)
    }

    @Test func expressionEqualsTheSameOperationsOnPointers() throws {
        let vocabulary = try Self.letters()
        let a = vocabulary["A"]!, b = vocabulary["B"]!, c = vocabulary["C"]!
        let parsed = try vocabulary.parse("A-(B*C)*3+~C")
        let product = try b * c
        let difference = try a - product * 3
        let built = try difference + (try ~c)
        #expect(parsed.vector == built.vector)
        #expect(parsed.name == "A-(B*C)*3+~C")
        #expect(built.name == "((A-((B*C)*3))+~C)")
        #expect(try vocabulary.parse("  (A*B).normalized() ").name == "(A*B).normalized()")
        #expect(try vocabulary.parse("2*A").vector == (2 * a).vector)
        #expect(try vocabulary.parse("A@B*C").vector == (try a.dot(b) * c).vector)
    }

    @Test func zeroPointers() throws {
        let zero = try SemanticPointer.zero(dimensions: 16)
        let (a, _) = try Self.pair(HRR())
        #expect(zero.normalized().vector == zero.vector)
        #expect(zero.length == 0)
        #expect(try zero.compare(a) == 0)
        #expect(try a.compare(zero) == 0)
        #expect(try zero.distance(a) == 1)
        #expect(try zero.dot(a) == 0)
    }

    @Test func namesAreCarried() throws {
        let vocabulary = try Self.letters()
        let a = vocabulary["A"]!, b = vocabulary["B"]!
        #expect(a.name == "A")
        #expect(try (a * b).normalized().name == "(A*B).normalized()")
        #expect(try (a + b).name == "(A+B)")
        #expect(try (a - b).name == "(A-B)")
        #expect(try (~a).name == "~A")
        #expect((-a).name == "-A")
        #expect((a * 2).name == "(A*2)")
        #expect((0.5 * a).name == "(0.5*A)")
        #expect(try (a / 2).name == "(A/2)")
        #expect(try (a ** 3).name == "(A**3)")
        #expect(a.unitary().name == "A.unitary()")
        #expect(try a.rightInverse().name == "A.rinv()")
        #expect(try a.leftInverse().name == "A.linv()")
        #expect(a.named("Other").name == "Other" && a.named("Other").vector == a.vector)
        let unnamed = try SemanticPointer(a.vector)
        #expect(unnamed.name == nil)
        #expect(try (unnamed + unnamed).name == nil)
        #expect(unnamed.normalized().name == nil)
        #expect(a.description == "A")
    }

    @Test func similarityMeasures() throws {
        let (a, b) = try Self.pair(HRR(), dimensions: 64, seed: 5)
        let dot = zip(a.vector, b.vector).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(try a.dot(b) == dot)
        #expect(abs(try a.compare(b) - dot / (a.length * b.length)) <= 1e-15)
        #expect(abs(try a.distance(b) - (1 - (try a.compare(b)))) <= 1e-15)
        let mse = zip(a.vector, b.vector).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / 64
        #expect(abs(try a.meanSquaredError(b) - mse) <= 1e-15)
        #expect(try a.meanSquaredError(a) == 0)
        #expect(abs(try a.compare(a) - 1) <= 1e-12)
        #expect(abs(try a.compare(-a) + 1) <= 1e-12)
        // Scaling changes dot but not compare.
        #expect(abs(try (a * 3).dot(b) - 3 * dot) <= 1e-12)
        #expect(abs(try (a * 3).compare(b * 0.25) - (try a.compare(b))) <= 1e-12)
        #expect(abs(a.length - 1) <= 1e-12)
    }

    @Test func scalingAndDivision() throws {
        let (a, _) = try Self.pair(HRR())
        #expect((2 * a).vector == a.vector.map { 2 * $0 })
        #expect((a * 2).vector == (2 * a).vector)
        #expect((a * -0.5).vector == a.vector.map { -0.5 * $0 })
        #expect(try (a / 2).vector == a.vector.map { $0 / 2 })
        #expect(try (a / 2).vector == (a * 0.5).vector)
        #expect(try (a / 4).vector == (0.25 * a).vector)
        #expect((a * 2).algebra.name == "HRR" && (a * 2).vocabulary == nil)
    }

    @Test func reinterpretAndTranslate() throws {
        let source = try Self.letters("source", seed: 1)
        let same = try Self.letters("same size", seed: 2)
        let wide = try Self.letters("wide", seed: 3, dimensions: 64)
        let a = source["A"]!

        // reinterpret keeps the vector and changes the vocabulary.
        let reinterpreted = try a.reinterpreted(as: same)
        #expect(reinterpreted.vector == a.vector)
        #expect(reinterpreted.vocabulary == same.reference)
        #expect(reinterpreted.name == "A")
        #expect(try (reinterpreted + same["B"]!).vocabulary == same.reference)
        expectBrainKitError(.validation) { _ = try a + same["B"]! }

        // translate multiplies by source.transform(to: target).
        let translated = try a.translated(from: source, to: wide)
        let matrix = try source.transform(to: wide)
        #expect(translated.vocabulary == wide.reference)
        #expect(translated.dimensions == 64)
        #expect(maxAbsoluteDifference(translated.vector, LinearAlgebra.multiply(matrix, a.vector)) <= 1e-12)
        // A maps mostly onto the target's A.
        #expect(try translated.compare(wide["A"]!) > 0.95)
        #expect(try translated.compare(wide["B"]!) < 0.3)
        // A pointer without a vocabulary may be translated too.
        let free = try SemanticPointer(a.vector)
        #expect(try free.translated(from: source, to: wide).vector == translated.vector)
    }

    /// nengo_spa's test_binding_and_invert (D = 64, 10 trials per algebra, fixed seeds here):
    /// a ⊛ b is dissimilar to a and to b (compare < 0.7 in at least 16 of 20 cases) and
    /// unbinding with b's right inverse (HRR: ~b) recovers a (compare > 0.6 in at least 7 of 10).
    @Test(arguments: ["HRR", "VTB", "TVTB"])
    func bindingAndInversionStatistics(_ name: String) throws {
        let algebra = Self.algebra(name)
        var generator = try PointerGenerator.unitLength(seed: 17)
        var dissimilar = 0, recovered = 0
        for _ in 0..<10 {
            let a = try SemanticPointer(try generator.next(dimensions: 64), algebra: algebra)
            let b = try SemanticPointer(try generator.next(dimensions: 64), algebra: algebra)
            let bound = try a * b
            for v in [a, b] {
                if try bound.compare(v) < 0.7 { dissimilar += 1 }
            }
            let inverse = name == "HRR" ? try ~b : try b.rightInverse()
            let unbound = try (bound * inverse).normalized()
            if try unbound.compare(a) > 0.6 { recovered += 1 }
        }
        #expect(dissimilar >= 16, "\(name): \(dissimilar) of 20 dissimilar")
        #expect(recovered >= 7, "\(name): \(recovered) of 10 recovered")
    }
}
