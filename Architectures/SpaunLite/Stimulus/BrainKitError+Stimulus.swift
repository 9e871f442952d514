import BrainCore

extension BrainKitError {
    /// A malformed stimulus string: a `BrainKitError/Kind/validation` error whose object is
    /// `Stimulus "<text>"` and whose parameter is `position N`, the 0-based offset in `Character`s
    /// of the offending symbol (the text's length when the problem is its premature end).
    static func stimulus(_ text: String, at position: Int, _ message: String) -> BrainKitError {
        BrainKitError(.validation, object: "Stimulus \(String(reflecting: text))", parameter: "position \(position)", message: message)
    }
}
