extension Builder {
    /// Draws an ensemble's parameters from `RandomState(seed)` in Nengo's order (eval points,
    /// encoders, max rates and intercepts — or gain and bias) and its initial neuron state from
    /// `RandomState(seed + 1)`. Pure: safe to run for many ensembles at once.
    static func draw(_ ensemble: Ensemble, seed: Int) throws(BrainKitError) -> BuiltEnsemble {
        let name = ensemble.name
        let n = ensemble.neuronCount, d = ensemble.dimensions
        var rng = RandomState(seed: seed)

        // 1. Eval points, in radius units.
        let evalPoints = try ensemble.evalPoints.sample(
            count: ensemble.resolvedEvalPointCount, dimensions: d, rng: &rng
        ).scaled(by: ensemble.radius)
        if ensemble.neuronType.isDirect {
            return BuiltEnsemble(
                evalPoints: evalPoints, encoders: .identity(d), scaledEncoders: .identity(d), gain: [], bias: [],
                maxRates: [], intercepts: [], initialState: [:])
        }

        // 2. Encoders.
        var encoders = try ensemble.encoders.sample(count: n, dimensions: d, rng: &rng)
        if ensemble.normalizeEncoders {
            for i in 0..<n {
                let norm = encoders.row(i).reduce(0) { $0 + $1 * $1 }.squareRoot()
                guard norm > 0, norm.isFinite else {
                    throw .build(name, "encoders", "row \(i) has zero or non-finite length and cannot be normalized")
                }
                for j in 0..<d { encoders[i, j] /= norm }
            }
        }

        // 3. Gain and bias.
        let gain: [Double], bias: [Double], maxRates: [Double], intercepts: [Double]
        if let gainDistribution = ensemble.gain, let biasDistribution = ensemble.bias {
            gain = try gainDistribution.sample(count: n, rng: &rng)
            bias = try biasDistribution.sample(count: n, rng: &rng)
            (maxRates, intercepts) = ensemble.neuronType.maxRatesIntercepts(gain: gain, bias: bias)
        } else {
            maxRates = try ensemble.maxRates.sample(count: n, rng: &rng)
            intercepts = try ensemble.intercepts.sample(count: n, rng: &rng)
            try Builder.checkDrawn(maxRates, name, "maxRates", from: ensemble.maxRates)
            try Builder.checkDrawn(intercepts, name, "intercepts", from: ensemble.intercepts)
            (gain, bias) = try ensemble.neuronType.gainBias(maxRates: maxRates, intercepts: intercepts)
        }
        if ensemble.gain != nil, let bad = gain.firstIndex(where: { !($0 > 0) || !$0.isFinite }) {
            throw .build(name, "gain", "must be positive and finite, got \(gain[bad]) for neuron \(bad)")
        }
        if let bad = gain.firstIndex(where: { !($0 > 0) || !$0.isFinite }) {
            throw .build(
                name, "intercepts",
                "lead to a negative or non-finite gain (neuron \(bad): gain \(gain[bad])); intercepts must be below 1 "
                    + "and max rates reachable by \(ensemble.neuronType)")
        }
        if let bad = bias.firstIndex(where: { !$0.isFinite }) {
            throw .build(name, "bias", "is not finite for neuron \(bad)")
        }

        // 4. Scaled encoders: J = bias + gain ⊙ (E·x) / radius.
        var scaled = encoders
        for i in 0..<n {
            let factor = gain[i] / ensemble.radius
            for j in 0..<d { scaled[i, j] *= factor }
        }

        // 5. Initial neuron state, in state-variable order.
        var stateRNG = RandomState(seed: (seed + 1) & Int(UInt32.max))
        var initialState: [String: [Double]] = [:]
        for variable in ensemble.neuronType.stateVariables {
            let values = try variable.initial.sample(count: n, rng: &stateRNG)
            if let bad = values.firstIndex(where: { !Float($0).isFinite }) {
                throw .build(
                    name, "initialState",
                    "of '\(variable.name)' must be finite, got \(values[bad]) for neuron \(bad) from \(variable.initial)")
            }
            initialState[variable.name] = values
        }
        return BuiltEnsemble(
            evalPoints: evalPoints, encoders: encoders, scaledEncoders: scaled, gain: gain, bias: bias,
            maxRates: maxRates, intercepts: intercepts, initialState: initialState)
    }

