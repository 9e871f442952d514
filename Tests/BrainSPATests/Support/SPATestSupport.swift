import BrainCore
import Testing
import BrainSPA

/// Helpers shared by the vocabulary, expression and pointer tests.

/// Whether `a` is within `ulps` units in the last place of `b`: |a − b| ≤ ulps·ulp(b).
func isWithinULPs(_ a: Double, _ b: Double, _ ulps: Double) -> Bool {
    abs(a - b) <= ulps * b.ulp
}

/// The indices where `a` is not within `ulps` ulps of `b` (every index if the lengths differ).
func ulpMismatches(_ a: [Double], _ b: [Double], ulps: Double) -> [Int] {
    guard a.count == b.count else { return Array(0..<max(a.count, b.count)) }
    return a.indices.filter { !isWithinULPs(a[$0], b[$0], ulps) }
}

/// The algebra with a fixture's name ("HRR", "VTB", "TVTB").
func algebra(named name: String) -> any Algebra {
    switch name {
    case "VTB": return VTB()
    case "TVTB": return TVTB()
    default: return HRR()
    }
}

/// A strict vocabulary holding exactly `keys` with `vectors` (added with `add(_:vector:)`, in
/// order), so that tests start from nengo_spa's vectors rather than from BrainKit's draws.
func makeVocabulary(
    name: String, algebra: any Algebra, keys: [String], vectors: [[Double]], strict: Bool = true, seed: Int = 0
) throws -> Vocabulary {
    let dimensions = vectors.first?.count ?? 0
    let vocabulary = try Vocabulary(dimensions: dimensions, name: name, strict: strict, algebra: algebra, seed: seed)
    for (key, vector) in zip(keys, vectors) {
        try vocabulary.add(key, vector: vector)
    }
    return vocabulary
}

/// Runs `body`, records an issue unless it throws a `BrainKitError`, checks the error's kind,
/// and returns the error (nil when nothing or something else was thrown) for further checks.
@discardableResult
func expectBrainKitError(
    _ kind: BrainKitError.Kind, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) -> BrainKitError? {
    let label = comment.map { "\($0): " } ?? ""
    do {
        try body()
    } catch let error as BrainKitError {
        #expect(error.kind == kind, "\(label)\(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("\(label)expected a \(kind) BrainKitError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
    Issue.record("\(label)expected a \(kind) BrainKitError, nothing was thrown", sourceLocation: sourceLocation)
    return nil
}
