import BrainTestSupport
import Testing

@testable import BrainNetworks

/// nengo_spa's WTA test (networks spec §C2, thresholds unchanged), plus exact steady states
/// in Direct mode and a rate-mode run.
@Suite("WTA")
struct WTATests {
    /// [1, 0.8, 0, 0] until 0.2 s, nothing until 0.3 s, then [0.8, 1, 0, 0].
    static func input(_ t: Double) -> [Double] {
        t < 0.2 ? [1, 0.8, 0, 0] : (t < 0.3 ? [0, 0, 0, 0] : [0.8, 1, 0, 0])
    }

    /// Runs nengo_spa's test_wta model for 0.5 s; returns the output and thresholded data
    /// (probe synapse `probeSynapse`, none when nil) and the times.
    static func run(seed: Int, neuronType: (any NeuronType)? = nil, neurons: Int = 50, probeSynapse: Double? = 0.03)
        throws -> (Matrix, Matrix, [Double])
    {
        let net = try Network(seed: seed)
        net.defaults.neuronType = neuronType
        let wta = try WTA(in: net, neurons: neurons, count: 4, threshold: 0.3, function: { $0 > 0 ? 1 : 0 })
        try net.connect(try net.node(label: "input", function: input), to: wta.input)
        let synapse: (any Synapse)? = try probeSynapse.map { try Lowpass($0) }
        let output = try net.probe(wta.output, synapse: synapse)
        let thresholded = try net.probe(wta.thresholded, synapse: synapse)
        let sim = try Simulator(net)
        try sim.run(seconds: 0.5)
        return (try sim.data(output), try sim.data(thresholded), sim.trange())
    }

    /// Nengo's pass conditions: in 0.15–0.2 s choice 0 wins, for t > 0.45 s choice 1 does.
    static func expectNengoBehaviour(_ output: Matrix, _ thresholded: Matrix, _ times: [Double]) {
        let moreA: (Double) -> Bool = { $0 > 0.15 && $0 < 0.2 }
        let moreB: (Double) -> Bool = { $0 > 0.45 }
        for (window, winner, loser) in [(moreA, 0, 1), (moreB, 1, 0)] {
            let won = Window.column(output, winner, times: times, where: window)
            let lost = Window.column(output, loser, times: times, where: window)
            #expect(won.allSatisfy { $0 > 0.8 }, "winner \(winner) min \(won.min()!)")
            #expect(lost.allSatisfy { $0 < 0.1 }, "loser \(loser) max \(lost.max()!)")
            let strong = Window.column(thresholded, winner, times: times, where: window)
            #expect(strong.allSatisfy { $0 > 0.6 }, "thresholded \(winner) min \(strong.min()!)")
            for other in 0..<4 where other != winner {
                let weak = Window.column(thresholded, other, times: times, where: window)
                #expect(weak.allSatisfy { $0 < 0.001 }, "thresholded \(other) max \(weak.max()!)")
            }
        }
    }

    @Test func spikingWinnerTakesAll() throws {
        let (output, thresholded, times) = try WTATests.run(seed: 1)
        WTATests.expectNengoBehaviour(output, thresholded, times)
    }

    @Test func rateWinnerTakesAll() throws {
        let (output, thresholded, times) = try WTATests.run(seed: 1, neuronType: LIFRate())
        WTATests.expectNengoBehaviour(output, thresholded, times)
    }

    /// Direct mode settles exactly at the rectified fixed point: the winner keeps u − θ
    /// (0.7), the loser is pushed below threshold (0.5 − 0.7 < 0).
    @Test func directModeSettlesAtTheIdealFixedPoint() throws {
        let (output, thresholded, times) = try WTATests.run(seed: 2, neuronType: Direct(), neurons: 1, probeSynapse: nil)
        let before = times.lastIndex(where: { $0 < 0.2 })!, end = times.count - 1
        #expect(maxAbsoluteDifference(thresholded.row(before), [0.7, 0, 0, 0]) < 1e-5)
        #expect(maxAbsoluteDifference(output.row(before), [1, 0, 0, 0]) == 0)
        #expect(maxAbsoluteDifference(thresholded.row(end), [0, 0.7, 0, 0]) < 1e-5)
        #expect(maxAbsoluteDifference(output.row(end), [0, 1, 0, 0]) == 0)
        WTATests.expectNengoBehaviour(output, thresholded, times)
    }

    @Test func inhibitionIsLateral() throws {
        let net = try Network(seed: 3)
        let wta = try WTA(in: net, neurons: 10, count: 3, inhibitScale: 2, threshold: 0.1)
        guard case .dense(let m) = wta.inhibition.transform else {
            Issue.record("expected a dense transform")
            return
        }
        #expect(m.values == [0, -2, -2, -2, 0, -2, -2, -2, 0])
        #expect((wta.inhibition.synapse as? Lowpass)?.tau == 0.005)
        #expect(wta.count == 3 && wta.thresholding.network === wta.network)
        #expect(throws: BrainKitError.self) { try WTA(in: net, neurons: 10, count: 3, inhibitSynapse: -1, threshold: 0) }
        #expect(throws: BrainKitError.self) { try WTA(in: net, neurons: 10, count: 0, threshold: 0) }
    }
}
