import BrainCore

/// A neuron's morphology: sections joined into a tree (or several trees) by their
/// ``Section/parent`` connections, with their mechanisms.
public struct Cell: Sendable, Equatable, CustomStringConvertible {
    /// The sections in the order given.
    public let sections: [Section]

    /// - Throws: `BrainKitError` (validation, object `Cell`) when there are no sections, two
    ///   sections share a name, a section's parent is not among `sections`, or connections
    ///   form a cycle.
    public init(sections: [Section]) throws(BrainKitError) {
        guard !sections.isEmpty else {
            throw .validation("Cell", "sections", "must contain at least one section")
        }
        var byName: [String: Section] = [:]
        for section in sections {
            guard byName.updateValue(section, forKey: section.name) == nil else {
                throw .validation("Cell", "sections", "contain two sections named '\(section.name)'")
            }
        }
        for section in sections {
            guard let connection = section.parent else { continue }
            guard byName[connection.parent] != nil else {
                throw .validation(
                    "Cell", "sections",
                    "'\(section.name)' is connected to '\(connection.parent)', which is not in the cell")
            }
            // Walk towards the root; coming back to a section on the path means a cycle.
            var path = [section.name]
            var current = connection.parent
            while true {
                if let start = path.firstIndex(of: current) {
                    let cycle = (path[start...] + [current]).joined(separator: " -> ")
                    throw .validation("Cell", "sections", "form a cycle: \(cycle)")
                }
                path.append(current)
                guard let next = byName[current]?.parent?.parent else { break }
                current = next
            }
        }
        self.sections = sections
    }

    /// The section named `name`, if any.
    public func section(named name: String) -> Section? {
        sections.first { $0.name == name }
    }

    public var description: String {
        "Cell([" + sections.map(\.description).joined(separator: ", ") + "])"
    }
}
