import BrainCore
import Foundation

// Reading vectors (probe data, pointers) in terms of a vocabulary's keys.
extension Vocabulary {
    /// The dot product of each row of `data` (T × dimensions, e.g. a probe's data) with each
    /// pointer: a T × count matrix whose column k follows `keys[k]` over time. With
    /// `normalize`, cosine similarities instead (a zero row gives zeros).
    /// - Throws: `BrainKitError` when `data` does not have ``dimensions`` columns.
    public func similarity(_ data: Matrix, normalize: Bool = false) throws(BrainKitError) -> Matrix {
        if data.rows == 0 { return Matrix(rows: 0, columns: count) }
        guard data.columns == dimensions else {
            throw BrainKitError(
                .validation, object: object, parameter: "similarity",
                message: "needs data with \(dimensions) columns (the vocabulary's dimensions), got \(data.columns)")
        }
        var result = LinearAlgebra.multiply(data, vectors, transposeB: true)
        guard normalize else { return result }
        let pointerNorms = vectors.nested.map { row in row.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        for t in 0..<data.rows {
            let norm = data.row(t).reduce(0) { $0 + $1 * $1 }.squareRoot()
            for k in 0..<count {
                let scale = norm * pointerNorms[k]
                result.values[t * count + k] = scale > 0 ? result[t, k] / scale : 0
            }
        }
        return result
    }

    /// The mean similarity to each key over the samples whose time t has `start < t ≤ end`
    /// (`times` from `Simulator.trange()`, one per row of `data`): count values, zero when no
    /// sample falls in the window.
    /// - Throws: `BrainKitError` when `data` does not have ``dimensions`` columns or `times`
    ///   has another length.
    public func meanSimilarity(
        _ data: Matrix, times: [Double], after start: Double, through end: Double, normalize: Bool = false
    ) throws(BrainKitError) -> [Double] {
        guard times.count == data.rows else {
            throw BrainKitError(
                .validation, object: object, parameter: "times",
                message: "must have one time per row of data (\(data.rows)), got \(times.count)")
        }
        let rows = times.indices.filter { times[$0] > start && times[$0] <= end }
        guard !rows.isEmpty else { return [Double](repeating: 0, count: count) }
        let window = try similarity(data.selectingRows(rows), normalize: normalize)
        return (0..<count).map { k in rows.indices.reduce(0) { $0 + window[$1, k] } / Double(rows.count) }
    }

    /// The keys in the order they become the best match of `data` (the most similar key, by
    /// dot product) and stay it for `hold` samples, with the time of the first of those samples:
    /// the states a sequence passes through.
    /// - Throws: `BrainKitError` when `data` does not have ``dimensions`` columns or `times`
    ///   has another length.
    public func bestMatchSequence(_ data: Matrix, times: [Double], hold: Int = 3) throws(BrainKitError) -> [(key: String, time: Double)] {
        guard times.count == data.rows else {
            throw BrainKitError(
                .validation, object: object, parameter: "times",
                message: "must have one time per row of data (\(data.rows)), got \(times.count)")
        }
        let similarities = try similarity(data)
        let best = (0..<similarities.rows).map { row in
            let values = similarities.row(row)
            return values.indices.max { values[$0] < values[$1] } ?? 0
        }
        let samples = Swift.max(hold, 1)
        var found: [(key: String, time: Double)] = []
        var current: Int?
        for row in best.indices where best[row] != current {
            guard row + samples <= best.count, best[row..<(row + samples)].allSatisfy({ $0 == best[row] }) else { continue }
            found.append((keys[best[row]], times[row]))
            current = best[row]
        }
        return found
    }

    /// The keys `v` is most similar to, as text: `"0.84A;0.73C;0.59B"`, similarities with two
    /// decimals, most similar first, equal similarities in reverse key order (nengo_spa's
    /// `text`).
    /// - Parameters:
    ///   - minimumCount: at least this many keys, even below the threshold (and even beyond
    ///     `maximumCount`).
    ///   - maximumCount: at most this many above `minimumCount` (nil: no limit).
    ///   - threshold: only keys whose similarity exceeds it (nil: every key).
    ///   - separator: between entries.
    ///   - normalize: cosine similarities instead of dot products.
    ///   - v: the vectors to compare, one per row.
    /// - Throws: `BrainKitError` when `v` does not have ``dimensions`` values.
    public func text(
        _ v: [Double], minimumCount: Int = 1, maximumCount: Int? = nil, threshold: Double? = 0.1,
        separator: String = ";", normalize: Bool = false
    ) throws(BrainKitError) -> String {
        let similarities = try similarity(Matrix(row: v), normalize: normalize).row(0)
        // Ascending by similarity (ties in key order), then reversed: as nengo_spa ranks.
        let ranked = Array(zip(keys, similarities).enumerated().sorted {
            $0.element.1 != $1.element.1 ? $0.element.1 < $1.element.1 : $0.offset < $1.offset
        }.map(\.element).reversed())
        var chosen: [(String, Double)] = []
        for (index, entry) in ranked.enumerated() {
            let aboveThreshold = threshold.map { entry.1 > $0 } ?? true
            if index < minimumCount || (aboveThreshold && chosen.count < (maximumCount ?? .max)) {
                chosen.append(entry)
            }
        }
        return chosen.map { String(format: "%.2f", $0.1) + $0.0 }.joined(separator: separator)
    }

    /// ``text(_:minimumCount:maximumCount:threshold:separator:normalize:)`` of a pointer.
    public func text(_ pointer: SemanticPointer, maximumCount: Int? = nil, normalize: Bool = false) throws(BrainKitError) -> String {
        try text(pointer.vector, maximumCount: maximumCount, normalize: normalize)
    }
}

extension Vocabulary {
    /// `"X*Y"` for every pair of distinct keys, X before Y in key order (nengo_spa's `pairs`,
    /// which gives the same set): the expressions of the bound pairs of a vocabulary.
    public var pairs: [String] {
        keys.indices.flatMap { i in keys[(i + 1)...].map { "\(keys[i])*\($0)" } }
    }
}

/// Probe data read against a vocabulary.
extension ProbeData {
    /// The similarity of every sample to each of `vocabulary`'s pointers (a T × count matrix
    /// whose column k follows `keys[k]`), as ``Vocabulary/similarity(_:normalize:)``.
    /// - Throws: `BrainKitError` when the data does not have the vocabulary's dimensions.
    public func similarity(to vocabulary: Vocabulary, normalize: Bool = false) throws(BrainKitError) -> Matrix {
        try vocabulary.similarity(values, normalize: normalize)
    }
}
