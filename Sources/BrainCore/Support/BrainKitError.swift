/// The one error type BrainKit throws.
///
/// Every error names the object it is about (`"Ensemble 'x'"`, `"LIF"`, `"Simulator"`) and,
/// where there is one, the parameter, so that its description reads like
/// `Ensemble 'x': neurons must be >= 1, got 0`.
///
/// Errors are thrown where the mistake is made:
/// - ``Kind/validation``: a bad value given to a model object or value type (when it is created);
/// - ``Kind/build``: a model that cannot be built (at `Simulator` construction), such as
///   intercepts that give a negative gain or a loop with no synapse;
/// - ``Kind/simulation``: a problem while running, such as a node function returning NaN;
///   probe data recorded before the failing step stays readable;
/// - ``Kind/simulatorClosed``: stepping a simulator after `close()`;
/// - ``Kind/linearAlgebra``: a LAPACK routine that failed (for example a matrix that is not
///   positive definite);
/// - ``Kind/expression``: a semantic-pointer expression that is malformed or cannot be
///   evaluated; ``position`` is the offset (in characters) in the expression where it fails;
/// - ``Kind/io``: a file that cannot be written or read, or whose contents are malformed (an
///   unwritable path, a `.npz` archive that is not one);
/// - ``Kind/unavailable``: a facility the call needs is not installed (Open MPI for BrainMPI's
///   distributed simulator).
public struct BrainKitError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The kind of failure (see the list above).
    public enum Kind: String, Sendable {
        /// A parameter out of range, checked when an object is created.
        case validation
        /// The network cannot be built.
        case build
        /// The run failed (a non-finite value, a failing function).
        case simulation
        /// The simulator was closed.
        case simulatorClosed
        /// A linear-algebra routine failed.
        case linearAlgebra
        /// A semantic-pointer expression is malformed or cannot be evaluated.
        case expression
        /// A file cannot be written or read, or its contents are malformed.
        case io
        /// Something the call needs is not installed on this machine (Open MPI for a
        /// distributed run).
        case unavailable
    }

    /// The kind of failure.
    public let kind: Kind
    /// The object the error is about, e.g. `Ensemble 'x'`.
    public let object: String
    /// The parameter at fault, e.g. `neurons`, or nil when the error is about the whole object.
    public let parameter: String?
    /// What is wrong, without the object's name.
    public let message: String
    /// For an ``Kind/expression`` error, the 0-based offset in characters of the place in the
    /// expression where it fails; nil otherwise.
    public let position: Int?

    /// An error of `kind` about `object` (and `parameter`), with `message`.
    public init(_ kind: Kind, object: String, parameter: String? = nil, message: String, position: Int? = nil) {
        self.kind = kind
        self.object = object
        self.parameter = parameter
        self.message = message
        self.position = position
    }

    public var description: String {
        if let parameter {
            return "\(object): \(parameter) \(message)"
        }
        return "\(object): \(message)"
    }

    // MARK: - Shorthands

    package static func validation(_ object: String, _ parameter: String?, _ message: String) -> BrainKitError {
        BrainKitError(.validation, object: object, parameter: parameter, message: message)
    }

    package static func build(_ object: String, _ parameter: String? = nil, _ message: String) -> BrainKitError {
        BrainKitError(.build, object: object, parameter: parameter, message: message)
    }

    package static func io(_ object: String, _ parameter: String? = nil, _ message: String) -> BrainKitError {
        BrainKitError(.io, object: object, parameter: parameter, message: message)
    }

    package static func simulation(_ object: String, _ message: String) -> BrainKitError {
        BrainKitError(.simulation, object: object, parameter: nil, message: message)
    }
}

// MARK: - Validation helpers

/// Small checks shared by every validating initialiser. Each throws a ``BrainKitError``
/// naming `object` and `parameter`.
///
/// The finiteness policy: a number given to BrainKit is finite. The range checks
/// (``atLeast(_:_:_:_:)-(Double,_,_,_)``, ``greaterThan(_:_:_:_:)``, ``atMost(_:_:_:_:)``)
/// refuse NaN and ±infinity as well as values out of range; a value the simulator stores as
/// `Float` must also be within `Float`'s range (``floatFinite(_:_:_:)``). The few parameters
/// where infinity means something (an unbounded `Exponential`) check it themselves.
package enum Check {
    package static func atLeast(
        _ value: Double, _ bound: Double, _ object: String, _ parameter: String
    ) throws(BrainKitError) {
        guard value.isFinite else { throw nonFinite(value, object, parameter) }
        guard value >= bound else {
            throw .validation(object, parameter, "must be >= \(format(bound)), got \(format(value))")
        }
    }

    package static func greaterThan(
        _ value: Double, _ bound: Double, _ object: String, _ parameter: String
    ) throws(BrainKitError) {
        guard value.isFinite else { throw nonFinite(value, object, parameter) }
        guard value > bound else {
            throw .validation(object, parameter, "must be > \(format(bound)), got \(format(value))")
        }
    }

    package static func atMost(
        _ value: Double, _ bound: Double, _ object: String, _ parameter: String
    ) throws(BrainKitError) {
        guard value.isFinite else { throw nonFinite(value, object, parameter) }
        guard value <= bound else {
            throw .validation(object, parameter, "must be <= \(format(bound)), got \(format(value))")
        }
    }

    /// The error for a NaN or infinite `value`.
    private static func nonFinite(_ value: Double, _ object: String, _ parameter: String) -> BrainKitError {
        .validation(object, parameter, "must be finite, got \(value)")
    }

    package static func atLeast(_ value: Int, _ bound: Int, _ object: String, _ parameter: String) throws(BrainKitError) {
        guard value >= bound else {
            throw .validation(object, parameter, "must be >= \(bound), got \(value)")
        }
    }

    /// `value > 0` and finite: time constants, sizes, capacitances.
    package static func positiveFinite(_ value: Double, _ object: String, _ parameter: String) throws(BrainKitError) {
        try greaterThan(value, 0, object, parameter)
        try finite([value], object, parameter)
    }

    /// `value >= 0` and finite: rates, regularizations, cut-offs.
    package static func nonNegativeFinite(_ value: Double, _ object: String, _ parameter: String) throws(BrainKitError) {
        try atLeast(value, 0, object, parameter)
        try finite([value], object, parameter)
    }

    package static func finite(_ values: [Double], _ object: String, _ parameter: String) throws(BrainKitError) {
        guard values.allSatisfy({ $0.isFinite }) else {
            throw .validation(object, parameter, "must be finite (got a NaN or infinite value)")
        }
    }

    /// Every value finite and within `Float`'s range (|x| <= 3.4e38): values the simulator
    /// stores as `Float`, which would otherwise become infinite.
    package static func floatFinite(_ values: [Double], _ object: String, _ parameter: String) throws(BrainKitError) {
        guard let bad = values.first(where: { !Float($0).isFinite }) else { return }
        let reason = bad.isFinite ? "beyond Float's range (|x| <= 3.4e38)" : "not finite"
        throw .validation(object, parameter, "must be finite in single precision, got \(bad) (\(reason))")
    }

    package static func count(_ values: Int, _ expected: Int, _ object: String, _ parameter: String) throws(BrainKitError) {
        guard values == expected else {
            throw .validation(object, parameter, "must have \(expected) values, got \(values)")
        }
    }

    /// Formats a number the way error messages show it: integers without a fraction.
    package static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        return "\(value)"
    }
}
