import BrainCore

/// Compiles expressions into connections: every expression becomes a fixed part plus a sum of
/// module outputs through matrices, `value = f + Σᵢ Mᵢ·outputᵢ`. Linear operations act on
/// f and the Mᵢ; a binding of two dynamic values or a dot product of two dynamic values makes
/// a module in ``network`` whose output becomes a new term.
struct Lowering {
    /// Where made modules, constant nodes and connections go.
    let network: Network
    /// What is being compiled, for errors ("route 'x'", "action 'A to B'").
    let context: String
    /// The neuron counts of modules made for dynamic × dynamic operations.
    let settings: ExpressionSettings

    struct Taps {
        var fixed: [Double]?
        var terms: [(node: Node, matrix: Matrix)] = []

        var isFixed: Bool { terms.isEmpty }

        func mapped(_ transform: Matrix) -> Taps {
            Taps(
                fixed: fixed.map { LinearAlgebra.multiply(transform, $0) },
                terms: terms.map { ($0.node, LinearAlgebra.multiply(transform, $0.matrix)) })
        }
    }

    func fail(_ message: String) -> BrainKitError {
        BrainKitError(.build, object: "SPA \(context)", parameter: nil, message: message)
    }

    // MARK: - Types

    /// The vocabulary a pointer term belongs to, or nil when nothing in it says (symbols,
    /// numbers): the context then decides.
    func vocabulary(of term: PointerExpression.Term) throws(BrainKitError) -> Vocabulary? {
        switch term {
        case .output(let output): return output.vocabulary
        case .pointer: return nil
        case .symbol: return nil
        case .scaled(let inner, _), .inverse(let inner, _): return try vocabulary(of: inner)
        case .sum(let a, let b), .bind(let a, let b):
            let left = try vocabulary(of: a), right = try vocabulary(of: b)
            if let left, let right, left !== right {
                throw fail("combines pointers of \(left.reference) and \(right.reference); translate or reinterpret one")
            }
            return left ?? right
        case .reinterpreted(_, let target): return target
        case .translated(_, let target, _, _): return target
        }
    }

    // MARK: - Pointers

    func lower(_ term: PointerExpression.Term, in vocabulary: Vocabulary) throws(BrainKitError) -> Taps {
        let d = vocabulary.dimensions
        switch term {
        case .output(let output):
            guard output.vocabulary === vocabulary else {
                throw fail("uses \(output) where a pointer of \(vocabulary.reference) is expected")
            }
            return Taps(fixed: nil, terms: [(output.node, Matrix.identity(d))])
        case .pointer(let pointer):
            guard pointer.dimensions == d else {
                throw fail("uses \(pointer.label) (\(pointer.dimensions)-D) where \(vocabulary.reference) (\(d)-D) is expected")
            }
            if let other = pointer.vocabulary, other != vocabulary.reference {
                throw fail("uses \(pointer.label) of \(other) where \(vocabulary.reference) is expected")
            }
            return Taps(fixed: pointer.vector)
        case .symbol(let text):
            do {
                return Taps(fixed: try vocabulary.parse(text).vector)
            } catch {
                throw fail("symbol \"\(text)\": \(error.description)")
            }
        case .scaled(let inner, let scale):
            let taps = try lower(inner, in: vocabulary)
            return Taps(
                fixed: taps.fixed.map { $0.map { $0 * scale } },
                terms: taps.terms.map { ($0.node, $0.matrix.scaled(by: scale)) })
        case .sum(let a, let b):
            let left = try lower(a, in: vocabulary), right = try lower(b, in: vocabulary)
            var fixed = left.fixed
            if let r = right.fixed { fixed = fixed.map { zip($0, r).map(+) } ?? r }
            return Taps(fixed: fixed, terms: left.terms + right.terms)
        case .inverse(let inner, let sidedness):
            let taps = try lower(inner, in: vocabulary)
            do {
                return taps.mapped(try vocabulary.algebra.inversionMatrix(dimensions: d, sidedness: sidedness))
            } catch {
                throw fail(error.description)
            }
        case .bind(let a, let b):
            return try bind(try lower(a, in: vocabulary), try lower(b, in: vocabulary), in: vocabulary)
        case .reinterpreted(let inner, _):
            let source = try self.vocabulary(of: inner) ?? vocabulary
            guard source.dimensions == d else {
                throw fail("reinterprets a \(source.dimensions)-D pointer of \(source.reference) as \(vocabulary.reference) (\(d)-D)")
            }
            return try lower(inner, in: source)
        case .translated(let inner, _, let keys, let populate):
            guard let source = try self.vocabulary(of: inner) else {
                throw fail("translates an expression whose vocabulary is unknown (only symbols or fixed pointers)")
            }
            do {
                let matrix = try source.transform(to: vocabulary, keys: keys, populate: populate)
                return try lower(inner, in: source).mapped(matrix)
            } catch {
                throw fail(error.description)
            }
        }
    }

