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

    func run(time: Double) {
        var r = 0
        while r < rows {
            let scale = -factor * error[r]
            let row = delta + r * columns
            var j = 0
            while j < columns {
                row[j] = scale * activities[j]
                j += 1
            }
            r += 1
        }
    }

    var cost: Int { rows * columns }
}
