import BrainCore
import Foundation

extension CompartmentalNeuron {
    /// The table's currents (nA): `rateTablePoints` evenly spaced over `rateTableRange`.
    var rateTableCurrents: [Double] {
        let low = rateTableRange.lowerBound, high = rateTableRange.upperBound
        let spacing = (high - low) / Double(rateTablePoints - 1)
        return (0..<rateTablePoints).map { $0 == rateTablePoints - 1 ? high : low + Double($0) * spacing }
    }

    /// The tabulated rates (Hz) at ``rateTableCurrents`` (computed once).
    var rateTable: [Double] {
        rateCache.table { rateTableCurrents.map { simulatedRate(current: $0) } }
    }

    /// Steady firing rates (Hz) for constant input currents (nA), from the tabulated curve
    /// (see the type's documentation).
    public func rates(currents: [Double]) -> [Double] {
        let table = rateTable
        let low = rateTableRange.lowerBound, high = rateTableRange.upperBound
        let spacing = (high - low) / Double(rateTablePoints - 1)
        return currents.map { j in
            if j.isNaN { return .nan }
            if j > high { return simulatedRate(current: j) }
            if j < low { return table[0] == 0 ? 0 : simulatedRate(current: j) }
            let position = spacing > 0 ? (j - low) / spacing : 0
            let k = min(Int(position), rateTablePoints - 2)
            let fraction = position - Double(k)
            return table[k] + fraction * (table[k + 1] - table[k])
        }
    }

    /// The rate (Hz) measured by simulating one cell at a constant `current` (nA): from the
    /// initial state, `settleTime` ms, then `(spikes − 1) / (last − first)` over `measureTime`
    /// ms (spike times interpolated at the threshold crossing), `1 / measureTime` for a single
    /// spike, 0 for none.
    func simulatedRate(current: Double) -> Double {
        let nodes = model.nodeCount
        var storage = [Double](repeating: 0, count: 3 * nodes + model.gateCount + 1)
        let settleSteps = Int((settleTime / timeStep).rounded())
        let measureSteps = max(1, Int((measureTime / timeStep).rounded()))
        let dt = timeStep
        return storage.withUnsafeMutableBufferPointer { buffer in
            let v = buffer.baseAddress!
            let d = v + nodes, b = d + nodes, gates = b + nodes
            model.initialize(voltage: initialVoltage, voltage: v, gates: gates)
            return model.withStepper { stepper in
                for _ in 0..<settleSteps {
                    stepper.step(
                        dt: dt, current: current, into: inputNode, voltage: v, gates: gates, diagonal: d, rhs: b)
                }
                var count = 0
                var first = 0.0, last = 0.0
                for k in 0..<measureSteps {
                    let before = v[spikeNode]
                    stepper.step(
                        dt: dt, current: current, into: inputNode, voltage: v, gates: gates, diagonal: d, rhs: b)
                    let after = v[spikeNode]
                    if before < threshold && after >= threshold {
                        let time = (Double(k) + (threshold - before) / (after - before)) * dt
                        if count == 0 { first = time }
                        last = time
                        count += 1
                    }
                }
                if count >= 2 && last > first { return Double(count - 1) / (last - first) * 1000 }
                return count == 1 ? 1000 / measureTime : 0
            }
        }
    }

    /// Gain and bias by BrainCore's generic numeric search
    /// (`NeuronType/numericGainBias(maxRates:intercepts:)`), after checking on the
    /// tabulated curve that the search can work.
    /// - Throws: `BrainKitError` (validation, object `CompartmentalNeuron`): `maxRates` when
    ///   the cell never fires over the table's currents, or the largest max rate exceeds the
    ///   fastest rate it reaches there; `input` when the rate falls back to 0 at a larger
    ///   current within the search's first window (depolarisation block), which would defeat
    ///   the search (give a larger cell or a smaller max rate); and whatever the generic
    ///   search throws.
    public func gainBias(
        maxRates: [Double], intercepts: [Double]
    ) throws(BrainKitError) -> (gain: [Double], bias: [Double]) {
        let object = "CompartmentalNeuron"
        let table = rateTable
        let currents = rateTableCurrents
        guard let highest = maxRates.max() else { return ([], []) }
        guard let onset = table.firstIndex(where: { $0 > 0 }) else {
            throw .validation(
                object, "maxRates",
                "cannot be reached: the cell does not spike (no crossing of \(threshold) mV at \(spikeLocation)) "
                    + "for any input current in \(rateTableRange) nA")
        }
        if let block = table[onset...].firstIndex(where: { $0 <= 0 }), abs(currents[block]) <= 10 {
            throw .validation(
                object, "input",
                "drives the cell into depolarisation block: it fires from \(Check.format(currents[onset])) nA but "
                    + "stops again at \(Check.format(currents[block])) nA, inside the generic gain/bias search's "
                    + "window |J| <= 10 nA; use a larger cell so that its firing range lies below 10 nA")
        }
        let peak = table.indices.max { table[$0] < table[$1] } ?? onset
        if highest > table[peak] {
            throw .validation(
                object, "maxRates",
                "cannot be reached: the cell fires at most \(String(format: "%.1f", table[peak])) Hz (at "
                    + "\(Check.format(currents[peak])) nA) for input currents in \(rateTableRange) nA, "
                    + "below the requested \(Check.format(highest)) Hz")
        }
        return try numericGainBias(maxRates: maxRates, intercepts: intercepts)
    }
}
