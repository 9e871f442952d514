import Foundation

/// A message from the page, parsed from its JSON text (`{"cmd": "pause"}`).
enum ClientCommand: Equatable, Sendable {
    case play
    case pause
    case reset
    /// Simulated seconds per second; 0 for as fast as possible.
    case speed(Double)
    case watch(channel: Int)
    case unwatch(channel: Int)
    /// Override a constant node's output; values as typed (numbers or text).
    case set(object: Int, values: [String])

    /// The most bytes a command may have; a longer message is refused unread.
    static let maxBytes = 4096

    /// Parses one message.
    /// - Throws: ``ViewMessageError`` saying what is wrong with it.
    static func parse(_ text: String) throws(ViewMessageError) -> ClientCommand {
        guard text.utf8.count <= maxBytes else {
            throw ViewMessageError("a command must be at most \(maxBytes) bytes, got \(text.utf8.count)")
        }
        guard let data = text.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let name = object["cmd"] as? String
        else { throw ViewMessageError("a command must be a JSON object with a string \"cmd\"") }
        func integer(_ key: String) throws(ViewMessageError) -> Int {
            guard let number = object[key] as? NSNumber, let value = Int(exactly: number.doubleValue) else {
                throw ViewMessageError("\"\(name)\" needs an integer \"\(key)\"")
            }
            return value
        }
        switch name {
        case "play": return .play
        case "pause": return .pause
        case "reset": return .reset
        case "speed":
            guard let number = object["value"] as? NSNumber, number.doubleValue >= 0, number.doubleValue.isFinite
            else { throw ViewMessageError("speed must be a number >= 0 (0: as fast as possible)") }
            return .speed(number.doubleValue)
        case "watch": return .watch(channel: try integer("channel"))
        case "unwatch": return .unwatch(channel: try integer("channel"))
        case "set":
            guard let values = object["values"] as? [Any], values.count <= 1024 else {
                throw ViewMessageError("\"set\" needs a list \"values\" of at most 1024 entries")
            }
            let texts = values.map { value -> String in
                if let number = value as? NSNumber { return "\(number.doubleValue)" }
                return value as? String ?? "\(value)"
            }
            return .set(object: try integer("object"), values: texts)
        default:
            throw ViewMessageError("unknown command '\(name.prefix(40))'")
        }
    }
}

/// Why the live view refused a message from the page (shown there).
struct ViewMessageError: Error, Equatable, Sendable {
    let message: String
    init(_ message: String) { self.message = message }
}
