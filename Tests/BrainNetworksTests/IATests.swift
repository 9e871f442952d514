import BrainTestSupport
import Testing

@testable import BrainNetworks

/// nengo_spa's independent-accumulator test (networks spec §C2, thresholds unchanged), plus
/// Direct and rate modes and the structure of the feedback.
@Suite("IA")
struct IATests {
    /// Runs nengo_spa's test_ia model for 1.1 s: input [0.8, 0.5, 0.2, −0.1] until 0.2 s,
    /// then [0.1, −0.4, 0, 0.3]; a reset pulse for 0.4 < t < 0.5 through Lowpass(0.1).
    /// Returns the output (probe synapse 0.05, or none) and the times.
    static func run(seed: Int, neuronType: (any NeuronType)? = nil, neurons: Int = 50, probeSynapse: Double? = 0.05)
        throws -> (Matrix, [Double])
    {
        let net = try Network(seed: seed)
        net.defaults.neuronType = neuronType
        let ia = try IA(in: net, neurons: neurons, count: 4)
        let input = try net.node(label: "input", function: { t in t < 0.2 ? [0.8, 0.5, 0.2, -0.1] : [0.1, -0.4, 0, 0.3] })
        try net.connect(input, to: ia.input)
        let reset = try net.node(label: "reset", function: { t in t > 0.4 && t < 0.5 ? 1 : 0 })
        try net.connect(reset, to: ia.inputReset, synapse: 0.1)
        let output = try net.probe(ia.output, synapse: try probeSynapse.map { try Lowpass($0) })
        let sim = try Simulator(net)
        try sim.run(seconds: 1.1)
        return (try sim.data(output), sim.trange())
    }

    /// Nengo's pass conditions: choice 0 is selected over 0.15–0.4 s, choice 3 after 0.95 s,
    /// every other output within ±0.05 of 0.
    static func expectNengoBehaviour(_ output: Matrix, _ times: [Double]) {
        for (window, winner) in [({ (t: Double) in t > 0.15 && t < 0.4 }, 0), ({ (t: Double) in t > 0.95 }, 3)] {
            let won = Window.column(output, winner, times: times, where: window)
            #expect(won.allSatisfy { $0 > 0.8 }, "winner \(winner) min \(won.min()!)")
            for other in 0..<4 where other != winner {
                let rest = Window.column(output, other, times: times, where: window)
                #expect(rest.allSatisfy { abs($0) <= 0.05 }, "choice \(other) max |x| \(rest.map(abs).max()!)")
            }
        }
    }

    @Test func spikingAccumulatorsSelectAndReset() throws {
        let (output, times) = try IATests.run(seed: 1)
        IATests.expectNengoBehaviour(output, times)
    }

    @Test func rateAccumulatorsSelectAndReset() throws {
        let (output, times) = try IATests.run(seed: 1, neuronType: LIFRate())
        IATests.expectNengoBehaviour(output, times)
    }

    /// In Direct mode the output is an exact step: exactly one choice at 1 in each window.
    @Test func directModeSelectsExactly() throws {
        let (output, times) = try IATests.run(seed: 2, neuronType: Direct(), neurons: 2, probeSynapse: nil)
        for (window, winner) in [({ (t: Double) in t > 0.15 && t < 0.4 }, 0), ({ (t: Double) in t > 0.95 }, 3)] {
            let expected = (0..<4).map { $0 == winner ? 1.0 : 0.0 }
            for row in Window.rows(output, times: times, where: window) {
                #expect(row == expected, "\(row)")
            }
        }
    }

    @Test func layersAndFeedbackFollowTheModel() throws {
        let net = try Network(seed: 3)
        let ia = try IA(in: net, neurons: 50, count: 3)
        #expect(ia.accumulators.array.neuronsPerEnsemble == 35)
        #expect(ia.thresholding.array.neuronsPerEnsemble == 15)
        #expect(ia.thresholding.threshold == 0.8 && ia.accumulators.threshold == 0)
        let feedback = ia.network.connections.first { connection in
            if case .node(let node) = connection.pre.object { return node === ia.thresholding.output }
            return false
        }!
        guard case .dense(let m) = feedback.transform else {
            Issue.record("expected a dense transform")
            return
        }
        #expect(abs(m[0, 0] - 0.1) < 1e-12 && abs(m[0, 1] + 20.5) < 1e-12)
        #expect(net.neuronCount == 150)
        #expect(throws: BrainKitError.self) { try IA(in: net, neurons: 1, count: 2) }
        #expect(throws: BrainKitError.self) { try IA(in: net, neurons: 10, count: 2, accumulatorSynapse: 0) }
        #expect(throws: BrainKitError.self) { try IA(in: net, neurons: 10, count: 2, accumulatorNeuronRatio: 1.5) }
    }
}
