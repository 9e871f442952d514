/// Fuses neuron populations: the neuron operators of one dependency level whose neuron types
/// are equal never depend on each other, so they become one kernel over one contiguous
/// population — their currents, outputs and state variables laid out as arena bands.
enum NeuronFusion {
    /// Groups the neuron operators of each level by neuron type (its type and description);
    /// every other operator is a unit of its own. Units keep canonical order (a fused unit sits
    /// where its first member was).
    static func units(_ canonical: [Int], operators: [Operator], levels: [Int]) -> [[Int]] {
        var units: [[Int]] = []
        var unitOf: [String: Int] = [:]
        for index in canonical {
            guard case .neurons(let type, _, _, _, _) = operators[index].operation else {
                units.append([index])
                continue
            }
            let key = "\(levels[index])|\(Swift.type(of: type))|\(type)"
            if let unit = unitOf[key] {
                units[unit].append(index)
            } else {
                unitOf[key] = units.count
                units.append([index])
            }
        }
        return units
    }

    /// The arena bands a fused neuron unit needs: all currents end to end, all outputs, then
    /// one band per state variable (consecutive, so each variable is one stride further on).
    static func bands(of unit: [Int], in operators: [Operator]) -> [[SignalID]] {
        guard case .neurons(_, _, _, let firstState, _) = operators[unit[0]].operation else { return [] }
        var currents: [SignalID] = [], outputs: [SignalID] = []
        var states = [[SignalID]](repeating: [], count: firstState.count)
        for index in unit {
            guard case .neurons(_, let current, let output, let state, _) = operators[index].operation else { continue }
            currents.append(current)
            outputs.append(output)
            for (k, signal) in state.enumerated() { states[k].append(signal) }
        }
        return [currents, outputs] + states
    }
}
