import BrainCore

// Mapping pointers from one vocabulary into another.
extension Vocabulary {
    /// The (target.dimensions × dimensions) matrix that maps this vocabulary's pointers onto
    /// `target`'s pointers of the same keys: `Σₖ target[k]·self[k]ᵀ` over the keys, or with a
    /// `solver`, the least-squares map (decoders solved from this vocabulary's vectors to the
    /// target's, transposed).
    /// - Parameters:
    ///   - keys: the keys to map (default: all of this vocabulary's, in order).
    ///   - populate: for keys missing in `target`: nil skips them and notes it in
    ///     ``warnings``, false skips them, true adds them to `target` (new random pointers).
    ///   - solver: a BrainCore least-squares solver, or nil for the sum of outer products.
    ///   - target: the vocabulary to map into.
    /// - Throws: `BrainKitError` for a key not in this vocabulary, or a failed solve.
    public func transform(
        to target: Vocabulary, keys: [String]? = nil, populate: Bool? = nil, solver: (any Solver)? = nil
    ) throws(BrainKitError) -> Matrix {
        let chosen = keys ?? self.keys
        var shared: [String] = []
        var missing: [String] = []
        for key in chosen {
            guard contains(key) else {
                throw BrainKitError(
                    .validation, object: object, parameter: "keys",
                    message: "'\(key)' is not in the vocabulary (keys: \(keyList))")
            }
            if target.contains(key) {
                shared.append(key)
            } else if populate == true {
                _ = try target.pointer(key, creatingIn: true)
                shared.append(key)
            } else {
                missing.append(key)
            }
        }
        if populate == nil, !missing.isEmpty {
            warnings.append("transform to \(target.reference) skipped keys it does not have: \(missing.joined(separator: ", "))")
        }
        let source = Matrix(shared.compactMap { self[$0]?.vector })
        let destination = Matrix(shared.compactMap { target[$0]?.vector })
        guard let solver else {
            var matrix = Matrix(rows: target.dimensions, columns: dimensions)
            for (s, t) in zip(source.nested, destination.nested) {
                for i in 0..<target.dimensions {
                    for j in 0..<dimensions { matrix.values[i * dimensions + j] += t[i] * s[j] }
                }
            }
            return matrix
        }
        guard !shared.isEmpty else { return Matrix(rows: target.dimensions, columns: dimensions) }
        var random = RandomState(seed: 0)
        return try solver.solve(activities: source, targets: destination, rng: &random).decoders.transposed
    }

    /// The pointer of `key`, added (as a new random pointer) if missing and `creatingIn` is
    /// true, even in a strict vocabulary.
    func pointer(_ key: String, creatingIn create: Bool) throws(BrainKitError) -> SemanticPointer {
        if let pointer = self[key] { return pointer }
        let pointer = try createPointer().named(key)
        try add(key, pointer)
        return pointer
    }
}