    /// Adds a drawn ensemble's signals and operators: `input = 0`, `J = bias`,
    /// `J += scaledEncoders · input` (+ noise), `neurons(J)`.
    mutating func build(_ ensemble: Ensemble, drawn built: BuiltEnsemble) {
        let name = ensemble.name
        let n = ensemble.neuronCount, d = ensemble.dimensions
        let input = addSignal("\(name).input", count: d)
        add(.reset(input, value: 0), owner: name)
        model.ensembles[ObjectIdentifier(ensemble)] = built
        guard !ensemble.neuronType.isDirect else {
            model.ensembleSignals[ObjectIdentifier(ensemble)] = EnsembleSignals(
                input: input.signal, current: nil, output: nil, encoders: nil, state: [])
            return
        }
        let biasSignal = addConstant("\(name).bias", matrix: Matrix(column: built.bias))
        let encoderSignal = addConstant("\(name).scaledEncoders", matrix: built.scaledEncoders)
        let current = addSignal("\(name).current", count: n)
        let output = addSignal("\(name).output", count: n)
        let state = ensemble.neuronType.stateVariables.map { variable in
            addSignal(
                "\(name).\(variable.name)", count: n,
                initial: (built.initialState[variable.name] ?? []).map { Float($0) }
            ).signal
        }
        add(.affine(matrix: encoderSignal, rows: n, columns: d, x: input, bias: model.slice(biasSignal), y: current),
            owner: name)
        if let noise = ensemble.noise {
            let noiseSignal = addSignal("\(name).noise", count: n)
            add(.process(noise, seed: noise.seed, input: nil, output: noiseSignal), owner: name)
            add(.copy(from: noiseSignal, to: current, accumulate: true), owner: name)
        }
        add(.neurons(type: ensemble.neuronType, current: current.signal, output: output.signal,
                     state: state, count: n),
            owner: name)
        model.ensembleSignals[ObjectIdentifier(ensemble)] = EnsembleSignals(
            input: input.signal, current: current.signal, output: output.signal, encoders: encoderSignal,
            state: state)
    }

    /// Builds a node: a constant signal, or a function / process operator writing its output;
    /// nodes with inputs get an input signal cleared every step (a passthrough node's input is
    /// its output).
    mutating func build(_ node: Node) {
        let name = node.name
        var inputSignal: SignalID?
        if node.sizeIn > 0 {
            let input = addSignal("\(name).input", count: node.sizeIn)
            add(.reset(input, value: 0), owner: name)
            inputSignal = input.signal
        }
        let output: SignalID
        switch node.output {
        case .constant(let values):
            output = addSignal("\(name).output", count: values.count, initial: values.map { Float($0) }).signal
            model.constantNodeOutputs[ObjectIdentifier(node)] = output
        case .function(let function):
            let out = addSignal("\(name).output", count: node.sizeOut)
            add(.nodeFunction(function, input: inputSignal.map { model.slice($0) }, output: out), owner: name)
            output = out.signal
        case .process(let process):
            let out = addSignal("\(name).output", count: node.sizeOut)
            add(.process(process, seed: process.seed, input: inputSignal.map { model.slice($0) }, output: out),
                owner: name)
            output = out.signal
        case .passthrough:
            output = inputSignal!
        }
        nodeSignals[ObjectIdentifier(node)] = NodeSignals(input: inputSignal, output: output)
    }
}

extension Builder {
    /// Draws of an ensemble parameter must be finite: a NaN or infinite draw is blamed on
    /// the parameter (`maxRates`, `intercepts`), not on what it would break later.
    static func checkDrawn(
        _ values: [Double], _ name: String, _ parameter: String, from distribution: any Distribution
    ) throws(BrainKitError) {
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw .build(name, parameter, "must be finite, got \(values[bad]) for neuron \(bad) from \(distribution)")
        }
    }
}
