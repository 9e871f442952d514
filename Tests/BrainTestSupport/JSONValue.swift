/// A minimal JSON reader for the fixtures. Numbers go through `Double(String)`, which rounds
/// correctly; Foundation's JSONSerialization on Linux was seen to be off by one ulp, which
/// exact-agreement tests cannot afford.
public enum JSONValue: Sendable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    public static func parse(_ text: String) throws -> JSONValue {
        var parser = Parser(bytes: Array(text.utf8))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.bytes.count else { throw JSONError.trailing(parser.index) }
        return value
    }

    public enum JSONError: Error {
        case unexpected(Int)
        case trailing(Int)
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() throws -> JSONValue {
            skipSpace()
            guard index < bytes.count else { throw JSONError.unexpected(index) }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var object: [String: JSONValue] = [:]
                skipSpace()
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(object) }
                while true {
                    skipSpace()
                    guard case .string(let key) = try value() else { throw JSONError.unexpected(index) }
                    skipSpace()
                    guard bytes[index] == UInt8(ascii: ":") else { throw JSONError.unexpected(index) }
                    index += 1
                    object[key] = try value()
                    skipSpace()
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "}") else { throw JSONError.unexpected(index) }
                    index += 1
                    return .object(object)
                }
            case UInt8(ascii: "["):
                index += 1
                var array: [JSONValue] = []
                skipSpace()
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(array) }
                while true {
                    array.append(try value())
                    skipSpace()
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == UInt8(ascii: "]") else { throw JSONError.unexpected(index) }
                    index += 1
                    return .array(array)
                }
            case UInt8(ascii: "\""):
                index += 1
                var scalars: [UInt8] = []
                while bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") {
                        index += 1
                        let escaped = bytes[index]
                        switch escaped {
                        case UInt8(ascii: "n"): scalars.append(0x0A)
                        case UInt8(ascii: "t"): scalars.append(0x09)
                        case UInt8(ascii: "u"):
                            let hex = String(decoding: bytes[(index + 1)...(index + 4)], as: UTF8.self)
                            let code = UInt32(hex, radix: 16) ?? 0x3F
                            scalars.append(contentsOf: Array(String(Character(Unicode.Scalar(code) ?? "?")).utf8))
                            index += 4
                        default: scalars.append(escaped)
                        }
                    } else {
                        scalars.append(bytes[index])
                    }
                    index += 1
                }
                index += 1
                return .string(String(decoding: scalars, as: UTF8.self))
            case UInt8(ascii: "t"):
                index += 4
                return .bool(true)
            case UInt8(ascii: "f"):
                index += 5
                return .bool(false)
            case UInt8(ascii: "n"):
                index += 4
                return .null
            default:
                let start = index
                while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
                guard let number = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else {
                    throw JSONError.unexpected(start)
                }
                return .number(number)
            }
        }
    }
}
