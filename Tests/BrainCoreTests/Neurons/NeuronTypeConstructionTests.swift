import Testing
@testable import BrainCore

/// Defaults, validation and initial state of every neuron type.
@Suite("Neuron types validate their parameters")
struct NeuronTypeConstructionTests {
    @Test func defaultsAreNengos() throws {
        let lif = LIF()
        #expect(lif.tauRC == 0.02 && lif.tauRef == 0.002 && lif.minVoltage == 0 && lif.amplitude == 1)
        let custom = try LIF(tauRC: 0.05)
        #expect(custom.tauRC == 0.05 && custom.tauRef == 0.002)
        let adaptive = AdaptiveLIF()
        #expect(adaptive.tauN == 1 && adaptive.incN == 0.01 && adaptive.tauRC == 0.02)
        let adaptiveRate = AdaptiveLIFRate()
        #expect(adaptiveRate.tauN == 1 && adaptiveRate.incN == 0.01 && adaptiveRate.tauRef == 0.002)
        let izhikevich = Izhikevich()
        #expect(izhikevich.tauRecovery == 0.02 && izhikevich.coupling == 0.2)
        #expect(izhikevich.resetVoltage == -65 && izhikevich.resetRecovery == 8)
        #expect(Sigmoid().tauRef == 0.0025 && Tanh().tauRef == 0.0025)
        #expect(RectifiedLinear().amplitude == 1 && SpikingRectifiedLinear().amplitude == 1)
        #expect(LIFRate().tauRC == 0.02)
        // The throwing initialisers with every argument defaulted agree with init().
        #expect(try LIF(initialState: [:]).description == LIF().description)
        #expect(try Izhikevich(initialState: [:]).description == Izhikevich().description)
        #expect(try AdaptiveLIF(initialState: [:]).description == AdaptiveLIF().description)
    }

    @Test func kindsAndStateVariables() {
        let cases: [(any NeuronType, Bool, [String])] = [
            (LIF(), true, ["voltage", "refractoryTime"]),
            (LIFRate(), false, []),
            (AdaptiveLIF(), true, ["voltage", "refractoryTime", "adaptation"]),
            (AdaptiveLIFRate(), false, ["adaptation"]),
            (RectifiedLinear(), false, []),
            (SpikingRectifiedLinear(), true, ["voltage"]),
            (Sigmoid(), false, []),
            (Tanh(), false, []),
            (Izhikevich(), true, ["voltage", "recovery"]),
            (Direct(), false, []),
        ]
        for (neuron, spiking, names) in cases {
            #expect(neuron.isSpiking == spiking, "\(neuron)")
            #expect(neuron.stateVariables.map(\.name) == names, "\(neuron)")
            #expect(neuron.isDirect == (neuron is Direct))
        }
    }

    /// Voltage ~ Uniform(0, 1); the zero-valued variables are Choice([0]), which draws one
    /// random sample per neuron like Nengo.
    @Test func defaultInitialDistributionsDrawLikeNengo() throws {
        var rng = RandomState(seed: 3)
        var reference = RandomState(seed: 3)
        let state = LIF().stateVariables
        let voltage = try state[0].initial.sample(count: 4, rng: &rng)
        let refractory = try state[1].initial.sample(count: 4, rng: &rng)
        #expect(voltage == (0..<4).map { _ in reference.uniform(0, 1) })
        #expect(refractory == [0, 0, 0, 0])
        for _ in 0..<4 { _ = reference.randomSample() }
        #expect(rng.randomSample() == reference.randomSample())
    }

    @Test func initialStateOverridesByName() throws {
        let lif = try LIF(initialState: ["refractoryTime": Uniform(0, 0.002)])
        #expect(lif.stateVariables[1].initial is Uniform)
        #expect(lif.stateVariables[0].initial is Uniform)
        let izhikevich = try Izhikevich(initialState: ["voltage": Choice([-65])])
        #expect(izhikevich.stateVariables[0].initial is Choice)
    }

