/// The seed of every object in a network, derived as Nengo derives them.
///
/// From a generator seeded with the network's seed, one seed is drawn for every connection,
/// then every ensemble, subnetwork, node and probe, each group in creation order. An object
/// with its own seed keeps it (the draw is still made, so adding a seed to one object does
/// not change the others). A subnetwork's objects derive from the subnetwork's seed.
struct SeedAssignment {
    private(set) var seeds: [ObjectIdentifier: Int] = [:]

    /// Assigns seeds below `network`, whose own seed is `networkSeed`.
    init(network: Network, networkSeed: Int) {
        assign(network, seed: networkSeed)
    }

    private mutating func assign(_ network: Network, seed: Int) {
        seeds[ObjectIdentifier(network)] = seed
        var rng = RandomState(seed: seed)
        for connection in network.connections {
            let drawn = rng.nextSeed()
            seeds[ObjectIdentifier(connection)] = connection.seed ?? drawn
        }
        for ensemble in network.ensembles {
            let drawn = rng.nextSeed()
            seeds[ObjectIdentifier(ensemble)] = ensemble.seed ?? drawn
        }
        var childSeeds: [Int] = []
        for child in network.networks {
            let drawn = rng.nextSeed()
            childSeeds.append(child.seed ?? drawn)
        }
        for node in network.nodes {
            seeds[ObjectIdentifier(node)] = rng.nextSeed()
        }
        for probe in network.probes {
            let drawn = rng.nextSeed()
            seeds[ObjectIdentifier(probe)] = probe.seed ?? drawn
        }
        for (child, childSeed) in zip(network.networks, childSeeds) {
            assign(child, seed: childSeed)
        }
    }
}
