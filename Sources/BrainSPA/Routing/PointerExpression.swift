import BrainCore

/// A semantic-pointer-valued expression over module outputs, fixed pointers and symbols,
/// built with operators and compiled into connections (and, where needed, modules) when it is
/// routed into an input.
///
/// Linear operations on a module's output cost no neurons: binding with a fixed pointer or
/// symbol, `~`, `linv()`/`rinv()`, scaling, negation, ``reinterpreted(as:)`` and
/// ``translated(to:keys:populate:)`` fold into the transform of one connection, and sums
/// become several connections into the same input. Only binding two module outputs makes a
/// ``Bind`` module. Building an expression has no effect; nothing is created until a route
/// is added to a network.
public struct PointerExpression: PointerExpressible {
    indirect enum Term {
        case output(PointerOutput)
        case pointer(SemanticPointer)
        /// Text in the expression language, parsed in the vocabulary the context gives.
        case symbol(String)
        case scaled(Term, Double)
        case sum(Term, Term)
        case bind(Term, Term)
        case inverse(Term, Sidedness)
        case reinterpreted(Term, Vocabulary?)
        case translated(Term, Vocabulary, keys: [String]?, populate: Bool?)
    }

    let term: Term

    init(_ term: Term) { self.term = term }

    /// This expression itself.
    public var pointerExpression: PointerExpression { self }
}

/// Anything that can stand for a semantic pointer in an expression: module outputs, modules
/// (their output), fixed pointers, symbols.
public protocol PointerExpressible {
    /// The expression this value stands for.
    var pointerExpression: PointerExpression { get }
}

extension PointerExpressible {
    /// The left inverse.
    public func leftInverse() -> PointerExpression { PointerExpression(.inverse(pointerExpression.term, .left)) }

    /// The right inverse.
    public func rightInverse() -> PointerExpression { PointerExpression(.inverse(pointerExpression.term, .right)) }

    /// The same values read as pointers of `vocabulary` (same dimensions); nil: of the
    /// vocabulary of the input it is routed to.
    public func reinterpreted(as vocabulary: Vocabulary? = nil) -> PointerExpression {
        PointerExpression(.reinterpreted(pointerExpression.term, vocabulary))
    }

    /// The values mapped into `vocabulary` by `Vocabulary.transform(to:)` of their own
    /// vocabulary.
    public func translated(to vocabulary: Vocabulary, keys: [String]? = nil, populate: Bool? = nil) -> PointerExpression {
        PointerExpression(.translated(pointerExpression.term, vocabulary, keys: keys, populate: populate))
    }
}

extension PointerOutput: PointerExpressible {
    /// The port's value, unfiltered.
    public var pointerExpression: PointerExpression { PointerExpression(.output(self)) }
}

extension SemanticPointer: PointerExpressible {
    /// A fixed pointer: lowered to a constant (or, bound with a module output, to a transform).
    public var pointerExpression: PointerExpression { PointerExpression(.pointer(self)) }
}

/// Something routes can end at: a module input, or a module (its input).
public protocol PointerSink {
    /// The input routes to this sink end at.
    var pointerInput: PointerInput { get }
}

extension PointerInput: PointerSink {
    /// This input itself.
    public var pointerInput: PointerInput { self }
}

/// Symbols: `sym.A` and `sym("A*B + C")` are pointers named in the expression language,
/// looked up in (or, for a non-strict vocabulary, added to) the vocabulary of the expression
/// they are used in, when it is compiled.
@dynamicMemberLookup
public struct SymbolTable: Sendable {
    /// The table; use the shared ``sym``.
    public init() {}

    /// The symbol `name`: `sym.A`.
    public subscript(dynamicMember name: String) -> PointerExpression { PointerExpression(.symbol(name)) }

    /// An expression of symbols: `sym("A*~B")`.
    public func callAsFunction(_ text: String) -> PointerExpression { PointerExpression(.symbol(text)) }
}

/// `sym.A`, `sym("A*~B")`: symbolic pointers (see ``SymbolTable``).
public let sym = SymbolTable()
