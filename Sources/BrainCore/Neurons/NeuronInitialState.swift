/// The initial-state rules shared by every neuron type: Nengo's default distributions, and
/// user overrides (`initialState`) that replace them by name.
enum NeuronInitialState {
    /// `voltage ~ Uniform(0, 1)`, Nengo's default for spiking types.
    static var uniformVoltage: any Distribution { Uniform(0, 1) }

    /// `Choice([0])`: always zero, but it draws one `rng.randomSample()` per neuron as Nengo
    /// does, which keeps later draws from the same generator in step with Nengo.
    static var zero: any Distribution {
        // One option with default weights: this initialiser cannot throw.
        try! Choice([0])
    }

    /// The state variables `defaults` (in that order), each replaced by `overrides[name]`
    /// when given.
    ///
    /// - Throws: ``BrainKitError`` (validation) naming `object` and `initialState` when an
    ///   override names no state variable of the type, e.g. `LIF: initialState variable 'foo'
    ///   not recognized; should be one of 'voltage', 'refractoryTime'`.
    static func resolve(
        _ object: String, defaults: [NeuronStateVariable], overrides: [String: any Distribution]
    ) throws(BrainKitError) -> [NeuronStateVariable] {
        let names = defaults.map(\.name)
        if let unknown = overrides.keys.sorted().first(where: { !names.contains($0) }) {
            let expected = names.map { "'\($0)'" }.joined(separator: ", ")
            throw .validation(
                object, "initialState", "variable '\(unknown)' not recognized; should be one of \(expected)")
        }
        return defaults.map { variable in
            NeuronStateVariable(name: variable.name, initial: overrides[variable.name] ?? variable.initial)
        }
    }
}
