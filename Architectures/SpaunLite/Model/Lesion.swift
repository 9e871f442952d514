import BrainCore

/// A named cut in Spaun-lite (the design study's causal checks): the connections it names are
/// removed before the model is simulated, so the tasks that need them fail, to chance or to
/// "don't know".
public enum Lesion: String, CaseIterable, Sendable {
    /// The visual pointer no longer reaches the encoding: lists are stored empty, so recall,
    /// counting and questions answer `-` or nothing.
    case visionToMemory = "vision-memory"
    /// The first list no longer reaches the decoding: recall and questions answer `-`.
    case memoryToDecoding = "memory-decoding"
    /// The basal ganglia no longer drive the thalamus: no action is taken, nothing is written.
    case basalGangliaToThalamus = "bg-thalamus"
    /// The decoded item no longer reaches the motor plan: whatever is written is `-`.
    case decodingToMotor = "decoding-motor"
}

extension SpaunLite {
    /// Removes the connections `lesion` names.
    /// - Throws: `BrainKitError` when the model has no such connection.
    func apply(_ lesion: Lesion) throws(BrainKitError) {
        let removed: Int
        switch lesion {
        case .visionToMemory:
            removed = try removeConnections(from: vision.output.node, to: encoding.boundItem.inputRight.node)
        case .memoryToDecoding:
            removed = try removeConnections(from: memory.first.output.node, to: decoding.unbound.inputLeft.node)
        case .basalGangliaToThalamus:
            removed = try removeConnections(from: actionSelection.basalGanglia.output, to: actionSelection.thalamus.input)
        case .decodingToMotor:
            removed = try removeConnections(from: decoding.item.output.node, to: nil)
        }
        guard removed > 0 else { throw .build("Spaun-lite", "lesions", "found no connection to cut for '\(lesion.rawValue)'") }
    }

    /// Removes every connection from the node `pre` (to the node `post`, or anywhere), in
    /// every subnetwork; returns how many.
    private func removeConnections(from pre: Node, to post: Node?) throws(BrainKitError) -> Int {
        var removed = 0
        var pending = [network]
        while let current = pending.popLast() {
            pending += current.networks
            for connection in current.connections where Self.isNode(connection.pre, pre) {
                if let post, !Self.isNode(connection.post, post) { continue }
                try current.remove(connection)
                removed += 1
            }
        }
        return removed
    }

    private static func isNode(_ endpoint: Endpoint, _ node: Node) -> Bool {
        if case .node(let other) = endpoint.object { return other === node }
        return false
    }
}
