import BrainTestSupport
import Foundation

/// A JSON fixture made by Fixtures/make_spa.py (nengo_spa 2.0), read with BrainTestSupport's
/// ``JSONValue`` (numbers through `Double(_:)`, exactly: JSONSerialization on Linux reads some
/// one or two ulps off). Each file is read once per test process.
struct SPAFixture {
    let value: JSONValue?

    private static let cache = Cache()

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var files: [String: JSONValue] = [:]

        func value(_ name: String) throws -> JSONValue {
            lock.lock()
            defer { lock.unlock() }
            if let cached = files[name] { return cached }
            guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
                throw CocoaError(.fileNoSuchFile)
            }
            let value = try JSONValue.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
            files[name] = value
            return value
        }
    }

    init(_ name: String) throws {
        value = try Self.cache.value(name)
    }

    init(value: JSONValue?) {
        if case .null = value { self.value = nil } else { self.value = value }
    }

    subscript(key: String) -> SPAFixture {
        guard case .object(let fields) = value else { return SPAFixture(value: nil) }
        return SPAFixture(value: fields[key])
    }

    subscript(index: Int) -> SPAFixture {
        guard case .array(let items) = value, items.indices.contains(index) else { return SPAFixture(value: nil) }
        return SPAFixture(value: items[index])
    }

    var isNull: Bool { value == nil }
    var array: [SPAFixture] {
        guard case .array(let items) = value else { return [] }
        return items.map { SPAFixture(value: $0) }
    }
    var keys: [String] {
        guard case .object(let fields) = value else { return [] }
        return Array(fields.keys)
    }
    var string: String? {
        guard case .string(let text) = value else { return nil }
        return text
    }
    var double: Double? {
        guard case .number(let number) = value else { return nil }
        return number
    }
    var int: Int? { double.flatMap { Int(exactly: $0) } }
    var bool: Bool? {
        guard case .bool(let flag) = value else { return nil }
        return flag
    }
    var doubles: [Double]? {
        guard case .array = value else { return nil }
        return array.compactMap(\.double)
    }
    var strings: [String]? {
        guard case .array = value else { return nil }
        return array.compactMap(\.string)
    }
    var rows: [[Double]]? {
        guard case .array = value else { return nil }
        return array.map { $0.doubles ?? [] }
    }
}
