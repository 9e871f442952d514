import BrainCore

/// The AdEx model written in Brian's notation, as Brian2's AdEx example writes it, so the
/// built-in type and an ``EquationNeuron`` can run the same cell.
extension AdEx {
    /// The equations of Brian2's AdEx example (Brette & Gerstner 2005), with the voltage held
    /// during a refractory period:
    ///
    ///     dvm/dt = (gL*(EL - vm) + gL*DeltaT*exp((vm - VT)/DeltaT) + I - w)/C : volt (unless refractory)
    ///     dw/dt = (a*(vm - EL) - w)/tauw : amp
    ///     I : amp
    public static let brianEquations = """
        dvm/dt = (gL*(EL - vm) + gL*DeltaT*exp((vm - VT)/DeltaT) + I - w)/C : volt (unless refractory)
        dw/dt = (a*(vm - EL) - w)/tauw : amp
        I : amp
        """

    /// This cell as an ``EquationNeuron``: ``brianEquations`` with this cell's parameters (SI
    /// values written exactly), threshold `vm > Vcut`, reset `vm = Vr; w += b`, the refractory
    /// period when there is one, `vm` starting at `EL`, and the ensemble current J driving `I`
    /// in nA on top of `current` (amperes), as for the built-in type.
    ///
    /// - Parameters:
    ///   - current: a constant injected current (amperes) under the ensemble's `J`; default 0.
    ///   - method: the integration method; `nil` takes the one matching
    ///     ``integrationMethod``.
    public func equationNeuron(
        current: Double = 0, method: EquationNeuron.Method? = nil
    ) throws(BrainKitError) -> EquationNeuron {
        let parameters = [
            "C": "\(capacitance)*farad", "gL": "\(leakConductance)*siemens", "EL": "\(restingPotential)*volt",
            "VT": "\(thresholdPotential)*volt", "DeltaT": "\(slopeFactor)*volt", "Vcut": "\(cutoffPotential)*volt",
            "tauw": "\(adaptationTimeConstant)*second", "a": "\(subthresholdAdaptation)*siemens",
            "b": "\(spikeTriggeredAdaptation)*amp", "Vr": "\(resetPotential)*volt", "I": "\(current)*amp",
        ]
        let matching: EquationNeuron.Method = integrationMethod == .rk4 ? .rk4 : .euler
        return try EquationNeuron(
            AdEx.brianEquations, parameters: parameters, threshold: "vm > Vcut", reset: "vm = Vr; w += b",
            refractory: refractoryPeriod > 0 ? "\(refractoryPeriod)*second" : nil, initialValues: ["vm": "EL"],
            method: method ?? matching, input: "I", inputUnit: "nA")
    }
}
