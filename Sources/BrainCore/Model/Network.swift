/// A container of ensembles, nodes, connections, probes and subnetworks: the model a user
/// writes.
///
/// Objects are created through their network (`net.ensemble(...)`, `net.node(...)`,
/// `net.connect(_:to:)`, `net.probe(_:)`), so there is no global "current network". A
/// subnetwork made with `network(label:seed:)` inherits its parent's ``defaults`` for every
/// value it does not set itself.
///
/// Seeds: a network's ``seed`` makes the whole model reproducible. Objects without their own
/// seed get one drawn, in a fixed order, from a generator seeded by the network's seed
/// (Nengo's scheme: connections, ensembles, subnetworks, nodes, probes, each in creation
/// order), so one seed gives the same model as Nengo for what Nengo draws alike.
public final class Network {
    /// A human-readable name used in error messages and summaries.
    public let label: String?
    /// The seed from which every unseeded object in this network (and below) derives its own.
    public let seed: Int?
    /// The network this one belongs to, if any.
    public private(set) weak var parent: Network?

    /// The ensembles made directly in this network (not in subnetworks).
    public private(set) var ensembles: [Ensemble] = []
    /// The nodes made directly in this network.
    public private(set) var nodes: [Node] = []
    /// The connections made directly in this network.
    public private(set) var connections: [Connection] = []
    /// The probes made directly in this network.
    public private(set) var probes: [Probe] = []
    /// The subnetworks of this network, in creation order.
    public private(set) var networks: [Network] = []

    /// Defaults for objects created in this network and its subnetworks (Nengo's
    /// `net.config`). Values left nil fall back to the parent network's, then to Nengo's.
    public var defaults = ModelDefaults()

    /// - Throws: ``BrainKitError`` when `seed` is outside [0, 2^32 - 1].
    public init(label: String? = nil, seed: Int? = nil) throws(BrainKitError) {
        if let seed { try Network.checkSeed(seed, object: Network.describe(label), parameter: "seed") }
        self.label = label
        self.seed = seed
    }

    /// Creates a subnetwork inside this one, with `defaults` for the objects created in it
    /// (unset values come from this network's).
    @discardableResult
    public func network(label: String? = nil, seed: Int? = nil, defaults: ModelDefaults = ModelDefaults())
        throws(BrainKitError) -> Network
    {
        let child = try Network(label: label, seed: seed)
        child.defaults = defaults
        child.parent = self
        networks.append(child)
        return child
    }

    /// How errors name this network.
    public var name: String { Network.describe(label) }

    static func describe(_ label: String?) -> String {
        label.map { "Network '\($0)'" } ?? "Network (unlabeled)"
    }

    /// Removes `connection` from this network (Nengo: `net.connections.remove(c)`), for
    /// networks that re-route a connection after creating it. Probes of it must go too.
    /// - Throws: ``BrainKitError`` when the connection is not a direct member of this network.
    public func remove(_ connection: Connection) throws(BrainKitError) {
        guard let index = connections.firstIndex(where: { $0 === connection }) else {
            throw .validation(name, "connection", "\(connection.name) is not in this network")
        }
        connections.remove(at: index)
    }

    // MARK: - Collections over the whole tree

    /// Every ensemble in this network and its subnetworks.
    public var allEnsembles: [Ensemble] { ensembles + networks.flatMap(\.allEnsembles) }
    /// Every node in this network and its subnetworks.
    public var allNodes: [Node] { nodes + networks.flatMap(\.allNodes) }
    /// Every connection in this network and its subnetworks.
    public var allConnections: [Connection] { connections + networks.flatMap(\.allConnections) }
    /// Every probe in this network and its subnetworks.
    public var allProbes: [Probe] { probes + networks.flatMap(\.allProbes) }
    /// The total number of neurons (Direct ensembles have none).
    public var neuronCount: Int {
        allEnsembles.reduce(0) { $0 + ($1.neuronType.isDirect ? 0 : $1.neuronCount) }
    }

    // MARK: - Registration (used by the creating methods)

    func add(_ ensemble: Ensemble) { ensembles.append(ensemble) }
    func add(_ node: Node) { nodes.append(node) }
    func add(_ connection: Connection) { connections.append(connection) }
    func add(_ probe: Probe) { probes.append(probe) }

    /// The value of a default, looked up from this network up through its parents.
    func resolved<T>(_ key: KeyPath<ModelDefaults, T?>) -> T? {
        var network: Network? = self
        while let current = network {
            if let value = current.defaults[keyPath: key] { return value }
            network = current.parent
        }
        return nil
    }

    static func checkSeed(_ seed: Int, object: String, parameter: String) throws(BrainKitError) {
        guard seed >= 0 && seed <= Int(UInt32.max) else {
            throw .validation(object, parameter, "must be in [0, 2^32 - 1], got \(seed)")
        }
    }
}

/// Per-network defaults for new objects (Nengo's config system, made explicit). Every value
/// is optional; nil means "inherit from the parent network, else Nengo's default".
public struct ModelDefaults {
    /// Neuron type for new ensembles (Nengo: `LIF()`). Set `Direct()` or `LIFRate()` here to
    /// run a whole network without spiking neurons.
    public var neuronType: (any NeuronType)?
    /// Max firing rates for new ensembles (Nengo: `Uniform(200, 400)` Hz).
    public var maxRates: (any Distribution)?
    /// Intercepts for new ensembles (Nengo: `Uniform(-1, 0.9)`).
    public var intercepts: (any Distribution)?
    /// Encoders for new ensembles (Nengo: `ScatteredHypersphere(surface: true)`).
    public var encoders: (any Distribution)?
    /// Eval points for new ensembles (Nengo: `ScatteredHypersphere()`, the ball).
    public var evalPoints: (any Distribution)?
    /// The number of eval points for new ensembles (Nengo: from dimensions and neurons).
    public var evalPointCount: Int?
    /// Radius for new ensembles (Nengo: 1).
    public var radius: Double?
    /// Solver for new connections and decoded probes (Nengo: `LstsqL2()`).
    public var solver: (any Solver)?

    /// No defaults set: everything falls through to the parent's, then Nengo's.
    public init() {}
}
