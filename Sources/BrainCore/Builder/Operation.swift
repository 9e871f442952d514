/// One step of computation in the built model, in backend-neutral terms. The simulator's
/// engine turns each into a kernel; a different backend could read the same list.
///
/// What each operation sets, increments, reads and updates (see ``Operator``) decides the
/// order of execution within a step, and thereby the one-step delay of synapses.
enum Operation {
    /// `target = value` (sets).
    case reset(SignalSlice, value: Float)
    /// `target (+)= source`, element by element (reads source; sets or increments target); a
    /// source of one element is used for every element of `target`.
    case copy(from: SignalSlice, to: SignalSlice, accumulate: Bool)
    /// `target[k] (+)= source[indices[k]]` (reads source; sets or increments target).
    case gather(from: SignalID, indices: [Int], to: SignalSlice, accumulate: Bool)
    /// `target[indices[k]] += source[k]`; repeated indices add up (increments target).
    case scatterAdd(from: SignalSlice, to: SignalID, indices: [Int])
    /// `y (+)= scale ⊙ x` with a per-element scale signal (reads scale and x); an `x` of one
    /// element is used for every element of `y`.
    case elementwise(scale: SignalSlice, x: SignalSlice, y: SignalSlice, accumulate: Bool)
    /// `y (+)= factor · x`.
    case scaled(factor: Float, x: SignalSlice, y: SignalSlice, accumulate: Bool)
    /// `y (+)= M·x` for a sparse M whose structure is `matrix` and whose values are the signal
    /// `values` (reads values and x).
    case sparseMatrixVector(matrix: SparseMatrix, values: SignalID, x: SignalSlice, y: SignalSlice, accumulate: Bool)
    /// `y (+)= M·x` for a row-major `rows x columns` matrix signal M (reads M and x).
    case matrixVector(matrix: SignalID, rows: Int, columns: Int, x: SignalSlice, y: SignalSlice, accumulate: Bool)
    /// `y = bias + M·x` (an ensemble's encoding, `J = bias + scaledEncoders · x`): reads M, x
    /// and bias, sets y.
    case affine(matrix: SignalID, rows: Int, columns: Int, x: SignalSlice, bias: SignalSlice, y: SignalSlice)
    /// Steps a population of `count` neurons: reads the currents, sets the output and one
    /// state signal per state variable of the type (in its order).
    case neurons(type: any NeuronType, current: SignalID, output: SignalID, state: [SignalID], count: Int)
    /// A synapse: reads `input`, writes `output` and its own `state` (`filter.stateCount`
    /// values per element, state-major). When `delayed` (connections and probes) it updates
    /// them, so readers of `output` in this step see the previous step's value: the one-step
    /// delay. Otherwise (filters inside learning rules) it sets them: no delay.
    case filter(DiscreteFilter, input: SignalSlice, output: SignalSlice, state: SignalID?, delayed: Bool)
    /// PES: `delta = −factor · error ⊗ activities` (a rows x n matrix); reads error and
    /// activities, updates delta, which an increment adds to the weights next step.
    case pes(factor: Float, error: SignalSlice, activities: SignalSlice, delta: SignalID)
    /// `target += source` with Kahan compensation kept in `compensation` (one value per
    /// element, written only here): how a learning rule's small delta is added to its weights
    /// or encoders without Float32 rounding swallowing it (reads source, increments target).
    case compensatedAdd(from: SignalSlice, to: SignalSlice, compensation: SignalID)
    /// PES's local error on neuron weights: `output[i] = Σ_k E[rows[i], columns[k]] · error[k]`
    /// for the post's scaled encoders E (`encoderColumns` per row; reads E and error, sets
    /// output).
    case encodeError(encoders: SignalID, encoderColumns: Int, rows: [Int], columns: [Int], error: SignalSlice,
                     output: SignalSlice)
    /// BCM: `delta = factor · (post ⊙ (post − theta)) ⊗ pre`; reads pre, post and theta, updates
    /// delta.
    case bcm(factor: Float, pre: SignalSlice, post: SignalSlice, theta: SignalSlice, delta: SignalID)
    /// Oja: `delta = factor · (post ⊗ pre − beta · W ⊙ (post²)[:, None])`; reads pre, post and the
    /// weights W, updates delta.
    case oja(factor: Float, beta: Float, pre: SignalSlice, post: SignalSlice, weights: SignalID, delta: SignalID)
    /// Voja: `delta = factor · L · (scale ⊙ post ⊗ x − post[:, None] ⊙ E)` for the scaled
    /// encoders E (post count x x count); reads scale, post, x, the learning signal L and E,
    /// updates delta.
    case voja(factor: Float, scale: SignalID, post: SignalSlice, x: SignalSlice, learning: SignalSlice,
              encoders: SignalID, delta: SignalID)
    /// A node function: reads `input` (if any) and the time, sets `output`.
    case nodeFunction(NodeFunction, input: SignalSlice?, output: SignalSlice)
    /// A connection function evaluated each step (from a node or Direct ensemble).
    case function(([Double]) -> [Double], input: SignalSlice, output: SignalSlice)
    /// A process: reads `input` (if any) and the time, sets `output`.
    case process(any SignalProcess, seed: Int?, input: SignalSlice?, output: SignalSlice)
}

