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
    /// own error, nil when it succeeded) is set and its description (at most 1,022 bytes).
    /// Collective. Returns the failing ranks in rank order with their descriptions.
    static func failures(mine: BrainKitError?, rank: Int, ranks: Int) throws(BrainKitError)
        -> [(rank: Int, description: String)]
    {
        var failures: [(rank: Int, description: String)] = []
        for root in 0..<ranks {
            // A failing rank sends its description after a leading 1; a rank that succeeded, zeros.
            var status = [UInt8](repeating: 0, count: 1024)
            if root == rank, let mine { status = textMessage("\u{1}" + mine.description) }
            try MPI.broadcast(&status, from: root)
            if status[0] == 1 { failures.append((root, String(textMessage: status.dropFirst()))) }
        }
        return failures
    }

    /// `text` on `root` (at most 1,023 bytes of it), returned on every rank. Collective.
    func broadcast(text: String, from root: Int) throws(BrainKitError) -> String {
        var bytes = root == rank ? Self.textMessage(text) : [UInt8](repeating: 0, count: 1024)
        try MPI.broadcast(&bytes, from: root)
        return String(textMessage: bytes[...])
    }

    /// 1,024 bytes: the first 1,023 of `text`'s UTF-8, then zeros.
    static func textMessage(_ text: String) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 1024)
        let utf8 = Array(text.utf8.prefix(bytes.count - 1))
        bytes.replaceSubrange(0..<utf8.count, with: utf8)
        return bytes
    }
}

extension String {
    /// The text of a `textMessage(_:)`: its bytes up to the first zero.
    fileprivate init(textMessage bytes: ArraySlice<UInt8>) {
        self.init(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }
}
