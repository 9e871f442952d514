import Foundation
import BrainCore

/// Named arrays as a NumPy `.npz` file: a zip of `.npy` files (format 1.0, stored
/// uncompressed), which `numpy.load(path)` opens as a mapping from the names (without
/// `.npy`) to arrays of the stored shapes and dtypes.
///
/// ```swift
/// var archive = NPZArchive()
/// try archive.add("trange", NPYArray(sim.trange()))
/// try archive.add("x", NPYArray(sim.data(probe)))
/// try archive.write(to: URL(fileURLWithPath: "run.npz"))
/// let back = try NPZArchive(contentsOf: URL(fileURLWithPath: "run.npz"))
/// ```
///
/// The bytes depend only on the names, their order and the arrays.
public struct NPZArchive: Sendable, Equatable {
    /// The names of the arrays, in the order they were added.
    public private(set) var names: [String] = []
    private var arrays: [String: NPYArray] = [:]

    /// An empty archive.
    public init() {}

    /// Adds `array` under `name`.
    /// - Throws: `BrainKitError` (`.validation`) for an empty name, a name already used, or
    ///   one with a `/` or a control character.
    public mutating func add(_ name: String, _ array: NPYArray) throws(BrainKitError) {
        guard !name.isEmpty, !name.contains("/"), !name.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw .validation("NPZArchive", "name", "must be non-empty, without '/' or control characters, got '\(name)'")
        }
        guard arrays[name] == nil else {
            throw .validation("NPZArchive", "name", "'\(name)' is already in the archive")
        }
        names.append(name)
        arrays[name] = array
    }

    /// The array stored under `name`, or nil.
    public subscript(name: String) -> NPYArray? { arrays[name] }

    /// The `.npz` file's bytes.
    /// - Throws: `BrainKitError` (`.io`) when the archive exceeds the zip limits (4 GiB,
    ///   65,534 arrays).
    public func data() throws(BrainKitError) -> Data {
        let entries = names.compactMap { name in
            arrays[name].map { StoredZip.Entry(name: name + ".npy", data: NPYFormat.encode($0)) }
        }
        return try StoredZip.archive(entries, object: "NPZArchive")
    }

    /// Writes the archive to `url` (numpy: `numpy.load(url)`).
    /// - Throws: `BrainKitError` (`.io`) when the file cannot be written.
    public func write(to url: URL) throws(BrainKitError) {
        try FileOutput.write(try data(), to: url, object: "NPZArchive")
    }

    /// Reads an archive of `.npy` files (as `numpy.savez` writes, or ``write(to:)``).
    /// - Throws: `BrainKitError` (`.io`) when the file cannot be read or is not such an
    ///   archive: compressed entries, other dtypes than `<f4`, `<f8`, `<i8`, Fortran order.
    public init(contentsOf url: URL) throws(BrainKitError) {
        try self.init(data: try FileOutput.read(url, object: "NPZArchive"))
    }

    /// Reads an archive from its bytes.
    public init(data: Data) throws(BrainKitError) {
        for entry in try StoredZip.entries(of: data, object: "NPZArchive") {
            let name = entry.name.hasSuffix(".npy") ? String(entry.name.dropLast(4)) : entry.name
            guard arrays[name] == nil else {
                throw .io("NPZArchive", nil, "holds '\(name)' twice")
            }
            names.append(name)
            arrays[name] = try NPYFormat.decode(entry.data, name: name)
        }
    }
}