extension Operation {
    /// What this operation reads, sets, increments and updates: the one place an operation
    /// kind declares its access.
    var roles: SignalRoles {
        switch self {
        case .reset(let target, _):
            return SignalRoles(sets: [WrittenRegion(target)])
        case .copy(let source, let target, let accumulate):
            return SignalRoles(reads: [source.signal], target: target, accumulate: accumulate)
        case .gather(let source, _, let target, let accumulate):
            return SignalRoles(reads: [source], target: target, accumulate: accumulate)
        case .scatterAdd(let source, let target, _):
            return SignalRoles(reads: [source.signal], increments: [WrittenRegion(target)])
        case .elementwise(let scale, let x, let y, let accumulate):
            return SignalRoles(reads: [scale.signal, x.signal], target: y, accumulate: accumulate)
        case .scaled(_, let x, let y, let accumulate):
            return SignalRoles(reads: [x.signal], target: y, accumulate: accumulate)
        case .matrixVector(let matrix, _, _, let x, let y, let accumulate):
            return SignalRoles(reads: [matrix, x.signal], target: y, accumulate: accumulate)
        case .sparseMatrixVector(_, let values, let x, let y, let accumulate):
            return SignalRoles(reads: [values, x.signal], target: y, accumulate: accumulate)
        case .affine(let matrix, _, _, let x, let bias, let y):
            return SignalRoles(reads: [matrix, x.signal, bias.signal], sets: [WrittenRegion(y)])
        case .neurons(_, let current, let output, let state, _):
            return SignalRoles(reads: [current], sets: ([output] + state).map(WrittenRegion.init))
        case .filter(_, let input, let output, let state, let delayed):
            let written = [WrittenRegion(output)] + (state.map { [WrittenRegion($0)] } ?? [])
            return delayed
                ? SignalRoles(reads: [input.signal], updates: written) : SignalRoles(reads: [input.signal], sets: written)
        case .pes(_, let error, let activities, let delta):
            return SignalRoles(reads: [error.signal, activities.signal], updates: [WrittenRegion(delta)])
        case .compensatedAdd(let source, let target, let compensation):
            var roles = SignalRoles(reads: [source.signal], increments: [WrittenRegion(target)])
            roles.writes.append((WrittenRegion(compensation), .sets))
            return roles
        case .encodeError(let encoders, _, _, _, let error, let output):
            return SignalRoles(reads: [encoders, error.signal], sets: [WrittenRegion(output)])
        case .bcm(_, let pre, let post, let theta, let delta):
            return SignalRoles(reads: [pre.signal, post.signal, theta.signal], updates: [WrittenRegion(delta)])
        case .oja(_, _, let pre, let post, let weights, let delta):
            return SignalRoles(reads: [pre.signal, post.signal, weights], updates: [WrittenRegion(delta)])
        case .voja(_, let scale, let post, let x, let learning, let encoders, let delta):
            return SignalRoles(
                reads: [scale, post.signal, x.signal, learning.signal, encoders], updates: [WrittenRegion(delta)])
        case .nodeFunction(_, let input, let output), .process(_, _, let input, let output):
            return SignalRoles(reads: input.map { [$0.signal] } ?? [], sets: [WrittenRegion(output)])
        case .function(_, let input, let output):
            return SignalRoles(reads: [input.signal], sets: [WrittenRegion(output)])
        }
    }
}
