/// Places a model object in one process (rank) of a distributed simulation: an ensemble, a
/// node, or a network with everything in it.
///
/// Objects that must run together in one process (the two ends of a connection without a
/// synapse, a learning rule with its connection, a probe with its target) follow a pinned
/// one; pinning two of them to different ranks is an error.
public struct RankPin: Sendable {
    /// The rank the object runs on, from 0.
    public let rank: Int
    /// How errors name the pinned object.
    public let name: String
    /// The pinned objects (a network's are all of its ensembles, nodes, connections and probes).
    let objects: [ObjectIdentifier]

    /// Pins `ensemble` to `rank`.
    public init(_ ensemble: Ensemble, rank: Int) {
        self.rank = rank
        name = ensemble.name
        objects = [ObjectIdentifier(ensemble)]
    }

    /// Pins `node` to `rank`.
    public init(_ node: Node, rank: Int) {
        self.rank = rank
        name = node.name
        objects = [ObjectIdentifier(node)]
    }

    /// Pins every object of `network` and its subnetworks to `rank`.
    public init(_ network: Network, rank: Int) {
        self.rank = rank
        name = network.name
        objects = network.allEnsembles.map(ObjectIdentifier.init) + network.allNodes.map(ObjectIdentifier.init)
            + network.allConnections.map(ObjectIdentifier.init) + network.allProbes.map(ObjectIdentifier.init)
    }
}
