/// PES's weight change for the next step: `delta[r, j] = −factor · error[r] · activities[j]`.
final class PESKernel: Kernel, @unchecked Sendable {
    let factor: Float
    let error: UnsafeMutablePointer<Float>
    let rows: Int
    let activities: UnsafeMutablePointer<Float>
    let columns: Int
    let delta: UnsafeMutablePointer<Float>

    init(factor: Float, error: UnsafeMutablePointer<Float>, rows: Int, activities: UnsafeMutablePointer<Float>,
         columns: Int, delta: UnsafeMutablePointer<Float>) {
        self.factor = factor
        self.error = error
        self.rows = rows
        self.activities = activities
        self.columns = columns
        self.delta = delta
    }

    override func run(time: Double) {
        writeOuterProduct(into: delta, rows: rows, columns: columns, vector: activities) { -factor * error[$0] }
    }

    override var cost: Int { rows * columns }
}

/// PES's local error for weights into neurons: `output[i] = Σ_k E[rows[i], columns[k]] · error[k]`
/// for the row-major scaled encoders E (`encoderColumns` per row), read live so that encoders
/// learned by Voja are seen.
final class EncodeErrorKernel: Kernel, @unchecked Sendable {
    let encoders: UnsafeMutablePointer<Float>
    let encoderColumns: Int
    let rows: UnsafeMutablePointer<Int>
    let rowCount: Int
    let columns: UnsafeMutablePointer<Int>
    let columnCount: Int
    let error: UnsafeMutablePointer<Float>
    let output: UnsafeMutablePointer<Float>

    init(encoders: UnsafeMutablePointer<Float>, encoderColumns: Int, rows: [Int], columns: [Int],
         error: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>) {
        self.encoders = encoders
        self.encoderColumns = encoderColumns
        self.rowCount = rows.count
        self.rows = .allocate(capacity: max(rows.count, 1))
        self.rows.initialize(from: rows, count: rows.count)
        self.columnCount = columns.count
        self.columns = .allocate(capacity: max(columns.count, 1))
        self.columns.initialize(from: columns, count: columns.count)
        self.error = error
        self.output = output
    }

    deinit {
        rows.deallocate()
        columns.deallocate()
    }

    override func run(time: Double) {
        var i = 0
        while i < rowCount {
            let row = encoders + rows[i] * encoderColumns
            var sum: Float = 0
            var k = 0
            while k < columnCount {
                sum += row[columns[k]] * error[k]
                k += 1
            }
            output[i] = sum
            i += 1
        }
    }

    override var cost: Int { rowCount * columnCount }
}

/// BCM's weight change for the next step:
/// `delta[i, j] = factor · post[i] · (post[i] − theta[i]) · pre[j]`.
final class BCMKernel: Kernel, @unchecked Sendable {
    let factor: Float
    let pre: UnsafeMutablePointer<Float>
    let columns: Int
    let post: UnsafeMutablePointer<Float>
    let theta: UnsafeMutablePointer<Float>
    let rows: Int
    let delta: UnsafeMutablePointer<Float>

    init(factor: Float, pre: UnsafeMutablePointer<Float>, columns: Int, post: UnsafeMutablePointer<Float>,
         theta: UnsafeMutablePointer<Float>, rows: Int, delta: UnsafeMutablePointer<Float>) {
        self.factor = factor
        self.pre = pre
        self.columns = columns
        self.post = post
        self.theta = theta
        self.rows = rows
        self.delta = delta
    }

    override func run(time: Double) {
        writeOuterProduct(into: delta, rows: rows, columns: columns, vector: pre) {
            factor * post[$0] * (post[$0] - theta[$0])
        }
    }

    override var cost: Int { rows * columns }
}

/// Oja's weight change for the next step:
/// `delta[i, j] = factor · (post[i] · pre[j] − beta · W[i, j] · post[i]²)`.
final class OjaKernel: Kernel, @unchecked Sendable {
    let factor: Float
    let beta: Float
    let pre: UnsafeMutablePointer<Float>
    let columns: Int
    let post: UnsafeMutablePointer<Float>
    let rows: Int
    let weights: UnsafeMutablePointer<Float>
    let delta: UnsafeMutablePointer<Float>

    init(factor: Float, beta: Float, pre: UnsafeMutablePointer<Float>, columns: Int, post: UnsafeMutablePointer<Float>,
         rows: Int, weights: UnsafeMutablePointer<Float>, delta: UnsafeMutablePointer<Float>) {
        self.factor = factor
        self.beta = beta
        self.pre = pre
        self.columns = columns
        self.post = post
        self.rows = rows
        self.weights = weights
        self.delta = delta
    }

