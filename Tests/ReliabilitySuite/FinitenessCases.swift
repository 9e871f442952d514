import BrainCore

/// Finiteness: a NaN or infinite value is refused wherever it enters, naming the parameter —
/// never carried silently into the simulation.
enum FinitenessCases {
    /// A 1-d connection from a constant node to a 10-neuron ensemble with `transform`.
    static func connect(transform: Transform) throws {
        let net = try Models.network()
        let input = try net.node(label: "input", output: 0.5)
        let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
        try net.connect(input, to: a, transform: transform)
        try Models.run(net)
    }

    /// An ensemble `a` whose `parameter` is `distribution`, built.
    static func ensemble(
        maxRates: (any Distribution)? = nil, intercepts: (any Distribution)? = nil,
        encoders: (any Distribution)? = nil, evalPoints: (any Distribution)? = nil,
        gain: (any Distribution)? = nil, bias: (any Distribution)? = nil, noise: (any SignalProcess)? = nil,
        radius: Double? = nil, neuronType: (any NeuronType)? = nil
    ) throws {
        let net = try Models.network()
        let a = try net.ensemble(
            label: "a", neurons: 10, dimensions: 1, radius: radius, encoders: encoders, intercepts: intercepts,
            maxRates: maxRates, evalPoints: evalPoints, neuronType: neuronType, gain: gain, bias: bias, noise: noise)
        try net.probe(a, synapse: 0.01)
        try Models.run(net)
    }

    /// A node outputting `process`, probed and run.
    static func process(_ process: any SignalProcess, sizeOut: Int? = nil) throws {
        let net = try Models.network()
        let n = try net.node(label: "n", process: process, sizeOut: sizeOut)
        try net.probe(n)
        try Models.run(net)
    }

    static let tenValues = [Double](repeating: 0.5, count: 10)

