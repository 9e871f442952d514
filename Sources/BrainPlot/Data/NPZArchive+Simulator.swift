import Foundation
import BrainCore

extension NPZArchive {
    /// A simulator's probe data: `trange` (the step times, `<f8`, shape (steps,)) and, for
    /// each probe, its data (`<f8`, shape (samples, size)) under the probe's label, or
    /// `probe<i>` (i its index in `network.allProbes`) when it has none. A probe that samples
    /// every `sampleEvery` seconds also gets its own times as `<name>_trange`.
    ///
    /// - Parameters:
    ///   - sim: a simulator that has run.
    ///   - probes: the probes to save; nil for every probe of the network.
    /// - Throws: `BrainKitError` (`.validation`) when a probe is not in the network, has no
    ///   samples yet, or two probes share a label.
    public init(probesOf sim: Simulator, probes: [Probe]? = nil) throws(BrainKitError) {
        self.init()
        let all = sim.network.allProbes
        try add("trange", NPYArray(sim.trange()))
        for probe in probes ?? all {
            let index = all.firstIndex { $0 === probe }
            let name = probe.label ?? "probe\(index ?? -1)"
            try add(name, try NPYArray(try ProbeData.checked(sim, probe)))
            if probe.sampleEvery != nil {
                try add(name + "_trange", NPYArray(sim.trange(sampleEvery: probe.sampleEvery)))
            }
        }
    }

    /// What the build drew and computed for `ensemble` (Nengo's `sim.data[ens]`), `<f8`:
    /// `gain`, `bias`, `max_rates`, `intercepts` (neurons,); `encoders`, `scaled_encoders`
    /// (neurons, dimensions); `eval_points` (points, dimensions); and for each connection in
    /// `decodersOf`, its solved `decoders` (neurons, size) — named `decoders` for one
    /// connection, `decoders_<label or index>` for several.
    ///
    /// - Throws: `BrainKitError` (`.validation`) when the ensemble or a connection is not in
    ///   the simulator's network or a connection has no decoders.
    public init(builtParametersOf ensemble: Ensemble, in sim: Simulator, decodersOf connections: [Connection] = [])
        throws(BrainKitError)
    {
        self.init()
        let built = try sim.built(ensemble)
        try add("gain", NPYArray(built.gain))
        try add("bias", NPYArray(built.bias))
        try add("max_rates", NPYArray(built.maxRates))
        try add("intercepts", NPYArray(built.intercepts))
        try add("encoders", try NPYArray(built.encoders))
        try add("scaled_encoders", try NPYArray(built.scaledEncoders))
        try add("eval_points", try NPYArray(built.evalPoints))
        for (index, connection) in connections.enumerated() {
            guard let decoders = try sim.built(connection).decoders else {
                throw .validation(connection.name, "decoders", "do not exist (the connection is not decoded)")
            }
            let name = connections.count == 1 ? "decoders" : "decoders_" + (connection.label ?? "\(index)")
            try add(name, try NPYArray(decoders))
        }
    }
}

/// Probe data saved as NumPy archives.
extension Simulator {
    /// Saves `trange` and the probes' data as a `.npz` file (``NPZArchive/init(probesOf:probes:)``).
    /// - Throws: `BrainKitError`: `.validation` as that initialiser, `.io` when the file
    ///   cannot be written.
    public func saveProbes(to url: URL, probes: [Probe]? = nil) throws(BrainKitError) {
        try NPZArchive(probesOf: self, probes: probes).write(to: url)
    }
}