    override func run(time: Double) {
        Self.towardMinusAway(delta, rows: rows, columns: columns, vector: pre, matrix: weights) { i in
            (factor * post[i], factor * beta * post[i] * post[i])
        }
    }

    override var cost: Int { rows * columns }
}

/// Voja's encoder change for the next step:
/// `delta[i, k] = factor · L · (scale[i] · post[i] · x[k] − post[i] · E[i, k])`.
final class VojaKernel: Kernel, @unchecked Sendable {
    let factor: Float
    let scale: UnsafeMutablePointer<Float>
    let post: UnsafeMutablePointer<Float>
    let rows: Int
    let x: UnsafeMutablePointer<Float>
    let columns: Int
    let learning: UnsafeMutablePointer<Float>
    let encoders: UnsafeMutablePointer<Float>
    let delta: UnsafeMutablePointer<Float>

    init(factor: Float, scale: UnsafeMutablePointer<Float>, post: UnsafeMutablePointer<Float>, rows: Int,
         x: UnsafeMutablePointer<Float>, columns: Int, learning: UnsafeMutablePointer<Float>,
         encoders: UnsafeMutablePointer<Float>, delta: UnsafeMutablePointer<Float>) {
        self.factor = factor
        self.scale = scale
        self.post = post
        self.rows = rows
        self.x = x
        self.columns = columns
        self.learning = learning
        self.encoders = encoders
        self.delta = delta
    }

    override func run(time: Double) {
        let rate = factor * learning[0]
        Self.towardMinusAway(delta, rows: rows, columns: columns, vector: x, matrix: encoders) { i in
            (rate * scale[i] * post[i], rate * post[i])
        }
    }

    override var cost: Int { rows * columns }
}

extension Kernel {
    /// `delta[i, k] = toward_i · vector[k] − away_i · matrix[i, k]` for a row-major
    /// `rows x columns` `matrix`, with `(toward_i, away_i) = coefficients(i)`: the shape of
    /// Oja's and Voja's updates (a Hebbian pull toward the input, a decay of the current row).
    @inline(__always)
    static func towardMinusAway(
        _ delta: UnsafeMutablePointer<Float>, rows: Int, columns: Int, vector: UnsafePointer<Float>,
        matrix: UnsafePointer<Float>, coefficients: (Int) -> (toward: Float, away: Float)
    ) {
        var i = 0
        while i < rows {
            let (toward, away) = coefficients(i)
            let row = delta + i * columns
            let matrixRow = matrix + i * columns
            var k = 0
            while k < columns {
                row[k] = toward * vector[k] - away * matrixRow[k]
                k += 1
            }
            i += 1
        }
    }
}

/// `target += source` with Kahan compensation: `y = source − c; t = target + y;
/// c = (t − target) − y; target = t`. Learning adds deltas thousands of times smaller than
/// the weights; compensation keeps the low-order bits Float32 rounding would drop.
final class CompensatedAddKernel: Kernel, @unchecked Sendable {
    let source: UnsafeMutablePointer<Float>
    let target: UnsafeMutablePointer<Float>
    let compensation: UnsafeMutablePointer<Float>
    let count: Int

    init(source: UnsafeMutablePointer<Float>, target: UnsafeMutablePointer<Float>,
         compensation: UnsafeMutablePointer<Float>, count: Int) {
        self.source = source
        self.target = target
        self.compensation = compensation
        self.count = count
    }

    override func run(time: Double) {
        var i = 0
        while i < count {
            let y = source[i] - compensation[i]
            let t = target[i] + y
            compensation[i] = (t - target[i]) - y
            target[i] = t
            i += 1
        }
    }

    override var cost: Int { count }
}

/// `delta[r, j] = scale(r) · vector[j]`: the outer product every rule's weight change is
/// built on.
@inline(__always)
private func writeOuterProduct(
    into delta: UnsafeMutablePointer<Float>, rows: Int, columns: Int, vector: UnsafeMutablePointer<Float>,
    scale: (Int) -> Float
) {
    var r = 0
    while r < rows {
        let rowScale = scale(r)
        let row = delta + r * columns
        var j = 0
        while j < columns {
            row[j] = rowScale * vector[j]
            j += 1
        }
        r += 1
    }
}
