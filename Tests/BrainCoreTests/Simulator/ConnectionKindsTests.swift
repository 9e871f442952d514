import BrainTestSupport
import Foundation
@testable import BrainCore

import Testing

/// Every kind of connection computes what its definition says, checked exactly in Direct and
/// rate modes and through the built weights.
@Suite("Connection kinds")
struct ConnectionKindsTests {
    @Test func directModeComputesFunctionsExactly() throws {
        let net = try Network(seed: 3)
        net.defaults.neuronType = Direct()
        let stimulus = try net.node(function: { t in [sin(2 * .pi * t), cos(2 * .pi * t)] })
        let a = try net.ensemble(neurons: 1, dimensions: 2)
        let b = try net.ensemble(neurons: 1, dimensions: 1)
        try net.connect(stimulus, to: a, synapse: nil)
        try net.connect(a, to: b, synapse: nil, function: { x in [x[0] * x[1]] })
        let probe = try net.probe(b)
        let sim = try Simulator(net)
        try sim.run(steps: 100)
        let data = try sim.data(probe).column(0)
        let expected = sim.trange().map { sin(2 * .pi * $0) * cos(2 * .pi * $0) }
        #expect(maxAbsoluteDifference(data, expected) < 1e-6)
    }

    @Test func slicesRouteElements() throws {
        let net = try Network(seed: 3)
        net.defaults.neuronType = Direct()
        let source = try net.node(output: [1, 2, 3, 4])
        let target = try net.ensemble(neurons: 1, dimensions: 4)
        try net.connect(source[[3, 0]], to: target[1..<3], synapse: nil)
        try net.connect(source[[1, 1]], to: target[[0, 0]], synapse: nil)
        let probe = try net.probe(target, .input)
        let sim = try Simulator(net)
        try sim.run(steps: 1)
        #expect(try sim.data(probe).row(0) == [4, 4, 1, 0])
    }

    @Test func denseTransformAndScalarMatchAMatrixProduct() throws {
        let net = try Network(seed: 3)
        let source = try net.node(output: [1, -2])
        let sink = try net.node(sizeIn: 3)
        let matrix = Matrix([[1, 2], [3, 4], [-1, 0.5]])
        try net.connect(source, to: sink, synapse: nil, transform: .dense(matrix))
        try net.connect(source[0], to: sink[2], synapse: nil, transform: 0.5)
        let probe = try net.probe(sink, .input)
        let sim = try Simulator(net)
        try sim.run(steps: 1)
        #expect(try sim.data(probe).row(0) == [-3, -5, -1.5])
    }

    @Test func rateModeDecodesThroughBuiltWeights() throws {
        let net = try Network(seed: 11)
        let value = try net.node(output: 0.3)
        let a = try net.ensemble(neurons: 100, dimensions: 1, neuronType: LIFRate())
        let sink = try net.node(sizeIn: 1)
        try net.connect(value, to: a, synapse: nil)
        let c = try net.connect(a, to: sink, synapse: nil, transform: 2)
        let rates = try net.probe(a.neurons)
        let out = try net.probe(sink, .input)
        let sim = try Simulator(net)
        try sim.run(steps: 5)
        let weights = try #require(try sim.built(c).weights)
        let activity = try sim.data(rates).row(4)
        let expected = (0..<100).reduce(0.0) { $0 + weights[0, $1] * activity[$1] }
        #expect(abs(try sim.data(out)[4, 0] - expected) < 1e-4)
        #expect(abs(expected - 0.6) < 0.02)
        // Rates equal the closed form at the built currents.
        let built = try sim.built(a)
        let currents = (0..<100).map { built.gain[$0] * built.encoders[$0, 0] * 0.3 + built.bias[$0] }
        #expect(maxRelativeDifference(activity, LIFRate().rates(currents: currents), floor: 1) < 1e-4)
    }

    @Test func weightSolverEqualsDecodersThroughEncoders() throws {
        func model(weights: Bool) throws -> (Network, Probe) {
            let net = try Network(seed: 21)
            let value = try net.node(output: 0.4)
            let a = try net.ensemble(label: "a", neurons: 80, dimensions: 1, neuronType: LIFRate())
            let b = try net.ensemble(label: "b", neurons: 60, dimensions: 1, neuronType: LIFRate())
            try net.connect(value, to: a)
            try net.connect(a, to: b, function: { x in [-x[0]] }, solver: LstsqL2(weights: weights))
            return (net, try net.probe(b.neurons, .input))
        }
        let (decodedNet, decodedProbe) = try model(weights: false)
        let (weightNet, weightProbe) = try model(weights: true)
        let decoded = try Simulator(decodedNet), full = try Simulator(weightNet)
        try decoded.run(steps: 50)
        try full.run(steps: 50)
        #expect(maxRelativeDifference(try full.data(weightProbe).row(49), try decoded.data(decodedProbe).row(49), floor: 1) < 1e-4)
        let weights = try #require(try full.built(weightNet.connections[1]).weights)
        #expect(weights.rows == 60 && weights.columns == 80)
    }

