import BrainBiophysics
import BrainTestSupport
import Testing

/// The equation-defined AdEx (``AdEx/equationNeuron(current:method:)``, parsed from Brian's
/// notation) against the built-in type on the talk's cell: the issue asks for the same spike
/// times within 0.1 ms.
@Suite struct AdExEquationsTests {
    static let current = 1.5e-9

    func spikeTimes(_ cell: AdEx, dt: Double) throws -> (builtIn: [Double], equations: [Double]) {
        let builtIn = try cell.simulate(current: Self.current, duration: 0.5, dt: dt).spikeTimes
        let equations = try cell.equationNeuron(current: Self.current).simulate(duration: 0.5, dt: dt).spikeTimes
        return (builtIn, equations)
    }

    @Test(arguments: [AdExIntegrationMethod.euler, .rk4], [1e-4, 2.5e-5])
    func sameSpikeTimes(method: AdExIntegrationMethod, dt: Double) throws {
        let cell = try AdEx.bretteGerstner2005(integrationMethod: method)
        let (builtIn, equations) = try spikeTimes(cell, dt: dt)
        #expect(builtIn.count == 33)
        #expect(equations.count == builtIn.count)
        let worst = zip(builtIn, equations).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= 1e-4, "largest spike-time difference \(worst * 1000) ms")
    }

    @Test func sameSpikeTimesWithRefractoryPeriod() throws {
        let talk = try AdEx.bretteGerstner2005()
        let cell = try AdEx(
            capacitance: talk.capacitance, leakConductance: talk.leakConductance,
            restingPotential: talk.restingPotential, thresholdPotential: talk.thresholdPotential,
            slopeFactor: talk.slopeFactor, adaptationTimeConstant: talk.adaptationTimeConstant,
            subthresholdAdaptation: talk.subthresholdAdaptation,
            spikeTriggeredAdaptation: talk.spikeTriggeredAdaptation, resetPotential: talk.resetPotential,
            refractoryPeriod: 0.002)
        let (builtIn, equations) = try spikeTimes(cell, dt: 1e-4)
        #expect(!builtIn.isEmpty)
        #expect(equations.count == builtIn.count)
        let worst = zip(builtIn, equations).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= 1e-4, "largest spike-time difference \(worst * 1000) ms")
    }

    @Test func equationsCarryTheCellsParameters() throws {
        let neuron = try AdEx.bretteGerstner2005(integrationMethod: .rk4).equationNeuron()
        #expect(neuron.resolvedMethod == .rk4)
        #expect(neuron.parameters["C"] == "2.81e-10*farad")
        #expect(neuron.refractory == nil)
    }
}
