/// The Cholesky factor of `G[P, P]`, a symmetric positive definite Gram matrix G restricted to
/// an index set P that grows and shrinks one index at a time (the passive set of
/// ``NonNegativeLeastSquares``). Each change costs O(k²) for k = |P|, instead of the O(k³) of
/// a new factorization.
///
/// R is upper triangular with a positive diagonal and `RᵀR = G[P, P]`, with P in the order of
/// ``indices``. R is stored column-major in a `capacity x capacity` buffer (R[r, c] at
/// `c * capacity + r`), so that each column is contiguous.
struct PassiveSetCholesky {
    /// The largest number of indices P can hold (the size of G).
    let capacity: Int
    /// P, in factor order.
    private(set) var indices: [Int] = []
    private var factor: [Double]

    init(capacity: Int) {
        self.capacity = capacity
        self.factor = [Double](repeating: 0, count: capacity * capacity)
        indices.reserveCapacity(capacity)
    }

    /// Empties P.
    mutating func removeAll() {
        indices.removeAll(keepingCapacity: true)
    }

    /// Appends index `j`: solves `Rᵀr = G[P, j]` and sets the new diagonal
    /// `ρ = sqrt(G_jj − ‖r‖²)`, the length of column j's part orthogonal to the columns in P.
    ///
    /// Returns false and leaves the factor unchanged when column j is numerically dependent on
    /// P: when ρ² is within its own rounding error, `10·(k + 1)·ε·G_jj` (this also rejects an
    /// all-zero column).
    /// - Precondition: `gram` is `capacity x capacity`, `j` is not in P.
    mutating func append(_ j: Int, gram: Matrix) -> Bool {
        let k = indices.count
        let capacity = self.capacity
        precondition(gram.rows == capacity && gram.columns == capacity && k < capacity)
        let diagonal = gram[j, j]
        let accepted = factor.withUnsafeMutableBufferPointer { f in
            gram.values.withUnsafeBufferPointer { g in
                indices.withUnsafeBufferPointer { p in
                    let base = f.baseAddress!
                    let column = base + k * capacity
                    // Row j of the symmetric G holds G[p_i, j] at offset p_i.
                    let gramRow = g.baseAddress! + j * capacity
                    var squaredNorm = 0.0
                    var i = 0
                    while i < k {
                        // r_i = (G[p_i, j] − Σ_{l<i} R[l, i]·r_l) / R[i, i]
                        let rColumn = base + i * capacity
                        var sum = gramRow[p[i]]
                        var l = 0
                        while l < i {
                            sum -= rColumn[l] * column[l]
                            l += 1
                        }
                        let r = sum / rColumn[i]
                        column[i] = r
                        squaredNorm += r * r
                        i += 1
                    }
                    let rhoSquared = diagonal - squaredNorm
                    guard rhoSquared > 10 * Double(k + 1) * Double.ulpOfOne * diagonal else { return false }
                    column[k] = rhoSquared.squareRoot()
                    return true
                }
            }
        }
        if accepted { indices.append(j) }
        return accepted
    }

    /// Removes the most recently appended index.
    mutating func removeLast() {
        indices.removeLast()
    }

    /// Removes the index at `position` in factor order. Deleting column `position` of R leaves
    /// an upper Hessenberg block to its right; Givens rotations of neighbouring rows restore
    /// the triangle (RᵀR is unchanged by the rotations, as they are orthogonal).
    mutating func remove(at position: Int) {
        let k = indices.count
        let capacity = self.capacity
        precondition(position >= 0 && position < k)
        factor.withUnsafeMutableBufferPointer { f in
            let base = f.baseAddress!
            // Shift columns position+1 ..< k one to the left (column c has rows 0...c).
            var c = position
            while c < k - 1 {
                (base + c * capacity).update(from: base + (c + 1) * capacity, count: c + 2)
                c += 1
            }
            // Column i (i >= position) now has a nonzero R[i + 1, i]; rotate rows i and i + 1.
            var i = position
            while i < k - 1 {
                let diagonal = base + i * capacity
                let a = diagonal[i], b = diagonal[i + 1]
                let radius = (a * a + b * b).squareRoot()
                let cosine = a / radius, sine = b / radius
                diagonal[i] = radius
                diagonal[i + 1] = 0
                var column = i + 1
                while column < k - 1 {
                    let entries = base + column * capacity
                    let upper = entries[i], lower = entries[i + 1]
                    entries[i] = cosine * upper + sine * lower
                    entries[i + 1] = cosine * lower - sine * upper
                    column += 1
                }
                i += 1
            }
        }
        indices.remove(at: position)
    }

    /// Solves `G[P, P]·z = rhs[P]` (`rhs` is indexed like G) by `Rᵀc = rhs[P]`, then `R·z = c`.
    /// Returns z in factor order.
    func solve(_ rhs: [Double]) -> [Double] {
        let k = indices.count
        let capacity = self.capacity
        var z = indices.map { rhs[$0] }
        factor.withUnsafeBufferPointer { f in
            z.withUnsafeMutableBufferPointer { zp in
                let base = f.baseAddress!
                let x = zp.baseAddress!
                var i = 0
                while i < k {
                    let column = base + i * capacity
                    var sum = x[i]
                    var l = 0
                    while l < i {
                        sum -= column[l] * x[l]
                        l += 1
                    }
                    x[i] = sum / column[i]
                    i += 1
                }
                i = k - 1
                while i >= 0 {
                    let column = base + i * capacity
                    let value = x[i] / column[i]
                    x[i] = value
                    var l = 0
                    while l < i {
                        x[l] -= value * column[l]
                        l += 1
                    }
                    i -= 1
                }
            }
        }
        return z
    }
}
