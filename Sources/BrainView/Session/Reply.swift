import Foundation

/// Text messages to the page (JSON objects with a `type`).
enum Reply {
    /// Something the page asked for was refused; `object` names the object concerned.
    static func error(_ message: String, object: Int? = nil) -> String {
        var fields: [String: Any] = ["type": "error", "message": message]
        if let object { fields["object"] = object }
        return json(fields)
    }

    /// A constant node's output is now `values`.
    static func set(object: Int, values: [Double]) -> String {
        json(["type": "set", "object": object, "values": values])
    }

    /// The simulation went back to time 0 (constant nodes have their own values again).
    static let reset = json(["type": "reset"])

    private static func json(_ fields: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
