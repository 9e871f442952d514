/// What a network's build will need in memory, estimated from its sizes alone before anything
/// is drawn or allocated, in arithmetic that cannot overflow.
///
/// Counted, in bytes: per neural ensemble, its encoders (`neurons × dimensions`), eval points
/// (`evalPoints × dimensions`) and state (`neurons`), 8 bytes a value; per weight-solver
/// connection its weights (`post neurons × pre neurons`, 12 bytes: solved in `Double`, run in
/// `Float`); per node its values (4 bytes). These are held together. A decoded ensemble (one
/// a connection or a probe decodes) also needs, while its decoders are solved, its activities
/// at the eval points (`evalPoints × neurons`) and their Gram matrix (`neurons × neurons`);
/// the solves run `concurrentSolves` at a time and free what they used, so the total counts
/// the largest `concurrentSolves` of these. A build whose total exceeds the limit is an error
/// naming the object that needs the most and the parameter that sets its size.
struct ModelMemory {
    /// One object's need: its name, the parameter that sets the size, what it is, and the
    /// bytes held for the whole run and needed only while its decoders are solved (nil:
    /// beyond `Int.max`).
    struct Need {
        let object: String
        let parameter: String
        let what: String
        let held: Int?
        var solving: Int? = 0

        /// All the object needs (nil: beyond `Int.max`).
        var bytes: Int? { ModelMemory.sum([held, solving]) }
    }

    /// The sum of sizes, nil when one is nil or the sum is beyond `Int.max`.
    static func sum(_ terms: [Int?]) -> Int? {
        terms.contains { $0 == nil } ? nil : Size.sum(terms.compactMap { $0 })
    }

    let needs: [Need]
    /// How many decoder solves run at once.
    let concurrentSolves: Int

    init(network: Network, concurrentSolves: Int = ParallelWork.threads) {
        self.concurrentSolves = max(1, concurrentSolves)
        var decoded = Set<ObjectIdentifier>()
        for connection in network.allConnections where connection.isDecoded {
            if let pre = connection.pre.ensemble { decoded.insert(ObjectIdentifier(pre)) }
        }
        for probe in network.allProbes {
            if case .endpoint(let endpoint) = probe.target, let ensemble = endpoint.ensemble {
                decoded.insert(ObjectIdentifier(ensemble))
            }
        }
        var needs: [Need] = []
        for ensemble in network.allEnsembles {
            let n = ensemble.neuronType.isDirect ? 0 : ensemble.neuronCount
            let d = ensemble.dimensions
            let m = ensemble.neuronType.isDirect ? 0 : ensemble.resolvedEvalPointCount
            let held = [Size.product(n, d, 8), Size.product(m, d, 8), Size.product(n, 8)]
            let solving = decoded.contains(ObjectIdentifier(ensemble)) ? [Size.product(m, n, 8), Size.product(n, n, 8)] : []
            let explicitEvalPoints = ensemble.evalPointCount != nil && m > n
            needs.append(
                Need(
                    object: ensemble.name, parameter: explicitEvalPoints ? "evalPointCount" : "neurons",
                    what: "encoders, eval points and decoder activities for \(n) neurons, \(d) dimensions and \(m) "
                        + "eval points", held: ModelMemory.sum(held), solving: ModelMemory.sum(solving)))
        }
        for connection in network.allConnections where connection.solver.weights {
            guard let pre = connection.pre.ensemble, let post = connection.post.ensemble else { continue }
            needs.append(
                Need(
                    object: connection.name, parameter: "solver",
                    what: "a \(post.neuronCount) x \(pre.neuronCount) weight matrix",
                    held: Size.product(post.neuronCount, pre.neuronCount, 12)))
        }
        for node in network.allNodes {
            needs.append(
                Need(
                    object: node.name, parameter: node.sizeOut >= node.sizeIn ? "sizeOut" : "sizeIn",
                    what: "\(node.sizeIn) input and \(node.sizeOut) output values",
                    held: Size.sum([node.sizeIn, node.sizeOut]).flatMap { Size.product($0, 4) }))
        }
        self.needs = needs
    }

    /// The total need, nil beyond `Int.max`: everything held together, plus the
    /// ``concurrentSolves`` largest needs of solving.
    var total: Int? {
        let largestSolves = needs.map(\.solving).sorted { ($0 ?? .max) > ($1 ?? .max) }.prefix(concurrentSolves)
        return ModelMemory.sum(needs.map(\.held) + largestSolves)
    }

    /// Throws a build error naming the neediest object when the total exceeds `limit`.
    func check(limit: Int) throws(BrainKitError) {
        if let total, total <= limit { return }
        guard let largest = needs.max(by: { ($0.bytes ?? .max) < ($1.bytes ?? .max) }) else { return }
        let whole = total.map { MemoryBudget.describe(bytes: $0) } ?? "beyond Int.max bytes"
        let needed = largest.bytes.map { MemoryBudget.describe(bytes: $0) } ?? "beyond Int.max bytes"
        throw .build(
            largest.object, largest.parameter,
            "needs \(largest.what): \(needed) (the whole build: \(whole)), more than the memory limit of "
                + MemoryBudget.describe(bytes: limit))
    }
}
