import Foundation

/// A JSON fixture made by Fixtures/make_spa.py (nengo_spa 2.0), read with JSONSerialization.
struct SPAFixture {
    let value: Any?

    init(_ name: String) throws {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        value = try JSONSerialization.jsonObject(with: Data(contentsOf: url), options: [.fragmentsAllowed])
    }

    init(value: Any?) { self.value = value }

    subscript(key: String) -> SPAFixture {
        SPAFixture(value: (value as? [String: Any])?[key].flatMap { $0 is NSNull ? nil : $0 })
    }

    subscript(index: Int) -> SPAFixture {
        guard let array = value as? [Any], array.indices.contains(index) else { return SPAFixture(value: nil) }
        return SPAFixture(value: array[index] is NSNull ? nil : array[index])
    }

    var isNull: Bool { value == nil }
    var array: [SPAFixture] { (value as? [Any])?.map { SPAFixture(value: $0 is NSNull ? nil : $0) } ?? [] }
    var keys: [String] { ((value as? [String: Any])?.keys).map(Array.init) ?? [] }
    var string: String? { value as? String }
    var int: Int? { (value as? NSNumber)?.intValue }
    var double: Double? { (value as? NSNumber)?.doubleValue }
    var bool: Bool? { (value as? NSNumber)?.boolValue }
    var doubles: [Double]? { (value as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } }
    var strings: [String]? { value as? [String] }
    var rows: [[Double]]? { (value as? [Any])?.map { (($0 as? [Any]) ?? []).compactMap { ($0 as? NSNumber)?.doubleValue } } }
}

/// The largest absolute difference of two equally long vectors (infinity if their lengths differ).
func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
