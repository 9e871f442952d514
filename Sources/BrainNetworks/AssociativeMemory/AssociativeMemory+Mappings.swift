import BrainCore

extension AssociativeMemory {
    /// Adds a named input: a passthrough node of D values feeding item i with
    /// `scales_i (vectors_i · u)` (no synapse), summed with the other inputs.
    /// - Parameters:
    ///   - name: the key in ``inputs``; unique among inputs and outputs.
    ///   - vectors: one vector per item, all of length D.
    ///   - scales: a factor on each item's similarity, one for all or one each.
    /// - Throws: `BrainKitError` for a name in use, the wrong number of vectors or scales,
    ///   or vectors of different lengths.
    @discardableResult
    public func addInputMapping(_ name: String, vectors: [[Double]], scales: ItemValues = 1) throws(BrainKitError) -> Node {
        try checkUnused(name)
        let length = try AssociativeMemory.vectorLength(of: vectors, items: itemCount, self.name, "vectors")
        let factors = try scales.values(count: itemCount, self.name, "scales")
        var transform = Matrix(rows: itemCount, columns: length)
        for i in 0..<itemCount {
            for j in 0..<length { transform[i, j] = vectors[i][j] * factors[i] }
        }
        let node = try network.node(label: name, sizeIn: length)
        try network.connect(node, to: elementInput, synapse: nil, transform: .dense(transform))
        inputs[name] = node
        return node
    }

    /// Adds a named output: a passthrough node of `Σ_i y_i vectors_i` (no synapse), driven by
    /// the utilities y, or by the thresholded utilities once they exist.
    /// - Parameters:
    ///   - name: the key in ``outputs``; unique among inputs and outputs.
    ///   - vectors: one vector per item, all of the same length.
    /// - Throws: `BrainKitError` for a name in use, the wrong number of vectors, or vectors
    ///   of different lengths.
    @discardableResult
    public func addOutputMapping(_ name: String, vectors: [[Double]]) throws(BrainKitError) -> Node {
        try checkUnused(name)
        let length = try AssociativeMemory.vectorLength(of: vectors, items: itemCount, self.name, "vectors")
        var transform = Matrix(rows: length, columns: itemCount)
        for i in 0..<itemCount {
            for j in 0..<length { transform[j, i] = vectors[i][j] }
        }
        let node = try network.node(label: name, sizeIn: length)
        outputConnections.append(try network.connect(selection, to: node, synapse: nil, transform: .dense(transform)))
        outputs[name] = node
        return node
    }

    /// Inputs and outputs share one namespace, as the attributes of Nengo's network do.
    private func checkUnused(_ mapping: String) throws(BrainKitError) {
        guard inputs[mapping] == nil, outputs[mapping] == nil else {
            throw .validation(name, "name", "'\(mapping)' already exists as an input or output of the memory")
        }
    }
}