    @Test func neuronToNeuronConnectionScalesByPostGain() throws {
        let net = try Network(seed: 5)
        let drive = try net.node(output: [Double](repeating: 0.01, count: 20))
        let a = try net.ensemble(neurons: 20, dimensions: 1, neuronType: RectifiedLinear())
        try net.connect(drive, to: a.neurons, synapse: nil)
        let current = try net.probe(a.neurons, .input)
        let sim = try Simulator(net)
        try sim.run(steps: 1)
        let built = try sim.built(a)
        let expected = (0..<20).map { built.bias[$0] + built.gain[$0] * 0.01 }
        #expect(maxRelativeDifference(try sim.data(current).row(0), expected, floor: 1e-3) < 1e-5)
    }

    @Test func sparseTransformEqualsItsDenseMatrix() throws {
        let sparse = try SparseMatrix(
            rows: 3, columns: 4, entries: [(2, 1, -0.5), (0, 3, 2), (0, 0, 1), (1, 2, 0.25)])
        #expect(sparse.rowStarts == [0, 2, 3, 4] && sparse.columnIndices == [0, 3, 2, 1])
        func output(_ transform: Transform) throws -> [Double] {
            let net = try Network(seed: 2)
            let source = try net.node(output: [1, 2, 3, 4])
            let sink = try net.node(sizeIn: 3)
            try net.connect(source, to: sink, synapse: nil, transform: transform)
            let probe = try net.probe(sink, .input)
            let sim = try Simulator(net)
            try sim.run(steps: 1)
            return try sim.data(probe).row(0)
        }
        #expect(try output(.sparse(sparse)) == [9, 0.75, -1])
        #expect(try output(.sparse(sparse)) == output(.dense(sparse.dense)))
        #expect(throws: BrainKitError.self) { try SparseMatrix(rows: 2, columns: 2, entries: [(0, 0, 1), (0, 0, 2)]) }
        #expect(throws: BrainKitError.self) { try SparseMatrix(rows: 2, columns: 2, entries: [(2, 0, 1)]) }
    }

    @Test func removedConnectionsNoLongerContribute() throws {
        let net = try Network(seed: 3)
        let one = try net.node(output: 1.0), two = try net.node(output: 2.0)
        let sink = try net.node(sizeIn: 1)
        let first = try net.connect(one, to: sink, synapse: nil)
        try net.connect(two, to: sink, synapse: nil)
        try net.remove(first)
        #expect(throws: BrainKitError.self) { try net.remove(first) }
        let probe = try net.probe(sink, .input)
        let sim = try Simulator(net)
        try sim.run(steps: 1)
        #expect(try sim.data(probe)[0, 0] == 2)
    }

    @Test func ensembleNoiseIsAddedToTheCurrents() throws {
        func currents(noise: (any SignalProcess)?) throws -> [Double] {
            let net = try Network(seed: 8)
            let a = try net.ensemble(neurons: 50, dimensions: 1, noise: noise)
            let probe = try net.probe(a.neurons, .input)
            let sim = try Simulator(net)
            try sim.run(steps: 20)
            return try sim.data(probe).values
        }
        let quiet = try currents(noise: nil)
        let noisy = try currents(noise: WhiteNoise(distribution: try Gaussian(mean: 0, std: 0.5), scale: false))
        let differences = zip(noisy, quiet).map { $0 - $1 }
        let spread = (differences.reduce(0) { $0 + $1 * $1 } / Double(differences.count)).squareRoot()
        #expect(abs(spread - 0.5) < 0.05, "noise rms \(spread)")
        #expect(try currents(noise: WhiteNoise(distribution: try Gaussian(mean: 0, std: 0.5), scale: false)) == noisy)
    }

    @Test func tuningAndResponseCurvesFollowTheRateFormula() throws {
        let net = try Network(seed: 9)
        let a = try net.ensemble(neurons: 30, dimensions: 1)
        let sim = try Simulator(net)
        let (x, rates) = try sim.tuningCurves(a)
        #expect(x.rows == 50 && rates.columns == 30)
        #expect(x[0, 0] == -1 && x[49, 0] == 1)
        let built = try sim.built(a)
        let j = built.gain[7] * built.encoders[7, 0] * x[10, 0] + built.bias[7]
        #expect(abs(rates[10, 7] - LIF().rates(currents: [j])[0]) < 1e-9)
        let (inputs, response) = try sim.responseCurves(a)
        #expect(inputs.count == 50)
        #expect(abs(response[49, 3] - built.maxRates[3]) < 1e-6 * built.maxRates[3])
    }
}
