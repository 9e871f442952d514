import BrainCore

extension AssociativeMemory {
    /// Makes the items compete: each utility inhibits every other item's input,
    ///
    ///     utilities → element input   with transform inhibitScale · (I − 1) and Lowpass(inhibitSynapse),
    ///
    /// so only the best-matching item stays active. Added once; later calls do nothing.
    /// - Parameters:
    ///   - inhibitScale: the weight of each utility on every other item.
    ///   - inhibitSynapse: the inhibition's lowpass time constant, in seconds.
    /// - Throws: `BrainKitError` for a non-finite scale or a negative synapse.
    public func addWTANetwork(inhibitScale: Double = 1.5, inhibitSynapse: Double = 0.005) throws(BrainKitError) {
        guard !hasWTANetwork else { return }
        try Check.finite([inhibitScale, inhibitSynapse], name, "inhibitScale and inhibitSynapse")
        try Check.atLeast(inhibitSynapse, 0, name, "inhibitSynapse")
        var lateral = Matrix(rows: itemCount, columns: itemCount, repeating: -inhibitScale)
        for i in 0..<itemCount { lateral[i, i] = 0 }
        try network.connect(
            utilities, to: elementInput, synapse: try Lowpass(inhibitSynapse), transform: .dense(lateral))
        hasWTANetwork = true
    }

    /// Cleans the utilities up to 0 or 1 by a double negation, and drives every output and
    /// default vector (present and future) from the result instead of the utilities.
    ///
    /// Two arrays of one ensemble per item (intercepts `Uniform(0.5, 1)`, encoders +1, eval
    /// points `Uniform(0.75, 1.1)`, 5000 of them), both fed the bias 1 (no synapse):
    /// ``thresholdBias`` also gets `−inhibitScale · y` (Lowpass 0.005), so it is about 1
    /// exactly when the item is off; ``thresholdEnsembles`` gets `−inhibitScale` times that
    /// (Lowpass 0.005), so it is about 1 exactly when the item is on. ``inhibit`` reaches the
    /// thresholded ensembles with −1.5. Both arrays stay silent below 0.5 (in Direct mode that
    /// rectification is applied exactly). Added once; later calls return the existing node.
    /// - Parameters:
    ///   - neurons: neurons per ensemble.
    ///   - inhibitScale: the weight of each stage's inhibition of the next.
    /// - Returns: ``thresholdedUtilities``.
    /// - Throws: `BrainKitError` for `neurons` < 1 or a non-finite scale.
    @discardableResult
    public func addThresholdToOutputs(neurons: Int = 50, inhibitScale: Double = 10) throws(BrainKitError) -> Node {
        if let thresholdedUtilities { return thresholdedUtilities }
        try Check.atLeast(neurons, 1, name, "neurons")
        try Check.finite([inhibitScale], name, "inhibitScale")
        var defaults = ModelDefaults()
        defaults.radius = 1
        defaults.intercepts = Uniform(0.5, 1)
        defaults.encoders = try Choice([1])
        defaults.evalPoints = Uniform(0.75, 1.1)
        defaults.evalPointCount = 5000
        let offStage = try EnsembleArray(
            in: network, label: "thresh_bias", neurons: neurons, ensembles: itemCount, defaults: defaults)
        let onStage = try EnsembleArray(
            in: network, label: "thresh_ens", neurons: neurons, ensembles: itemCount, defaults: defaults)
        let ones = Matrix(rows: itemCount, columns: 1, repeating: 1)
        try network.connect(bias, to: offStage.input, synapse: nil, transform: .dense(ones))
        try network.connect(bias, to: onStage.input, synapse: nil, transform: .dense(ones))
        try network.connect(utilities, to: offStage.input, transform: .scalar(-inhibitScale))
        try network.connect(try offStage.clippedOutput(above: 0.5), to: onStage.input, transform: .scalar(-inhibitScale))
        let thresholded = try onStage.clippedOutput(above: 0.5)
        // Re-route what the utilities drove, as Nengo does: a new connection from the
        // thresholded utilities with the same transform and synapse, and the old one removed.
        func reroute(_ old: Connection) throws(BrainKitError) -> Connection {
            let new = try network.connect(thresholded, to: old.post, synapse: old.synapse, transform: old.transform)
            try network.remove(old)
            return new
        }
        var rerouted: [Connection] = []
        for old in defaultVectorInhibitions { rerouted.append(try reroute(old)) }
        defaultVectorInhibitions = rerouted
        rerouted = []
        for old in outputConnections { rerouted.append(try reroute(old)) }
        outputConnections = rerouted
        if let inhibit {
            for ensemble in onStage.ensembles {
                try network.connect(inhibit, to: ensemble, synapse: nil, transform: .scalar(-AssociativeMemory.inhibitWeight))
            }
        }
        thresholdBias = offStage
        thresholdEnsembles = onStage
        thresholdedUtilities = thresholded
        return thresholded
    }

    /// Adds an output of `vector` when no item is active: an ensemble (the item defaults)
    /// fed the bias 1 (no synapse) and `−(1/minActivationValue) Σ_i y_i` (Lowpass 0.005; the
    /// thresholded utilities once they exist), whose rectified value times `vector` adds to
    /// the output (no synapse). It is silent once the utilities sum to `minActivationValue`.
    /// ``inhibit`` reaches it with −1.5.
    /// - Parameters:
    ///   - vector: the default output, as long as the output.
    ///   - outputName: the output in ``outputs`` it adds to.
    ///   - neurons: neurons in the ensemble.
    ///   - minActivationValue: the summed utility that switches the default off (> 0).
    /// - Returns: the new ensemble (also in ``defaultVectorEnsembles``).
    /// - Throws: `BrainKitError` for an unknown output, a vector of the wrong length,
    ///   `neurons` < 1 or `minActivationValue` not > 0.
    @discardableResult
    public func addDefaultOutputVector(
        _ vector: [Double], outputName: String = "output", neurons: Int = 50, minActivationValue: Double = 0.5
    ) throws(BrainKitError) -> Ensemble {
        guard let output = outputs[outputName] else {
            throw .validation(name, "outputName", "'\(outputName)' is not an output of the memory")
        }
        try Check.count(vector.count, output.sizeIn, name, "vector")
        try Check.finite(vector, name, "vector")
        try Check.atLeast(neurons, 1, name, "neurons")
        try Check.finite([minActivationValue], name, "minActivationValue")
        try Check.greaterThan(minActivationValue, 0, name, "minActivationValue")
        let ensemble = try network.ensemble(label: "default \(outputName) vector", neurons: neurons, dimensions: 1)
        try network.connect(bias, to: ensemble, synapse: nil)
        defaultVectorInhibitions.append(
            try network.connect(
                selection, to: ensemble,
                transform: .dense(Matrix(rows: 1, columns: itemCount, repeating: -1 / minActivationValue))))
        try network.connect(
            ensemble, to: output, synapse: nil, function: { x in [max(x[0], 0)] },
            transform: .dense(Matrix(column: vector)))
        if let inhibit {
            try network.connect(inhibit, to: ensemble, synapse: nil, transform: .scalar(-AssociativeMemory.inhibitWeight))
        }
        defaultVectorEnsembles.append(ensemble)
        return ensemble
    }
}
