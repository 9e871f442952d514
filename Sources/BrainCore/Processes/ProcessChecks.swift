/// Checks shared by the processes' `makeStepper`.
enum ProcessChecks {
    /// The processes here take no input: `sizeIn` must be 0.
    static func noInput(_ sizeIn: Int, _ object: String) throws(BrainKitError) {
        guard sizeIn == 0 else {
            throw .validation(object, "sizeIn", "must be 0 (the process takes no input), got \(sizeIn)")
        }
    }

    /// `dt` must be > 0 and finite.
    static func timeStep(_ dt: Double, _ object: String) throws(BrainKitError) {
        try Check.positiveFinite(dt, object, "dt")
    }

    /// The output size must be `expected` (the size of the values the process holds).
    static func outputSize(_ sizeOut: Int, _ expected: Int, _ object: String) throws(BrainKitError) {
        guard sizeOut == expected else {
            throw .validation(object, "sizeOut", "must be \(expected) (the size of its values), got \(sizeOut)")
        }
    }
}
