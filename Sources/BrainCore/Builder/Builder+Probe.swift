extension Builder {
    /// Builds a probe: finds (or, for a decoded output, computes with its own decoders) the
    /// signal it records; a probe synapse filters it in update mode and a copy taken before the
    /// update is recorded, so filtered probes lag one step as on connections.
    mutating func build(_ probe: Probe) throws(BrainKitError) {
        let name = probe.name
        // Every operator added here computes the probe's value and writes only its signals.
        let firstOperator = model.operators.count
        defer {
            for index in firstOperator..<model.operators.count { model.operators[index].probe = ObjectIdentifier(probe) }
        }
        var source: (signal: SignalID, indices: [Int]?)
        switch probe.target {
        case .connection(let c):
            let slice: SignalSlice?
            switch probe.attribute {
            case .input: slice = connectionInputs[ObjectIdentifier(c)]
            case .weights: slice = connectionWeights[ObjectIdentifier(c)].map { model.slice($0) }
            default: slice = connectionOutputs[ObjectIdentifier(c)]
            }
            guard let slice else { throw .build(name, "target", "\(c.name) is not part of the network being built") }
            source = (slice.signal, Array(slice.offset..<(slice.offset + slice.count)))
        case .endpoint(let endpoint):
            source = try endpointSource(endpoint, attribute: probe.attribute, probe: probe, owner: name)
        }

        if let synapse = probe.synapse {
            let input = selection(of: source.signal, indices: source.indices, owner: name)
            let filtered = try addFilter(synapse, input: input, owner: name)
            let recorded = addSignal("\(name).recorded", count: filtered.count)
            add(.copy(from: filtered, to: recorded, accumulate: false), owner: name)
            source = (recorded.signal, nil)
        }
        let count = source.indices?.count ?? model.signals[source.signal.index].count
        model.probes[ObjectIdentifier(probe)] = ProbeSource(
            signal: source.signal, indices: source.indices, size: count,
            period: (probe.sampleEvery ?? model.dt) / model.dt)
    }

    private mutating func endpointSource(
        _ endpoint: Endpoint, attribute: ProbeAttribute, probe: Probe, owner: String
    ) throws(BrainKitError) -> (signal: SignalID, indices: [Int]?) {
        switch endpoint.object {
        case .ensemble(let e):
            guard let signals = model.ensembleSignals[ObjectIdentifier(e)] else { throw notInNetwork(e.name, owner) }
            if attribute == .scaledEncoders, let encoders = signals.encoders { return (encoders, nil) }
            if attribute == .decodedOutput, !e.neuronType.isDirect, let activities = signals.output {
                let size = endpoint.size(input: false)
                let weightSignal = addConstant("\(owner).decoders", rows: size, columns: e.neuronCount)
                try queueDecoders(
                    from: e, preIndices: endpoint.indices, function: nil, functionValues: nil, sizeMid: size,
                    evalPoints: nil, scaleEvalPoints: true, solver: probe.solver, seed: seed(of: probe), owner: owner,
                    use: .probe(ObjectIdentifier(probe), weights: weightSignal))
                let decoded = addSignal("\(owner).decoded", count: size)
                add(.matrixVector(matrix: weightSignal, rows: size, columns: e.neuronCount,
                                  x: model.slice(activities), y: decoded, accumulate: false),
                    owner: owner)
                return (decoded.signal, nil)
            }
            return (signals.input, endpoint.indices)
        case .neurons(let e):
            guard let signals = model.ensembleSignals[ObjectIdentifier(e)], let output = signals.output,
                let current = signals.current
            else { throw notInNetwork(e.name, owner) }
            switch attribute {
            case .input: return (current, endpoint.indices)
            case .state(let variable):
                guard let index = e.neuronType.stateVariables.firstIndex(where: { $0.name == variable }) else {
                    throw .build(owner, "attribute", "\(e.neuronType) has no state variable '\(variable)'")
                }
                return (signals.state[index], endpoint.indices)
            default: return (output, endpoint.indices)
            }
        case .learningRule(let c):
            throw .build(owner, "target", "the learning rule of \(c.name) cannot be probed")
        case .node(let n):
            guard let signals = nodeSignals[ObjectIdentifier(n)] else { throw notInNetwork(n.name, owner) }
            if attribute == .input, let input = signals.input { return (input, endpoint.indices) }
            return (signals.output, endpoint.indices)
        }
    }
}
