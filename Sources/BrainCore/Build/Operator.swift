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

/// An ``Operation`` with the model object it was built for (named in errors) and its
/// declared signal access.
struct Operator {
    let operation: Operation
    /// The model object this operator belongs to, e.g. `Connection from ... to ...`.
    let owner: String

    /// Signals written from scratch each step.
    var sets: [SignalID] {
        switch operation {
        case .reset(let t, _): return [t.signal]
        case .copy(_, let t, let acc), .gather(_, _, let t, let acc): return acc ? [] : [t.signal]
        case .scatterAdd: return []
        case .elementwise(_, _, let y, let acc), .scaled(_, _, let y, let acc): return acc ? [] : [y.signal]
        case .matrixVector(_, _, _, _, let y, let acc), .sparseMatrixVector(_, _, _, let y, let acc):
            return acc ? [] : [y.signal]
        case .affine(_, _, _, _, _, let y): return [y.signal]
        case .neurons(_, _, let out, let state, _): return [out] + state
        case .filter(_, _, let output, let state, let delayed):
            return delayed ? [] : [output.signal] + (state.map { [$0] } ?? [])
        case .pes, .bcm, .oja, .voja: return []
        case .encodeError(_, _, _, _, _, let output): return [output.signal]
        case .compensatedAdd(_, _, let compensation): return [compensation]
        case .nodeFunction(_, _, let out), .function(_, _, let out), .process(_, _, _, let out): return [out.signal]
        }
    }

    /// Signals added to.
    var increments: [SignalID] {
        switch operation {
        case .copy(_, let t, true), .gather(_, _, let t, true): return [t.signal]
        case .scatterAdd(_, let t, _): return [t]
        case .elementwise(_, _, let y, true), .scaled(_, _, let y, true): return [y.signal]
        case .matrixVector(_, _, _, _, let y, true), .sparseMatrixVector(_, _, _, let y, true): return [y.signal]
        case .compensatedAdd(_, let t, _): return [t.signal]
        default: return []
        }
    }

    /// Signals read.
    var reads: [SignalID] {
        switch operation {
        case .reset: return []
        case .copy(let s, _, _): return [s.signal]
        case .gather(let s, _, _, _): return [s]
        case .scatterAdd(let s, _, _): return [s.signal]
        case .elementwise(let scale, let x, _, _): return [scale.signal, x.signal]
        case .scaled(_, let x, _, _): return [x.signal]
        case .matrixVector(let m, _, _, let x, _, _): return [m, x.signal]
        case .sparseMatrixVector(_, let values, let x, _, _): return [values, x.signal]
        case .affine(let m, _, _, let x, let bias, _): return [m, x.signal, bias.signal]
        case .neurons(_, let current, _, _, _): return [current]
        case .filter(_, let input, _, _, _): return [input.signal]
        case .pes(_, let error, let activities, _): return [error.signal, activities.signal]
        case .encodeError(let encoders, _, _, _, let error, _): return [encoders, error.signal]
        case .compensatedAdd(let s, _, _): return [s.signal]
        case .bcm(_, let pre, let post, let theta, _): return [pre.signal, post.signal, theta.signal]
        case .oja(_, _, let pre, let post, let weights, _): return [pre.signal, post.signal, weights]
        case .voja(_, let scale, let post, let x, let learning, let encoders, _):
            return [scale, post.signal, x.signal, learning.signal, encoders]
        case .nodeFunction(_, let input, _), .process(_, _, let input, _): return input.map { [$0.signal] } ?? []
        case .function(_, let input, _): return [input.signal]
        }
    }

    /// What the operator writes (sets, increments or updates), as precisely as it is known:
    /// a slice's elements, or a whole signal.
    var writtenRegions: [WrittenRegion] {
        switch operation {
        case .reset(let t, _): return [WrittenRegion(t)]
        case .copy(_, let t, _), .gather(_, _, let t, _): return [WrittenRegion(t)]
        case .elementwise(_, _, let y, _), .scaled(_, _, let y, _): return [WrittenRegion(y)]
        case .matrixVector(_, _, _, _, let y, _), .sparseMatrixVector(_, _, _, let y, _), .affine(_, _, _, _, _, let y):
            return [WrittenRegion(y)]
        case .filter(_, _, let output, let state, _):
            return [WrittenRegion(output)] + (state.map { [WrittenRegion($0)] } ?? [])
        case .nodeFunction(_, _, let out), .function(_, _, let out), .process(_, _, _, let out):
            return [WrittenRegion(out)]
        case .compensatedAdd(_, let t, let compensation): return [WrittenRegion(t), WrittenRegion(compensation)]
        case .encodeError(_, _, _, _, _, let output): return [WrittenRegion(output)]
        default: return (sets + increments + updates).map(WrittenRegion.init)
        }
    }

    /// Signals written for the next step, after everything that reads them this step.
    var updates: [SignalID] {
        switch operation {
        case .filter(_, _, let output, let state, true): return [output.signal] + (state.map { [$0] } ?? [])
        case .pes(_, _, _, let delta), .bcm(_, _, _, _, let delta), .oja(_, _, _, _, _, let delta),
            .voja(_, _, _, _, _, _, let delta):
            return [delta]
        default: return []
        }
    }
}
