/// Fixture accessors for nested lists of objects and for booleans (synapse and process
/// fixtures).
extension Fixture {
    /// The elements of the array at `key`, each as a fixture.
    func elements(_ key: String) -> [Fixture] {
        guard case .array(let items) = object(key).value else { return [] }
        return items.map { Fixture(value: $0) }
    }

    /// The boolean at `key` (false when absent).
    func bool(_ key: String) -> Bool {
        if case .bool(let b) = object(key).value { return b }
        return false
    }
}
