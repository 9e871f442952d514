import BrainCore

/// One adversarial input: what it does, and what a trustworthy library must answer.
struct ReliabilityCase {
    /// `area.short-name`, unique; the runner passes it to the child process.
    let name: String
    /// What the case must end in.
    let expectation: Expectation
    /// The attack: builds, runs or creates something, throwing whatever BrainKit throws.
    let body: () throws -> Void

    /// A case that must be refused with an error naming `object` (a substring of the error's
    /// object) and `parameter` (the error's parameter, exactly), plus any `mentions` (strings
    /// the description must contain, e.g. the objects on a loop).
    static func rejects(
        _ name: String, object: String, parameter: String?, mentions: [String] = [], _ body: @escaping () throws -> Void
    ) -> ReliabilityCase {
        ReliabilityCase(
            name: name, expectation: .rejects(object: object, parameter: parameter, mentions: mentions), body: body)
    }

    /// A case that is valid, however odd, and must run to the end without an error.
    static func runs(_ name: String, _ body: @escaping () throws -> Void) -> ReliabilityCase {
        ReliabilityCase(name: name, expectation: .runs, body: body)
    }
}

/// What a case must end in.
enum Expectation {
    /// A `BrainKitError` about `object` and `parameter` whose description has `mentions`.
    case rejects(object: String, parameter: String?, mentions: [String])
    /// No error.
    case runs
}

/// How one case ended, as the child process reports it (or the runner sees it).
enum Outcome: String, CaseIterable {
    /// Refused with the expected typed error.
    case rejected = "rejected as expected"
    /// Valid, and ran.
    case ran = "ran as expected"
    /// Refused, but the error names the wrong object or parameter.
    case wrongBlame = "error blames the wrong thing"
    /// A bad value was accepted: no error.
    case acceptedSilently = "accepted silently"
    /// A valid case threw.
    case unexpectedError = "unexpected error"
    /// Something other than a `BrainKitError` was thrown.
    case untypedError = "untyped error"
    /// The process died on a signal (a trap, an abort).
    case trapped = "trapped"
    /// The process ran out of its memory limit.
    case outOfMemory = "out of memory"
    /// The process did not finish in time.
    case hung = "hung"

    /// Whether this outcome is what a trustworthy library does.
    var passes: Bool { self == .rejected || self == .ran }
}

extension ReliabilityCase {
    /// Runs the case in this process and says how it ended, with a detail line.
    func evaluate() -> (Outcome, String) {
        do {
            try body()
        } catch let error as BrainKitError {
            switch expectation {
            case .runs:
                return (.unexpectedError, error.description)
            case .rejects(let object, let parameter, let mentions):
                let blamed = error.object.contains(object) && error.parameter == parameter
                    && mentions.allSatisfy { error.description.contains($0) }
                return (blamed ? .rejected : .wrongBlame, error.description)
            }
        } catch {
            return (.untypedError, "\(error)")
        }
        switch expectation {
        case .runs: return (.ran, "")
        case .rejects(let object, let parameter, _):
            return (.acceptedSilently, "expected an error about \(object) \(parameter ?? "")")
        }
    }
}