    static var all: [ReliabilityCase] { [
        // Transforms.
        .rejects("finite.transform-scalar-nan", object: "Connection", parameter: "transform") {
            try connect(transform: .scalar(.nan))
        },
        .rejects("finite.transform-scalar-infinity", object: "Connection", parameter: "transform") {
            try connect(transform: .scalar(.infinity))
        },
        .rejects("finite.transform-scalar-beyond-float", object: "Connection", parameter: "transform") {
            try connect(transform: .scalar(1e39))
        },
        .rejects("finite.transform-literal-nan", object: "Connection", parameter: "transform") {
            try connect(transform: Transform(floatLiteral: .nan))
        },
        .rejects("finite.transform-diagonal-nan", object: "Connection", parameter: "transform") {
            try connect(transform: .diagonal([.nan]))
        },
        .rejects("finite.transform-dense-infinity", object: "Connection", parameter: "transform") {
            try connect(transform: .dense(Matrix([[.infinity]])))
        },
        .rejects("finite.transform-dense-beyond-float", object: "Connection", parameter: "transform") {
            try connect(transform: .dense(Matrix([[-1e300]])))
        },
        .rejects("finite.transform-sparse-nan", object: "SparseMatrix", parameter: "entries") {
            let net = try Models.network()
            let a = try net.ensemble(label: "a", neurons: 3, dimensions: 1)
            let b = try net.ensemble(label: "b", neurons: 3, dimensions: 1)
            let sparse = try SparseMatrix(rows: 3, columns: 3, entries: [(row: 0, column: 1, value: .nan)])
            try net.connect(a.neurons, to: b.neurons, transform: .sparse(sparse))
            try Models.run(net)
        },
        // Distributions.
        .rejects("finite.gaussian-mean-nan", object: "Gaussian", parameter: "mean") {
            _ = try Gaussian(mean: .nan, std: 1)
        },
        .rejects("finite.gaussian-mean-infinity", object: "Gaussian", parameter: "mean") {
            _ = try Gaussian(mean: -.infinity, std: 1)
        },
        .rejects("finite.gaussian-std-nan", object: "Gaussian", parameter: "std") {
            _ = try Gaussian(mean: 0, std: .nan)
        },
        .rejects("finite.gaussian-std-infinity", object: "Gaussian", parameter: "std") {
            _ = try Gaussian(mean: 0, std: .infinity)
        },
        .rejects("finite.uniform-low-nan-max-rates", object: "Uniform", parameter: "low") {
            try ensemble(maxRates: Uniform(.nan, 400))
        },
        .rejects("finite.uniform-high-infinity-intercepts", object: "Uniform", parameter: "high") {
            try ensemble(intercepts: Uniform(-1, .infinity))
        },
        .rejects("finite.exponential-scale-nan", object: "Exponential", parameter: "scale") {
            _ = try Exponential(scale: .nan)
        },
        .rejects("finite.exponential-shift-infinity", object: "Exponential", parameter: "shift") {
            _ = try Exponential(scale: 1, shift: .infinity)
        },
        .rejects("finite.choice-nan-option", object: "Choice", parameter: "options") {
            _ = try Choice([0.1, .nan])
        },
        .rejects("finite.choice-weights-nan", object: "Choice", parameter: "weights") {
            _ = try Choice([0.1, 0.2], weights: [1, .nan])
        },
        .rejects("finite.samples-nan-encoders", object: "Ensemble 'a'", parameter: "encoders") {
            try ensemble(encoders: Samples(Matrix(rows: 10, columns: 1, values: [.nan] + [Double](repeating: 1, count: 9))))
        },
        .rejects("finite.samples-nan-max-rates", object: "Ensemble 'a'", parameter: "maxRates") {
            try ensemble(maxRates: Samples([Double](repeating: .nan, count: 10)))
        },
        .rejects("finite.samples-infinite-intercepts", object: "Ensemble 'a'", parameter: "intercepts") {
            try ensemble(intercepts: Samples([.infinity] + [Double](repeating: 0, count: 9)))
        },
        .rejects("finite.samples-nan-eval-points", object: "Ensemble 'a'", parameter: "evalPoints") {
            let values = (0..<750).map { $0 == 3 ? Double.nan : Double($0) / 750 }
            try ensemble(evalPoints: Samples(Matrix(rows: 750, columns: 1, values: values)))
        },
        .rejects("finite.samples-nan-gain", object: "Ensemble 'a'", parameter: "gain") {
            try ensemble(gain: Samples([Double](repeating: .nan, count: 10)), bias: Samples(tenValues))
        },
        .rejects("finite.samples-infinite-bias", object: "Ensemble 'a'", parameter: "bias") {
            try ensemble(gain: Samples(tenValues), bias: Samples([Double](repeating: .infinity, count: 10)))
        },
        .rejects("finite.ensemble-radius-infinity", object: "Ensemble 'a'", parameter: "radius") {
            try ensemble(radius: .infinity)
        },
        .rejects("finite.ensemble-radius-nan", object: "Ensemble 'a'", parameter: "radius") {
            try ensemble(radius: .nan)
        },
        .rejects("finite.ensemble-noise-uniform-nan", object: "Uniform", parameter: "low") {
            try ensemble(noise: WhiteNoise(distribution: Uniform(.nan, 1), seed: 1))
        },
        .rejects("finite.ensemble-noise-uniform-infinite", object: "Uniform", parameter: "high") {
            try ensemble(noise: WhiteNoise(distribution: Uniform(0, .infinity), seed: 1))
        },
        // Processes.
        .rejects("finite.white-noise-uniform-nan", object: "Uniform", parameter: "low") {
            try process(WhiteNoise(distribution: Uniform(.nan, 0), seed: 1))
        },
        .rejects("finite.white-noise-samples-nan", object: "WhiteNoise", parameter: "distribution") {
            try process(WhiteNoise(distribution: Samples([.nan]), seed: 1))
        },
        .rejects("finite.white-signal-rms-nan", object: "WhiteSignal", parameter: "rms") {
            try process(try WhiteSignal(period: 1, high: 5, rms: .nan))
        },
        .rejects("finite.white-signal-high-infinity", object: "WhiteSignal", parameter: "high") {
            try process(try WhiteSignal(period: 1, high: .infinity))
        },
        .rejects("finite.white-signal-y0-nan", object: "WhiteSignal", parameter: "y0") {
            try process(try WhiteSignal(period: 1, high: 5, y0: .nan))
        },
        .rejects("finite.present-input-nan", object: "PresentInput", parameter: "inputs") {
            try process(try PresentInput(inputs: [[1], [.nan]], presentationTime: 0.1))
        },
        .rejects("finite.present-input-beyond-float", object: "PresentInput", parameter: "inputs") {
            try process(try PresentInput(inputs: [[1e40]], presentationTime: 0.1))
        },
        .rejects("finite.present-input-time-nan", object: "PresentInput", parameter: "presentationTime") {
            try process(try PresentInput(inputs: [[1]], presentationTime: .nan))
        },
        .rejects("finite.piecewise-value-nan", object: "Piecewise", parameter: "data values") {
            try process(try Piecewise(data: [0: .nan, 1: 2]))
        },
        .rejects("finite.piecewise-time-infinity", object: "Piecewise", parameter: "data times") {
            try process(try Piecewise(data: [0: 1, .infinity: 2]))
        },
        .rejects("finite.piecewise-value-beyond-float", object: "Piecewise", parameter: "data values") {
            try process(try Piecewise(data: [0: 1, 0.5: 1e39]))
        },
        // Nodes.
        .rejects("finite.node-constant-1e39", object: "Node 'n'", parameter: "output") {
            try Models.network().node(label: "n", output: 1e39)
        },
        .rejects("finite.node-constant-minus-1e39", object: "Node 'n'", parameter: "output") {
            try Models.network().node(label: "n", output: [0, -1e39])
        },
        .rejects("finite.node-constant-nan", object: "Node 'n'", parameter: "output") {
            try Models.network().node(label: "n", output: .nan)
        },
        .rejects("finite.node-function-nan-at-zero", object: "Node 'n'", parameter: "output") {
            try Models.network().node(label: "n") { (_: Double) in .nan }
        },
        .rejects("finite.node-function-beyond-float-at-zero", object: "Node 'n'", parameter: "output") {
            try Models.network().node(label: "n") { (_: Double) in 1e39 }
        },
        .rejects("finite.node-function-nan-later", object: "Node 'n'", parameter: "output", mentions: ["NaN"]) {
            let net = try Models.network()
            let n = try net.node(label: "n") { (t: Double) in t > 0.005 ? .nan : 0 }
            try net.probe(n)
            try Models.run(net)
        },
        .rejects("finite.node-vector-function-infinite-later", object: "Node 'n'", parameter: "output") {
            let net = try Models.network()
            let n = try net.node(label: "n") { (t: Double) -> [Double] in [0, t > 0.005 ? .infinity : 0] }
            try net.probe(n)
            try Models.run(net)
        },
        .rejects("finite.node-input-function-nan-later", object: "Node 'n'", parameter: "output") {
            let net = try Models.network()
            let input = try net.node(label: "input", output: 1)
            let n = try net.node(label: "n", sizeIn: 1) { t, x in [t > 0.003 ? x[0] / 0 * 0 : x[0]] }
            try net.connect(input, to: n, synapse: nil)
            try net.probe(n)
            try Models.run(net)
        },
        // Neuron types.
        .rejects("finite.lif-tau-rc-infinity", object: "LIF", parameter: "tauRC") { _ = try LIF(tauRC: .infinity) },
        .rejects("finite.lif-tau-rc-nan", object: "LIF", parameter: "tauRC") { _ = try LIF(tauRC: .nan) },
        .rejects("finite.lif-tau-ref-nan", object: "LIF", parameter: "tauRef") { _ = try LIF(tauRef: .nan) },
        .rejects("finite.lif-tau-ref-infinity", object: "LIF", parameter: "tauRef") { _ = try LIF(tauRef: .infinity) },
        .rejects("finite.lif-amplitude-nan", object: "LIF", parameter: "amplitude") { _ = try LIF(amplitude: .nan) },
        .rejects("finite.lif-min-voltage-minus-infinity", object: "LIF", parameter: "minVoltage") {
            _ = try LIF(minVoltage: -.infinity)
        },
        .rejects("finite.lif-rate-tau-rc-infinity", object: "LIFRate", parameter: "tauRC") {
            _ = try LIFRate(tauRC: .infinity)
        },
        .rejects("finite.adaptive-lif-tau-n-infinity", object: "AdaptiveLIF", parameter: "tauN") {
            _ = try AdaptiveLIF(tauN: .infinity)
        },
        .rejects("finite.adaptive-lif-inc-n-nan", object: "AdaptiveLIF", parameter: "incN") {
            _ = try AdaptiveLIF(incN: .nan)
        },
        .rejects("finite.izhikevich-tau-recovery-infinity", object: "Izhikevich", parameter: "tauRecovery") {
            _ = try Izhikevich(tauRecovery: .infinity)
        },
        .rejects("finite.izhikevich-coupling-nan", object: "Izhikevich", parameter: "coupling") {
            _ = try Izhikevich(coupling: .nan)
        },
        .rejects("finite.sigmoid-tau-ref-nan", object: "Sigmoid", parameter: "tauRef") {
            _ = try Sigmoid(tauRef: .nan)
        },
        .rejects("finite.tanh-tau-ref-infinity", object: "Tanh", parameter: "tauRef") {
            _ = try Tanh(tauRef: .infinity)
        },
        .rejects("finite.relu-amplitude-infinity", object: "RectifiedLinear", parameter: "amplitude") {
            _ = try RectifiedLinear(amplitude: .infinity)
        },
        .rejects("finite.spiking-relu-amplitude-nan", object: "SpikingRectifiedLinear", parameter: "amplitude") {
            _ = try SpikingRectifiedLinear(amplitude: .nan)
        },
        .rejects("finite.lif-initial-voltage-nan", object: "Ensemble 'a'", parameter: "initialState") {
            try ensemble(neuronType: try LIF(initialState: ["voltage": Samples([Double](repeating: .nan, count: 10))]))
        },
        // Synapses.
        .rejects("finite.lowpass-nan", object: "Lowpass", parameter: "tau") { _ = try Lowpass(.nan) },
        .rejects("finite.lowpass-infinity", object: "Lowpass", parameter: "tau") { _ = try Lowpass(.infinity) },
        .rejects("finite.alpha-nan", object: "Alpha", parameter: "tau") { _ = try Alpha(.nan) },
        .rejects("finite.triangle-infinity", object: "Triangle", parameter: "t") { _ = try Triangle(.infinity) },
        .rejects("finite.linear-filter-numerator-nan", object: "LinearFilter", parameter: "numerator") {
            _ = try LinearFilter(numerator: [.nan], denominator: [0.01, 1])
        },
        .rejects("finite.linear-filter-denominator-infinity", object: "LinearFilter", parameter: "denominator") {
            _ = try LinearFilter(numerator: [1], denominator: [.infinity, 1])
        },
        .rejects("finite.probe-synapse-number-nan", object: "Lowpass", parameter: "tau") {
            let (net, a) = try Models.oneEnsemble()
            try net.probe(a, synapse: .nan)
        },
        .rejects("finite.probe-sample-every-nan", object: "Probe", parameter: "sampleEvery") {
            let (net, a) = try Models.oneEnsemble()
            try net.probe(a, sampleEvery: .nan)
        },
        .rejects("finite.probe-sample-every-infinity", object: "Probe", parameter: "sampleEvery") {
            let (net, a) = try Models.oneEnsemble()
            try net.probe(a, sampleEvery: .infinity)
        },
        // Solvers.
        .rejects("finite.lstsq-l2-reg-nan", object: "LstsqL2", parameter: "reg") { _ = try LstsqL2(reg: .nan) },
        .rejects("finite.lstsq-l2-reg-infinity", object: "LstsqL2", parameter: "reg") {
            _ = try LstsqL2(reg: .infinity)
        },
        .rejects("finite.lstsq-rcond-nan", object: "Lstsq", parameter: "rcond") { _ = try Lstsq(rcond: .nan) },
        .rejects("finite.lstsq-l2nz-reg-nan", object: "LstsqL2nz", parameter: "reg") {
            _ = try LstsqL2nz(reg: .nan)
        },
        // Connection functions.
        .rejects("finite.connection-function-nan", object: "Connection", parameter: "function") {
            let net = try Models.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(a, to: b, function: { x in [x[0] > 0.5 ? .nan : x[0]] })
            try Models.run(net)
        },
        .rejects("finite.connection-function-infinite", object: "Connection", parameter: "function") {
            let net = try Models.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(a, to: b, function: { x in [1 / (x[0] - x[0])] })
            try Models.run(net)
        },
        .rejects("finite.connection-function-values-nan", object: "Connection", parameter: "functionValues") {
            let net = try Models.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(
                a, to: b, functionValues: Matrix(column: [0, .nan, 1]),
                evalPoints: Samples(Matrix(column: [-0.5, 0, 0.5])))
            try Models.run(net)
        },
        .rejects("finite.connection-eval-points-nan", object: "Connection", parameter: "evalPoints") {
            let net = try Models.network()
            let a = try net.ensemble(label: "a", neurons: 10, dimensions: 1)
            let b = try net.ensemble(label: "b", neurons: 10, dimensions: 1)
            try net.connect(a, to: b, evalPoints: Samples(Matrix(column: [-0.5, .nan, 0.5])))
            try Models.run(net)
        },
        .rejects("finite.node-to-node-function-nan", object: "Connection", parameter: "function") {
            let net = try Models.network()
            let input = try net.node(label: "input", output: 1)
            let sink = try net.node(label: "sink", sizeIn: 1)
            try net.connect(input, to: sink, function: { _ in [.nan] })
            try Models.run(net)
        },
        .runs("finite.large-but-float-transform") {
            try connect(transform: .scalar(1e6))
        },
    ] }
}
