import BrainCore

/// The checks every plot and writer makes on the data it is given; each throws a
/// `BrainKitError` of kind `.validation` naming `object` and `parameter`.
enum DataCheck {
    /// The largest magnitude a plotted value may have, so that ranges and their differences
    /// stay finite.
    static let largestValue = 1e300

    /// Every value finite (no NaN or infinity) and at most ``largestValue`` in magnitude.
    static func plottable(_ values: [Double], _ object: String, _ parameter: String) throws(BrainKitError) {
        for (index, value) in values.enumerated() where !(abs(value) <= largestValue) {
            let what = value.isNaN ? "NaN" : value.isInfinite ? "an infinite value" : "\(value)"
            throw .validation(object, parameter, "must be finite numbers, got \(what) at index \(index)")
        }
    }

    static func nonEmpty(_ count: Int, _ object: String, _ parameter: String) throws(BrainKitError) {
        guard count > 0 else {
            throw .validation(object, parameter, "is empty (no samples: run the simulator before plotting)")
        }
    }

    static func sameCount(_ count: Int, _ expected: Int, _ object: String, _ parameter: String, _ other: String)
        throws(BrainKitError)
    {
        guard count == expected else {
            throw .validation(object, parameter, "has \(count) values but \(other) has \(expected)")
        }
    }

    /// Limits chosen by the user: finite, lower below upper.
    static func limits(_ range: ClosedRange<Double>?, _ object: String, _ parameter: String) throws(BrainKitError) {
        guard let range else { return }
        try plottable([range.lowerBound, range.upperBound], object, parameter)
        guard range.upperBound > range.lowerBound else {
            throw .validation(object, parameter, "must have lower < upper, got \(range.lowerBound)...\(range.upperBound)")
        }
    }

    /// A figure or panel size in pixels.
    static func size(width: Double, height: Double, _ object: String) throws(BrainKitError) {
        guard width >= 200, width <= 20_000 else {
            throw .validation(object, "width", "must be 200...20000 pixels, got \(width)")
        }
        guard height >= 160, height <= 20_000 else {
            throw .validation(object, "height", "must be 160...20000 pixels, got \(height)")
        }
    }
}

extension DataCheck {
    /// A matrix whose storage matches its shape, with at least one row and one column.
    static func matrix(_ matrix: Matrix, _ object: String, _ parameter: String) throws(BrainKitError) {
        guard matrix.values.count == matrix.rows * matrix.columns else {
            throw .validation(
                object, parameter,
                "holds \(matrix.values.count) values but its shape \(matrix.rows) × \(matrix.columns) needs \(matrix.rows * matrix.columns)")
        }
        try nonEmpty(matrix.rows, object, parameter)
        guard matrix.columns > 0 else { throw .validation(object, parameter, "has no columns") }
    }

    /// Column indices within `0..<count`.
    static func indices(_ indices: [Int], count: Int, _ object: String, _ parameter: String) throws(BrainKitError) {
        guard !indices.isEmpty else { throw .validation(object, parameter, "is empty: choose at least one") }
        for index in indices where !(0..<count).contains(index) {
            throw .validation(object, parameter, "must be in 0..<\(count), got \(index)")
        }
    }
}