    /// Binding: fixed ⊛ fixed is computed now, a fixed operand becomes the binding matrix of a
    /// transform, and two dynamic operands make a ``Bind`` module.
    private func bind(_ a: Taps, _ b: Taps, in vocabulary: Vocabulary) throws(BrainKitError) -> Taps {
        let algebra = vocabulary.algebra
        if let fixedB = b.fixed, b.isFixed {
            var result = a.mapped(algebra.bindingMatrix(of: fixedB, swapInputs: false))
            result.fixed = a.fixed.map { algebra.bind($0, fixedB) }
            return result
        }
        if let fixedA = a.fixed, a.isFixed {
            var result = b.mapped(algebra.bindingMatrix(of: fixedA, swapInputs: true))
            result.fixed = b.fixed.map { algebra.bind(fixedA, $0) }
            return result
        }
        let module = try Bind(
            in: network, label: "Bind (\(context))", vocabulary: vocabulary,
            neuronsPerDimension: settings.bindNeuronsPerDimension)
        try connect(a, to: module.inputLeft.node, synapse: settings.synapse)
        try connect(b, to: module.inputRight.node, synapse: settings.synapse)
        return Taps(fixed: nil, terms: [(module.output.node, Matrix.identity(vocabulary.dimensions))])
    }

    // MARK: - Scalars

    func lower(_ term: ScalarExpression.Term) throws(BrainKitError) -> Taps {
        switch term {
        case .constant(let value): return Taps(fixed: [value])
        case .output(let output): return Taps(fixed: nil, terms: [(output.node, Matrix.identity(1))])
        case .scaled(let inner, let scale): return try lower(inner).mapped(Matrix([[scale]]))
        case .sum(let a, let b):
            let left = try lower(a), right = try lower(b)
            var fixed = left.fixed
            if let r = right.fixed { fixed = fixed.map { [$0[0] + r[0]] } ?? r }
            return Taps(fixed: fixed, terms: left.terms + right.terms)
        case .product(let a, let b):
            let left = try lower(a), right = try lower(b)
            if let x = left.fixed, left.isFixed { return right.mapped(Matrix([[x[0]]])) }
            if let x = right.fixed, right.isFixed { return left.mapped(Matrix([[x[0]]])) }
            let module = try ScalarProduct(in: network, label: "Product (\(context))", neurons: settings.productNeurons)
            try connect(left, to: module.inputA.node, synapse: settings.synapse)
            try connect(right, to: module.inputB.node, synapse: settings.synapse)
            return Taps(fixed: nil, terms: [(module.output.node, Matrix.identity(1))])
        case .dot(let a, let b):
            guard let vocabulary = try self.vocabulary(of: .sum(a, b)) else {
                throw fail("takes a dot product of symbols or fixed pointers only: its vocabulary is unknown")
            }
            let left = try lower(a, in: vocabulary), right = try lower(b, in: vocabulary)
            if let f = right.fixed, right.isFixed { return dot(left, f) }
            if let f = left.fixed, left.isFixed { return dot(right, f) }
            let module = try Compare(
                in: network, label: "Compare (\(context))", vocabulary: vocabulary,
                neuronsPerDimension: settings.compareNeuronsPerDimension)
            try connect(left, to: module.inputA.node, synapse: settings.synapse)
            try connect(right, to: module.inputB.node, synapse: settings.synapse)
            return Taps(fixed: nil, terms: [(module.output.node, Matrix.identity(1))])
        }
    }

    /// `fᵀ·x` for a pointer x: a 1×D transform of each term.
    private func dot(_ taps: Taps, _ f: [Double]) -> Taps {
        taps.mapped(Matrix(row: f))
    }

    // MARK: - Connections

    /// Connects `taps` into `sink`: each term through its matrix, the fixed part from a
    /// constant node, all with `synapse`.
    func connect(_ taps: Taps, to sink: some EndpointConvertible, synapse: (any Synapse)?) throws(BrainKitError) {
        for (node, matrix) in taps.terms {
            let isIdentity = matrix.rows == matrix.columns && matrix == Matrix.identity(matrix.rows)
            try network.connect(node, to: sink, synapse: synapse, transform: isIdentity ? .identity : .dense(matrix))
        }
        if let fixed = taps.fixed, fixed.contains(where: { $0 != 0 }) || taps.terms.isEmpty {
            let constant = try network.node(label: "constant (\(context))", output: fixed)
            try network.connect(constant, to: sink, synapse: synapse)
        }
    }
}

/// The sizes of modules an expression makes for dynamic × dynamic operations, and the synapse
/// of the connections it makes (nengo_spa's defaults).
public struct ExpressionSettings: Sendable {
    /// Neurons per dimension of a ``Bind`` made for `dynamic * dynamic` (200).
    public var bindNeuronsPerDimension = 200
    /// Neurons per dimension of a ``Compare`` made for `dot(dynamic, dynamic)` (200).
    public var compareNeuronsPerDimension = 200
    /// Neurons of a ``ScalarProduct`` made for the product of two dynamic scalars (200).
    public var productNeurons = 200
    /// The synapse of routes and of the connections into made modules (`Lowpass(0.005)`).
    public var synapse: (any Synapse)? = Lowpass(validatedTau: 0.005)
    /// Neurons per dimension of the ``State`` an action's dynamic effect is routed through (50).
    public var channelNeuronsPerDimension = 50
    /// Dimensions per ensemble of those channels (16, or D when smaller).
    public var channelSubdimensions = 16
    /// Whether actions share the channels of their dynamic effects (``ActionSelection``).
    /// `false` (nengo_spa): every dynamic effect of every action has a channel of its own,
    /// its fixed part entering the channel from a constant. `true`: effects into the same sink
    /// with the same dynamic terms share one channel, open while any of their actions is
    /// selected, and each action's fixed part enters it from that action's thalamus output; a
    /// model whose actions set the same memories (`X − m --> m`, `Y − m --> m`, …) needs far
    /// fewer channel neurons.
    public var sharesChannels = false

    /// nengo_spa's settings.
    public init() {}
}
