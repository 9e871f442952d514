import BrainTestSupport
import Foundation
import Testing

@testable import BrainNetworks

/// Nengo's Product tests (networks spec §C1, `test_product`), with Nengo's tolerances, plus
/// exact checks in Direct mode and a rate-mode check.
@Suite("Product")
struct ProductTests {
    /// `√2·sin(k·2πt)` for k = 1…5 (a) and k = 5…1 (b), as in Nengo's sine-wave test.
    static func sines(_ t: Double, reversed: Bool) -> [Double] {
        (1...5).map { k in
            let frequency = Double(reversed ? 6 - k : k)
            return 2.0.squareRoot() * sin(frequency * 2 * Double.pi * t)
        }
    }

    /// Product(neurons, 5, inputMagnitude: 2) multiplying the sine waves for 1 s; returns
    /// rms(ideal − output (probe τ 0.005) shifted by 13 ms) over every sample and dimension.
    static func sineWaveError(neurons: Int, direct: Bool, seed: Int) throws -> Double {
        // As in Nengo's test, the product is the seeded network and the inputs live inside it
        // (which fixes the order its objects draw their seeds in).
        let top = try Network(label: "top", seed: seed)
        if direct { top.defaults.neuronType = Direct() }
        let product = try Product(in: top, neurons: neurons, dimensions: 5, inputMagnitude: 2, seed: seed)
        let net = product.network
        let inputA = try net.node(label: "a", function: { t in ProductTests.sines(t, reversed: false) })
        let inputB = try net.node(label: "b", function: { t in ProductTests.sines(t, reversed: true) })
        try net.connect(inputA, to: product.inputA)
        try net.connect(inputB, to: product.inputB)
        let probe = try net.probe(product.output, synapse: 0.005)
        let sim = try Simulator(top)
        try sim.run(seconds: 1.0)
        let data = try sim.data(probe), times = sim.trange()
        let shifted = times.indices.filter { times[$0] >= 0.013 }
        var ideal: [Double] = [], actual: [Double] = []
        for (row, t) in zip(shifted, times) {
            ideal += zip(sines(t, reversed: false), sines(t, reversed: true)).map { $0 * $1 }
            actual += data.row(row)
        }
        return rmse(ideal, actual)
    }

    @Test func sineWaves() throws {
        let error = try ProductTests.sineWaveError(neurons: 200, direct: false, seed: 1)
        #expect(error < 0.2, "rms error \(error)")
    }

    @Test func directModeWithSingleNeuron() throws {
        let error = try ProductTests.sineWaveError(neurons: 1, direct: true, seed: 1)
        #expect(error < 0.2, "rms error \(error)")
    }

    @Test func directModeIsExact() throws {
        let a = [0.5, -1.5, 2, 0.25], b = [-0.75, 1.25, 1.5, -2]
        let net = try Network(seed: 2)
        net.defaults.neuronType = Direct()
        let product = try Product(in: net, neurons: 1, dimensions: 4, inputMagnitude: 2)
        try net.connect(try net.node(output: a), to: product.inputA, synapse: nil)
        try net.connect(try net.node(output: b), to: product.inputB, synapse: nil)
        let dot = try net.node(sizeIn: 1)
        try net.connect(
            product.output, to: dot, synapse: nil, transform: .dense(try Product.dotProductTransform(dimensions: 4)))
        let products = try net.probe(product.output), dotProbe = try net.probe(dot)
        let sim = try Simulator(net)
        try sim.run(steps: 2)
        let exact = zip(a, b).map { $0 * $1 }
        #expect(maxAbsoluteDifference(try sim.data(products).row(1), exact) < 1e-5)
        #expect(abs(try sim.data(dotProbe)[1, 0] - exact.reduce(0, +)) < 1e-5)
        #expect(product.neuronCount == 8)
    }

    @Test func rateModeIsAccurate() throws {
        let a = [0.6, -0.9, 0.3, -0.2, 0.8], b = [0.7, 0.4, -0.95, -0.5, 0.1]
        let net = try Network(seed: 3)
        net.defaults.neuronType = LIFRate()
        let product = try Product(in: net, neurons: 200, dimensions: 5)
        try net.connect(try net.node(output: a), to: product.inputA, synapse: nil)
        try net.connect(try net.node(output: b), to: product.inputB, synapse: nil)
        let probe = try net.probe(product.output)
        let sim = try Simulator(net)
        try sim.run(steps: 2)
        let output = try sim.data(probe).row(1)
        let error = maxAbsoluteDifference(output, zip(a, b).map { $0 * $1 })
        #expect(error < 0.02, "max error \(error)")
        // nengo.networks.Product(200, 5) in a Network(seed=3) with LIFRate, the same inputs.
        let nengo = [0.4324629577, -0.3667414861, -0.2974450516, 0.107932002, 0.0753276124]
        #expect(maxAbsoluteDifference(output, nengo) < 1e-5)
    }

    @Test func structureFollowsNengo() throws {
        let net = try Network(seed: 4)
        let product = try Product(in: net, neurons: 51, dimensions: 3, inputMagnitude: 2)
        #expect(product.squares1.neuronsPerEnsemble == 25 && product.squares2.neuronsPerEnsemble == 25)
        #expect(product.neuronCount == 150 && net.neuronCount == 150)
        #expect(product.squares1.ensembles.allSatisfy { abs($0.radius - 2 * 2.0.squareRoot()) < 1e-12 })
        #expect(product.squares1.outputs["square"] != nil && product.squares2.outputs["square"] != nil)
        #expect(try Product.dotProductTransform(dimensions: 3, scale: 0.5) == Matrix([[0.5, 0.5, 0.5]]))
    }

    @Test func badParametersThrow() throws {
        let net = try Network()
        #expect(throws: BrainKitError.self) { try Product(in: net, neurons: 0, dimensions: 2) }
        #expect(throws: BrainKitError.self) { try Product(in: net, neurons: 10, dimensions: 0) }
        #expect(throws: BrainKitError.self) { try Product(in: net, neurons: 10, dimensions: 2, inputMagnitude: 0) }
        #expect(throws: BrainKitError.self) { try Product(in: net, neurons: 10, dimensions: 2, inputMagnitude: .nan) }
        #expect(throws: BrainKitError.self) { try Product.dotProductTransform(dimensions: 0) }
        do {
            _ = try Product(in: net, label: "p", neurons: 10, dimensions: 2, inputMagnitude: -1)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "Product 'p': inputMagnitude must be > 0, got -1")
        }
    }
}
