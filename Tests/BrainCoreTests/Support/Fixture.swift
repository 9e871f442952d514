import Foundation
import BrainTestSupport

/// A Nengo reference fixture (JSON) from `Fixtures/`, read through typed accessors.
/// `null` (a non-finite value in the generator) reads as NaN.
struct Fixture {
    let value: JSONValue

    init(_ name: String) throws {
        self.value = try Fixture.load(name)
    }

    init(value: JSONValue) {
        self.value = value
    }

    /// A list fixture such as `validation_errors.json`, one `Fixture` per element.
    static func list(_ name: String) throws -> [Fixture] {
        guard case .array(let items) = try load(name) else { throw FixtureError.malformed(name) }
        return items.map { Fixture(value: $0) }
    }

    private static func load(_ name: String) throws -> JSONValue {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw FixtureError.missing(name)
        }
        return try JSONValue.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    private var fields: [String: JSONValue] {
        if case .object(let fields) = value { return fields }
        return [:]
    }

    func object(_ key: String) -> Fixture {
        Fixture(value: fields[key] ?? .null)
    }

    func string(_ key: String) -> String {
        if case .string(let s) = fields[key] { return s }
        return ""
    }

    func double(_ key: String) -> Double {
        Fixture.number(fields[key] ?? .null)
    }

    func doubles(_ key: String) -> [Double] {
        Fixture.array(fields[key]).map(Fixture.number)
    }

    func matrix(_ key: String) -> [[Double]] {
        Fixture.array(fields[key]).map { Fixture.array($0).map(Fixture.number) }
    }

    func ints(_ key: String) -> [Int] {
        doubles(key).map { Int($0) }
    }

    func intLists(_ key: String) -> [[Int]] {
        matrix(key).map { $0.map { Int($0) } }
    }

    func keys() -> [String] {
        Array(fields.keys)
    }

    private static func number(_ value: JSONValue) -> Double {
        if case .number(let x) = value { return x }
        return .nan
    }

    private static func array(_ value: JSONValue?) -> [JSONValue] {
        if case .array(let items) = value { return items }
        return []
    }
}

enum FixtureError: Error {
    case missing(String)
    case malformed(String)
}
