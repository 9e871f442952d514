import BrainTestSupport
import Testing

@testable import BrainNetworks

/// Nengo's EnsembleArray tests (networks spec §C1), with Nengo's tolerances, plus exact checks
/// in Direct and rate modes.
@Suite("EnsembleArray")
struct EnsembleArrayTests {
    /// The mean of each column of `data` over samples with t > `after`.
    static func columnMeans(_ data: Matrix, times: [Double], after: Double) -> [Double] {
        let rows = times.indices.filter { times[$0] > after }
        return (0..<data.columns).map { c in rows.reduce(0) { $0 + data[$1, c] } / Double(rows.count) }
    }

    /// numpy's `allclose`: |a − b| ≤ atol + rtol·|b| everywhere.
    static func allClose(_ a: [Double], _ b: [Double], atol: Double, rtol: Double) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= atol + rtol * abs($1) }
    }

    @Test func multidimensionalEnsemblesInterleave() throws {
        let a = [0.31, -0.52, 0.12], b = [-0.65, 0.44, 0.05]
        let c = [a[0], b[0], a[1], b[1], a[2], b[2]]
        let net = try Network(seed: 1)
        let inputA = try net.node(output: a), inputB = try net.node(output: b)
        let arrayA = try EnsembleArray(in: net, label: "A", neurons: 60, ensembles: 3)
        let arrayB = try EnsembleArray(in: net, label: "B", neurons: 60, ensembles: 3)
        let arrayC = try EnsembleArray(in: net, label: "C", neurons: 120, ensembles: 3, dimensionsPerEnsemble: 2)
        try net.connect(inputA, to: arrayA.input)
        try net.connect(inputB, to: arrayB.input)
        try net.connect(arrayA.output, to: arrayC.input[[0, 2, 4]])
        try net.connect(arrayB.output, to: arrayC.input[[1, 3, 5]])
        let probes = try [arrayA, arrayB, arrayC].map { try net.probe($0.output, synapse: 0.03) }
        let sim = try Simulator(net)
        try sim.run(seconds: 0.4)
        for (probe, expected) in zip(probes, [a, b, c]) {
            let means = EnsembleArrayTests.columnMeans(try sim.data(probe), times: sim.trange(), after: 0.2)
            #expect(EnsembleArrayTests.allClose(means, expected, atol: 0.05, rtol: 0.1), "\(means) vs \(expected)")
        }
    }

    @Test func matrixMultiplication() throws {
        let aMatrix = [[0.5, -0.5]], bMatrix = [[0.8, 0.3], [0.2, 0.7]]
        let net = try Network(label: "Matrix Multiplication", seed: 2)
        let arrayA = try EnsembleArray(in: net, label: "A", neurons: 100, ensembles: 2)
        let arrayB = try EnsembleArray(in: net, label: "B", neurons: 100, ensembles: 4)
        try net.connect(try net.node(output: aMatrix.flatMap { $0 }), to: arrayA.input)
        try net.connect(try net.node(output: bMatrix.flatMap { $0 }), to: arrayB.input)
        var products = ModelDefaults()
        products.radius = 2.0.squareRoot()
        products.encoders = try Choice(rows: Matrix([[1, 1], [-1, 1], [1, -1], [-1, -1]]))
        let arrayC = try EnsembleArray(
            in: net, label: "C", neurons: 100, ensembles: 4, dimensionsPerEnsemble: 2, defaults: products)
        // C pairs (A[i][j], B[j][k]) for every i, j, k.
        var transformA = Matrix(rows: 8, columns: 2), transformB = Matrix(rows: 8, columns: 4)
        for j in 0..<2 {
            for k in 0..<2 {
                let pair = j + k * 2
                transformA[pair * 2, j] = 1
                transformB[pair * 2 + 1, k + j * 2] = 1
            }
        }
        try net.connect(arrayA.output, to: arrayC.input, transform: .dense(transformA))
        try net.connect(arrayB.output, to: arrayC.input, transform: .dense(transformB))
        let product = try arrayC.addOutput("product", function: { x in [x[0] * x[1]] })
        let arrayD = try EnsembleArray(in: net, label: "D", neurons: 100, ensembles: 2)
        var transformC = Matrix(rows: 2, columns: 4)
        for i in 0..<4 { transformC[i / 2, i] = 1 }
        try net.connect(product, to: arrayD.input, transform: .dense(transformC))
        let probe = try net.probe(arrayD.output, synapse: 0.03)
        let sim = try Simulator(net)
        try sim.run(seconds: 0.3)
        let data = try sim.data(probe), times = sim.trange()
        let expected = [0.5 * 0.8 - 0.5 * 0.2, 0.5 * 0.3 - 0.5 * 0.7]
        for row in times.indices where times[row] >= 0.2 {
            #expect(EnsembleArrayTests.allClose(data.row(row), expected, atol: 0.1, rtol: 0.01), "t = \(times[row])")
        }
    }

    @Test func neuronInputSilencesAndNeuronOutputCollectsSpikes() throws {
        let net = try Network(seed: 3)
        let array = try EnsembleArray(in: net, neurons: 10, ensembles: 2)
        let inhibition = try net.node(output: [Double](repeating: -10, count: 20))
        try net.connect(inhibition, to: try array.addNeuronInput(), synapse: nil)
        #expect(try array.addNeuronInput() === array.neuronInput!)
        let output = try net.probe(array.output)
        let silent = try net.probe(try array.addNeuronOutput())
        let sim = try Simulator(net)
        try sim.run(seconds: 0.1)
        #expect(try sim.data(output).values.allSatisfy { abs($0) < 0.01 })
        #expect(try sim.data(silent).values.allSatisfy { $0 == 0 })
    }

    @Test func directModeIsExactAndHasNoNeuronPorts() throws {
        let net = try Network(seed: 4)
        net.defaults.neuronType = Direct()
        let array = try EnsembleArray(in: net, neurons: 1, ensembles: 3)
        let squares = try array.addOutput("squares", function: { x in [x[0] * x[0]] })
        try net.connect(try net.node(output: [0.5, -0.25, 2]), to: array.input, synapse: nil)
        let probe = try net.probe(squares)
        let sim = try Simulator(net)
        try sim.run(steps: 2)
        #expect(maxAbsoluteDifference(try sim.data(probe).row(1), [0.25, 0.0625, 4]) < 1e-6)
        #expect(throws: BrainKitError.self) { try array.addNeuronInput() }
        #expect(throws: BrainKitError.self) { try array.addOutput("squares", function: nil) }
    }
}