    @Test func unknownInitialStateNamesThrow() {
        let cases: [(() throws(BrainKitError) -> Void, String)] = [
            ({ () throws(BrainKitError) in _ = try LIF(initialState: ["foo": Uniform(0, 1)]) },
             "LIF: initialState variable 'foo' not recognized; should be one of 'voltage', 'refractoryTime'"),
            ({ () throws(BrainKitError) in _ = try AdaptiveLIF(initialState: ["refractory_time": Uniform(0, 1)]) },
             "AdaptiveLIF: initialState variable 'refractory_time' not recognized; should be one of 'voltage', "
                + "'refractoryTime', 'adaptation'"),
            ({ () throws(BrainKitError) in _ = try AdaptiveLIFRate(initialState: ["voltage": Uniform(0, 1)]) },
             "AdaptiveLIFRate: initialState variable 'voltage' not recognized; should be one of 'adaptation'"),
            ({ () throws(BrainKitError) in _ = try SpikingRectifiedLinear(initialState: ["v": Uniform(0, 1)]) },
             "SpikingRectifiedLinear: initialState variable 'v' not recognized; should be one of 'voltage'"),
            ({ () throws(BrainKitError) in _ = try Izhikevich(initialState: ["u": Uniform(0, 1)]) },
             "Izhikevich: initialState variable 'u' not recognized; should be one of 'voltage', 'recovery'"),
        ]
        for (make, message) in cases {
            #expect {
                try make()
            } throws: { error in
                (error as? BrainKitError)?.kind == .validation && "\(error)" == message
            }
        }
    }

    @Test func parametersOutOfRangeThrow() {
        let cases: [(() throws(BrainKitError) -> Void, String, String)] = [
            ({ () throws(BrainKitError) in _ = try LIF(tauRC: 0) }, "LIF", "tauRC"),
            ({ () throws(BrainKitError) in _ = try LIF(tauRef: -0.001) }, "LIF", "tauRef"),
            ({ () throws(BrainKitError) in _ = try LIF(minVoltage: 1) }, "LIF", "minVoltage"),
            ({ () throws(BrainKitError) in _ = try LIF(amplitude: 0) }, "LIF", "amplitude"),
            ({ () throws(BrainKitError) in _ = try LIF(tauRC: .nan) }, "LIF", "tauRC"),
            ({ () throws(BrainKitError) in _ = try LIFRate(tauRC: -1) }, "LIFRate", "tauRC"),
            ({ () throws(BrainKitError) in _ = try LIFRate(amplitude: -1) }, "LIFRate", "amplitude"),
            ({ () throws(BrainKitError) in _ = try AdaptiveLIF(tauN: 0) }, "AdaptiveLIF", "tauN"),
            ({ () throws(BrainKitError) in _ = try AdaptiveLIF(incN: -0.1) }, "AdaptiveLIF", "incN"),
            ({ () throws(BrainKitError) in _ = try AdaptiveLIF(minVoltage: 0.5) }, "AdaptiveLIF", "minVoltage"),
            ({ () throws(BrainKitError) in _ = try AdaptiveLIFRate(tauN: -1) }, "AdaptiveLIFRate", "tauN"),
            ({ () throws(BrainKitError) in _ = try AdaptiveLIFRate(tauRef: -1) }, "AdaptiveLIFRate", "tauRef"),
            ({ () throws(BrainKitError) in _ = try RectifiedLinear(amplitude: 0) }, "RectifiedLinear", "amplitude"),
            ({ () throws(BrainKitError) in _ = try SpikingRectifiedLinear(amplitude: -2) },
             "SpikingRectifiedLinear", "amplitude"),
            ({ () throws(BrainKitError) in _ = try Sigmoid(tauRef: 0) }, "Sigmoid", "tauRef"),
            ({ () throws(BrainKitError) in _ = try Tanh(tauRef: -0.1) }, "Tanh", "tauRef"),
            ({ () throws(BrainKitError) in _ = try Izhikevich(tauRecovery: 0) }, "Izhikevich", "tauRecovery"),
            ({ () throws(BrainKitError) in _ = try Izhikevich(coupling: -0.2) }, "Izhikevich", "coupling"),
            ({ () throws(BrainKitError) in _ = try Izhikevich(resetVoltage: .infinity) }, "Izhikevich", "resetVoltage"),
            ({ () throws(BrainKitError) in _ = try Izhikevich(resetRecovery: .nan) }, "Izhikevich", "resetRecovery"),
        ]
        for (make, object, parameter) in cases {
            #expect {
                try make()
            } throws: { error in
                let error = error as? BrainKitError
                return error?.kind == .validation && error?.object == object && error?.parameter == parameter
            }
        }
        #expect(throws: BrainKitError.validation("LIF", "tauRC", "must be > 0, got 0")) { _ = try LIF(tauRC: 0) }
        #expect((try? LIF(tauRef: 0, minVoltage: -1)) != nil)
        #expect((try? AdaptiveLIF(incN: 0)) != nil)
    }

    @Test func descriptionsNameTheTypeAndParameters() throws {
        #expect(LIF().description == "LIF(tauRC: 0.02, tauRef: 0.002, minVoltage: 0.0, amplitude: 1.0)")
        #expect(try Sigmoid(tauRef: 0.004).description == "Sigmoid(tauRef: 0.004)")
        #expect(Direct().description == "Direct()")
    }
}
