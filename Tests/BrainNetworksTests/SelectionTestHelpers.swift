import BrainNetworks

/// Windows of recorded data for the selection and associative-memory tests.
enum Window {
    /// The rows of `data` whose times satisfy `keep`.
    static func rows(_ data: Matrix, times: [Double], where keep: (Double) -> Bool) -> [[Double]] {
        times.indices.filter { keep(times[$0]) }.map { data.row($0) }
    }

    /// Column `column` of `data` over the times that satisfy `keep`.
    static func column(_ data: Matrix, _ column: Int, times: [Double], where keep: (Double) -> Bool) -> [Double] {
        times.indices.filter { keep(times[$0]) }.map { data[$0, column] }
    }

    /// The mean of each column over the times that satisfy `keep`.
    static func means(_ data: Matrix, times: [Double], where keep: (Double) -> Bool) -> [Double] {
        let selected = rows(data, times: times, where: keep)
        return (0..<data.columns).map { c in selected.reduce(0) { $0 + $1[c] } / Double(selected.count) }
    }

    /// Nengo's test `similarity(data, target)`: the mean over the selected rows of
    /// `row · target`.
    static func similarity(_ data: Matrix, _ target: [Double], times: [Double], where keep: (Double) -> Bool) -> Double {
        let selected = rows(data, times: times, where: keep)
        return selected.reduce(0) { sum, row in sum + zip(row, target).reduce(0) { $0 + $1.0 * $1.1 } }
            / Double(selected.count)
    }
}
