import BrainCore
import Foundation

extension DistributedSimulator {
    /// The data `probe` recorded, on every rank: the rank that records it broadcasts it.
    /// Collective. After a failure, the rows up to the last step every rank completed.
    /// - Parameter probe: a probe of the network.
    /// - Throws: `BrainKitError` when the probe is not part of the network, or (`.io`, on
    ///   every rank) when the recording rank cannot read its stream file.
    public func data(_ probe: Probe) throws(BrainKitError) -> Matrix {
        guard let owner = part.rank(of: probe) else {
            throw .validation("DistributedSimulator", "probe", "\(probe.name) is not part of \(network.name)")
        }
        var shape = [Int64](repeating: -1, count: 2)
        var values: [Double] = []
        var unreadable: BrainKitError?
        if owner == rank {
            do throws(BrainKitError) {
                let data = try part.localData(probe) ?? Matrix(rows: 0, columns: probe.size)
                shape = [Int64(data.rows), Int64(data.columns)]
                values = data.values
            } catch {
                unreadable = error
            }
        }
        try MPI.broadcast(&shape, from: owner)
        guard shape[0] >= 0 else {
            let reason = try broadcast(text: unreadable?.description ?? "", from: owner)
            if let unreadable { throw unreadable }
            throw .io("DistributedSimulator", "probe", "rank \(owner) cannot read the data of \(probe.name): \(reason)")
        }
        let rows = Int(shape[0]), columns = Int(shape[1])
        if owner != rank { values = [Double](repeating: 0, count: rows * columns) }
        let chunk = MPI.maxBytes / 8
        var start = 0
        while start < values.count {
            let end = min(values.count, start + chunk)
            try MPI.broadcast(&values, start..<end, from: owner)
            start = end
        }
        return Matrix(rows: rows, columns: columns, values: values)
    }

    /// The data this rank recorded for `probe` (one row per sample), or nil when another rank
    /// records it (``rank(of:)``). Not collective: any rank may call it at any time, also
    /// after a failure (the rows up to the last step every rank completed).
    /// - Parameter probe: a probe of the network.
    /// - Throws: `BrainKitError` when the probe is not part of the network, or (`.io`) when
    ///   its stream file cannot be read.
    public func localData(_ probe: Probe) throws(BrainKitError) -> Matrix? {
        guard part.rank(of: probe) != nil else {
            throw .validation("DistributedSimulator", "probe", "\(probe.name) is not part of \(network.name)")
        }
        return try part.localData(probe)
    }

    /// The `.npy` file `probe` streams to on this rank, or nil with memory storage, when
    /// another rank records it or for a probe not in the network.
    /// - Parameter probe: a probe of the network.
    public func probeFile(_ probe: Probe) -> URL? {
        part.probeFile(probe)
    }

    /// The rank that records `probe`, or nil for a probe not in the network.
    /// - Parameter probe: a probe of the network.
    public func rank(of probe: Probe) -> Int? {
        part.rank(of: probe)
    }

    /// The times (seconds) of the recorded samples (see `Simulator.trange(sampleEvery:)`).
    /// - Parameter sampleEvery: the probe's sampling period in seconds; nil means every step.
    public func trange(sampleEvery: Double? = nil) -> [Double] {
        part.trange(sampleEvery: sampleEvery)
    }
}
