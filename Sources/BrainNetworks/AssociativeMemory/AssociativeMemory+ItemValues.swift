import BrainCore

extension AssociativeMemory {
    /// A parameter given per item: one value for all items (`0.3`) or one each
    /// (`[0.1, 0.2, 0.3]`).
    public enum ItemValues: Sendable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral,
        ExpressibleByArrayLiteral
    {
        /// The same value for every item.
        case all(Double)
        /// One value per item, in item order.
        case each([Double])

        public init(floatLiteral value: Double) { self = .all(value) }
        public init(integerLiteral value: Int) { self = .all(Double(value)) }
        public init(arrayLiteral elements: Double...) { self = .each(elements) }

        /// The values for `count` items.
        /// - Throws: `BrainKitError` for the wrong number of values or a non-finite one.
        func values(count: Int, _ object: String, _ parameter: String) throws(BrainKitError) -> [Double] {
            let values: [Double]
            switch self {
            case .all(let value): values = [Double](repeating: value, count: count)
            case .each(let given):
                guard given.count == count else {
                    throw .validation(
                        object, parameter, "needs one value per item (\(count)), got \(given.count)")
                }
                values = given
            }
            try Check.finite(values, object, parameter)
            return values
        }
    }

    /// Checks that `vectors` holds one vector per item, all of the same length ≥ 1, with
    /// finite values, and returns that length.
    static func vectorLength(
        of vectors: [[Double]], items: Int, _ object: String, _ parameter: String
    ) throws(BrainKitError) -> Int {
        guard vectors.count == items else {
            throw .validation(object, parameter, "needs one vector per item (\(items)), got \(vectors.count)")
        }
        let length = vectors[0].count
        guard length >= 1, vectors.allSatisfy({ $0.count == length }) else {
            throw .validation(object, parameter, "must all have the same length >= 1")
        }
        try Check.finite(vectors.flatMap { $0 }, object, parameter)
        return length
    }
}
