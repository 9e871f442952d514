import Foundation

/// A JSON fixture made by Fixtures/make_spa.py (nengo_spa 2.0).
///
/// Read with ``ExactJSON``, which reads every number with `Double(_:)` (to the nearest Double),
/// and not with `JSONSerialization`, which on Linux (swift-corelibs-foundation) reads some
/// numbers one or two ulps off (e.g. "0.44122748688504143" as 0.4412274868850413), so that
/// values the fixtures hold exactly could not be compared bit for bit. Each file is read once
/// per test process.
struct SPAFixture {
    let value: Any?

    private static let cache = Cache()

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var files: [String: Any?] = [:]

        func value(_ name: String) throws -> Any? {
            lock.lock()
            defer { lock.unlock() }
            if let cached = files[name] { return cached }
            guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
                throw CocoaError(.fileNoSuchFile)
            }
            let value = try ExactJSON.parse(Data(contentsOf: url))
            files[name] = .some(value)
            return value
        }
    }

    init(_ name: String) throws {
        value = try Self.cache.value(name)
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

/// A small JSON reader that gives the types JSONSerialization gives (NSNumber for numbers and
/// booleans, String, [Any], [String: Any], NSNull for null) but reads numbers exactly: an
/// integer literal with `Int(_:)`, any other number with `Double(_:)`.
enum ExactJSON {
    struct SyntaxError: Error, CustomStringConvertible {
        let offset: Int
        let message: String
        var description: String { "JSON at byte \(offset): \(message)" }
    }

    static func parse(_ data: Data) throws -> Any? {
        var reader = Reader(bytes: [UInt8](data))
        let value = try reader.value()
        reader.skipWhitespace()
        guard reader.index == reader.bytes.count else { throw reader.error("trailing characters") }
        return value is NSNull ? nil : value
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        func error(_ message: String) -> SyntaxError { SyntaxError(offset: index, message: message) }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func expect(_ literal: String) throws {
            for byte in literal.utf8 {
                guard index < bytes.count, bytes[index] == byte else { throw error("expected \(literal)") }
                index += 1
            }
        }

        mutating func value() throws -> Any {
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var object: [String: Any] = [:]
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return object }
                while true {
                    skipWhitespace()
                    let key = try string()
                    skipWhitespace()
                    try expect(":")
                    object[key] = try value()
                    skipWhitespace()
                    if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    try expect("}")
                    return object
                }
            case UInt8(ascii: "["):
                index += 1
                var array: [Any] = []
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return array }
                while true {
                    array.append(try value())
                    skipWhitespace()
                    if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    try expect("]")
                    return array
                }
            case UInt8(ascii: "\""):
                return try string()
            case UInt8(ascii: "t"):
                try expect("true")
                return NSNumber(value: true)
            case UInt8(ascii: "f"):
                try expect("false")
                return NSNumber(value: false)
            case UInt8(ascii: "n"):
                try expect("null")
                return NSNull()
            default:
                return try number()
            }
        }

        mutating func number() throws -> NSNumber {
            let start = index
            var isInteger = true
            scan: while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"): break
                case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): isInteger = false
                default: break scan
                }
                index += 1
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if isInteger, let int = Int(text) { return NSNumber(value: int) }
            guard let double = Double(text) else { throw SyntaxError(offset: start, message: "bad number '\(text)'") }
            return NSNumber(value: double)
        }

        mutating func string() throws -> String {
            try expect("\"")
            var scalars = String.UnicodeScalarView()
            var pendingHigh: UInt32?
            var utf8: [UInt8] = []
            func flushUTF8() {
                if !utf8.isEmpty {
                    scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
                    utf8.removeAll()
                }
            }
            while true {
                guard index < bytes.count else { throw error("unterminated string") }
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") { break }
                if byte != UInt8(ascii: "\\") {
                    utf8.append(byte)
                    continue
                }
                flushUTF8()
                guard index < bytes.count else { throw error("unterminated escape") }
                let escape = bytes[index]
                index += 1
                var code: UInt32
                switch escape {
                case UInt8(ascii: "n"): code = 0x0A
                case UInt8(ascii: "t"): code = 0x09
                case UInt8(ascii: "r"): code = 0x0D
                case UInt8(ascii: "b"): code = 0x08
                case UInt8(ascii: "f"): code = 0x0C
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count,
                        let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                    else { throw error("bad \\u escape") }
                    index += 4
                    code = value
                default: code = UInt32(escape)
                }
                if (0xD800..<0xDC00).contains(code) {
                    pendingHigh = code
                    continue
                }
                if let high = pendingHigh, (0xDC00..<0xE000).contains(code) {
                    code = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                }
                pendingHigh = nil
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            }
            flushUTF8()
            return String(scalars)
        }
    }
}

/// The largest absolute difference of two equally long vectors (infinity if their lengths differ).
func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
