import BrainCore

extension DistributedSimulator {
    /// Runs `check` on every rank and throws on every rank if it failed on any (the first
    /// failing rank's error).
    func agree(_ check: () throws(BrainKitError) -> Void) throws(BrainKitError) {
        var mine: BrainKitError?
        do throws(BrainKitError) { try check() } catch { mine = error }
        guard let first = try Self.failures(mine: mine, rank: rank, ranks: ranks).first else { return }
        if first.rank == rank, let mine { throw mine }
        throw .validation("DistributedSimulator", nil, "rank \(first.rank): \(first.description)")
    }

    /// Tells every rank which ranks failed: each rank in turn broadcasts whether `mine` (its
    /// own error, nil when it succeeded) is set and its description (at most 1,023 bytes).
    /// Collective. Returns the failing ranks in rank order with their descriptions.
    static func failures(mine: BrainKitError?, rank: Int, ranks: Int) throws(BrainKitError)
        -> [(rank: Int, description: String)]
    {
        var failures: [(rank: Int, description: String)] = []
        for root in 0..<ranks {
            var status = [UInt8](repeating: 0, count: 1024)
            if root == rank, let mine {
                let text = Array(mine.description.utf8.prefix(status.count - 1))
                status.replaceSubrange(1..<(1 + text.count), with: text)
                status[0] = 1
            }
            try MPI.broadcast(&status, from: root)
            if status[0] == 1 {
                failures.append((root, String(decoding: status[1...].prefix { $0 != 0 }, as: UTF8.self)))
            }
        }
        return failures
    }

    /// `text` on `root` (at most 1,023 bytes of it), returned on every rank. Collective.
    func broadcast(text: String, from root: Int) throws(BrainKitError) -> String {
        var bytes = [UInt8](repeating: 0, count: 1024)
        if root == rank {
            let utf8 = Array(text.utf8.prefix(bytes.count - 1))
            bytes.replaceSubrange(0..<utf8.count, with: utf8)
        }
        try MPI.broadcast(&bytes, from: root)
        return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }
}
