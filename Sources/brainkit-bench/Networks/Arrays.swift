import BrainKit
import Foundation

// (b) comm64, (c) cconv64 and product: networks of many 1-D ensembles
// (bench/nengo/standard/arrays.py).
extension StandardNetwork {
    /// (b) 64-D white signal (1 s period, 5 Hz, rms 0.3) → EnsembleArray(50, 64) A → synapse
    /// 0.01 → EnsembleArray(50, 64) B, probe 0.01; RMSE against the input low-passed twice.
    static let comm64 = StandardNetwork(
        name: "comm64", summary: "(b) 64-D white signal -> EnsembleArray(50, 64) -> EnsembleArray(50, 64)"
    ) { seed, _ in
        let dimensions = 64, pstc = 0.01
        let net = try Network(label: "comm64", seed: seed)
        let stimulus = try net.node(process: try WhiteSignal(period: 1, high: 5, rms: 0.3), sizeOut: dimensions)
        let a = try EnsembleArray(in: net, label: "A", neurons: 50, ensembles: dimensions)
        let b = try EnsembleArray(in: net, label: "B", neurons: 50, ensembles: dimensions)
        try net.connect(stimulus, to: a.input, synapse: nil)
        try net.connect(a.output, to: b.input, synapse: pstc)
        let input = try net.probe(stimulus)
        let output = try net.probe(b.output, synapse: pstc)
        return (net, { sim in
            let ideal = try Scoring.lowpassed(try sim.data(input), tau: pstc, times: 2, dt: sim.dt)
            let data = try sim.data(output)
            return ["rmse": Scoring.rmse(data, ideal, rows: Array(0..<data.rows))]
        })
    }

    /// (c) Two fixed random unit 64-D vectors (no synapse) → CircularConvolution(200, 64) with
    /// Nengo core's product radius, output probed through 0.03. Over t > 0.2 s (the second half
    /// of shorter runs): RMSE against a ⊛ b over every sample and dimension, and the cosine of
    /// the mean output with a ⊛ b.
    static let cconv64 = StandardNetwork(
        name: "cconv64", summary: "(c) CircularConvolution(200, 64) of two fixed unit vectors"
    ) { seed, _ in
        let dimensions = 64
        let (a, b) = unitVectors(dimensions)
        let exact = try CircularConvolution.convolve(a, b)
        let net = try Network(label: "cconv64", seed: seed)
        let inputA = try net.node(output: a), inputB = try net.node(output: b)
        let cconv = try CircularConvolution(in: net, neurons: 200, dimensions: dimensions)
        try net.connect(inputA, to: cconv.inputA, synapse: nil)
        try net.connect(inputB, to: cconv.inputB, synapse: nil)
        let probe = try net.probe(cconv.output, synapse: 0.03)
        return (net, { sim in
            let data = try sim.data(probe)
            let late = Scoring.rows(sim) { $0 > min(0.2, 0.5 * sim.time) }
            let mean = (0..<dimensions).map { i in Scoring.mean(late.map { data[$0, i] }) }
            let dot = zip(mean, exact).reduce(0) { $0 + $1.0 * $1.1 }
            let norms = mean.reduce(0) { $0 + $1 * $1 }.squareRoot() * exact.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let errors = late.flatMap { row in (0..<dimensions).map { data[row, $0] - exact[$0] } }
            return [
                "rmse": Scoring.rmse(errors, [Double](repeating: 0, count: errors.count)),
                "cosine": dot / norms,
            ]
        })
    }

    /// Two unit vectors: numpy's `RandomState(42).randn(D)` twice (a, then b), each normalised.
    /// Fixed: the network seeds vary the neurons only.
    static func unitVectors(_ dimensions: Int) -> ([Double], [Double]) {
        var rng = RandomState(seed: 42)
        func unit() -> [Double] {
            let x = (0..<dimensions).map { _ in rng.standardNormal() }
            let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return x.map { $0 / norm }
        }
        let a = unit()
        return (a, unit())
    }

    /// The product's 2-D input: a Lissajous curve over [−1, 1]², a = sin(4πt), b = cos(6πt),
    /// which sweeps the square once a second (t in seconds).
    static func productInputs(_ t: Double) -> (a: Double, b: Double) {
        (sin(4 * Double.pi * t), cos(6 * Double.pi * t))
    }

    /// Product(100, 1) driven (no synapse) by the Lissajous curve of ``productInputs(_:)``;
    /// RMSE of the output (probe 0.01) against a·b low-passed once.
    static let product = StandardNetwork(
        name: "product", summary: "Product(100, 1) of a Lissajous curve over [-1, 1]^2"
    ) { seed, _ in
        let pstc = 0.01
        let net = try Network(label: "product", seed: seed)
        let inputA = try net.node(function: { t in productInputs(t).a })
        let inputB = try net.node(function: { t in productInputs(t).b })
        let product = try Product(in: net, neurons: 100, dimensions: 1)
        try net.connect(inputA, to: product.inputA, synapse: nil)
        try net.connect(inputB, to: product.inputB, synapse: nil)
        let probe = try net.probe(product.output, synapse: pstc)
        return (net, { sim in
            let exact = Matrix(column: sim.trange().map { productInputs($0).a * productInputs($0).b })
            let ideal = try Scoring.lowpassed(exact, tau: pstc, times: 1, dt: sim.dt)
            return ["rmse": Scoring.rmse(try sim.data(probe).column(0), ideal.column(0))]
        })
    }
}
