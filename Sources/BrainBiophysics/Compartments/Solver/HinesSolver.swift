import BrainCore

/// Hines's (1984) O(N) elimination for a symmetric linear system whose sparsity is a tree.
///
/// Node `i` couples to its parent `parent[i]` (`-1` for a root) through the symmetric
/// off-diagonal entry `A[i][parent[i]] = A[parent[i]][i] = offDiagonal[i]`; nodes are numbered
/// so that every parent comes before its children (`parent[i] < i`). Then Gaussian
/// elimination from the leaves towards the roots creates no fill-in:
///
///     for i = N−1 … 1 with p = parent[i] ≥ 0:
///         f = offDiagonal[i] / diagonal[i]
///         diagonal[p] −= f · offDiagonal[i];   rhs[p] −= f · rhs[i]
///     for i = 0 … N−1:
///         x[i] = (rhs[i] − offDiagonal[i] · x[parent[i]]) / diagonal[i]   (no parent term for a root)
///
/// - Complexity: O(N), two passes.
package enum HinesSolver {
    /// Solves in place: `diagonal` is overwritten by the eliminated diagonal and `rhs` by the
    /// solution `x`.
    /// - Precondition: `parent[i] < i` for every `i` (checked in debug builds).
    @inline(__always)
    package static func solve(
        count: Int, parent: UnsafePointer<Int>, offDiagonal: UnsafePointer<Double>,
        diagonal: UnsafeMutablePointer<Double>, rhs: UnsafeMutablePointer<Double>
    ) {
        var i = count - 1
        while i > 0 {
            let p = parent[i]
            assert(p < i, "HinesSolver: nodes must be numbered parents first")
            if p >= 0 {
                let factor = offDiagonal[i] / diagonal[i]
                diagonal[p] -= factor * offDiagonal[i]
                rhs[p] -= factor * rhs[i]
            }
            i -= 1
        }
        i = 0
        while i < count {
            let p = parent[i]
            if p >= 0 {
                rhs[i] = (rhs[i] - offDiagonal[i] * rhs[p]) / diagonal[i]
            } else {
                rhs[i] = rhs[i] / diagonal[i]
            }
            i += 1
        }
    }

    /// The solution `x` of the tree system (array form of
    /// ``solve(count:parent:offDiagonal:diagonal:rhs:)``).
    /// - Precondition: all arrays have the same count and `parent[i] < i`.
    package static func solve(parent: [Int], offDiagonal: [Double], diagonal: [Double], rhs: [Double]) -> [Double] {
        precondition(
            parent.count == offDiagonal.count && parent.count == diagonal.count && parent.count == rhs.count,
            "HinesSolver: arrays differ in length")
        precondition(parent.indices.allSatisfy { parent[$0] < $0 }, "HinesSolver: parents must come first")
        guard !parent.isEmpty else { return [] }
        var d = diagonal
        var x = rhs
        parent.withUnsafeBufferPointer { p in
            offDiagonal.withUnsafeBufferPointer { a in
                d.withUnsafeMutableBufferPointer { dp in
                    x.withUnsafeMutableBufferPointer { xp in
                        solve(
                            count: p.count, parent: p.baseAddress!, offDiagonal: a.baseAddress!,
                            diagonal: dp.baseAddress!, rhs: xp.baseAddress!)
                    }
                }
            }
        }
        return x
    }
}
