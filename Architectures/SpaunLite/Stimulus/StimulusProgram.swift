import BrainCore

/// A parsed stimulus string: its symbols, with repetitions expanded, and its tasks.
///
/// ```swift
/// let program = try StimulusProgram("A3[1234]B?XXXX")
/// program.expectedAnswer                      // "4321"
/// let schedule = try program.schedule(seed: 7) // Spaun 2.0 timing
/// schedule.duration                           // 6.2 s: 31 slots of 0.2 s
/// ```
/// The grammar is ``StimulusParser``'s; the timing rule is ``StimulusTiming``'s.
public struct StimulusProgram: Hashable, Sendable {
    /// The text as given.
    public let text: String
    /// The symbols, with every repetition `{…:n}` expanded.
    public let elements: [StimulusElement]
    /// The tasks, in order; symbols before the first `A` belong to none.
    public let tasks: [StimulusTask]

    /// Parses `text`; see ``StimulusParser``.
    /// - Throws: `BrainKitError` naming the position of the first problem.
    public init(_ text: String) throws(BrainKitError) {
        self = try StimulusParser.parse(text)
    }

    init(text: String, elements: [StimulusElement], tasks: [StimulusTask]) {
        self.text = text
        self.elements = elements
        self.tasks = tasks
    }

    /// The answer of the whole stimulus, for scoring only (the model never sees it): every task's
    /// ``StimulusTask/expectedAnswer`` in order, joined; nil when there is no task or when any task's
    /// answer is not determined by the text (random digits it depends on, A2, or a form
    /// ``StimulusTask`` does not recognise). A schedule, whose random digits are drawn, has its own
    /// ``StimulusSchedule/expectedAnswer``.
    ///
    /// `A1[#1]?XXX` → `1`; `A3[1234]?XXXX` → `1234`; `A3[1234]B?XXXX` → `4321`; `A4[5][3]?XXXXXX` → `8`;
    /// `A5[123]P[1]?X` → `1`; `A5[123]K[3]?X` → `3`; `A3[NNN]?XXX` → nil.
    public var expectedAnswer: String? {
        Self.joinedAnswer(of: tasks)
    }

    /// Whether any symbol is a random digit (`N`, `R` or a letter), so that schedules drawn with
    /// different seeds may differ.
    public var hasRandomDigits: Bool {
        elements.contains { element in
            switch element.kind {
            case .uniqueRandomDigit, .randomDigit, .variable: true
            default: false
            }
        }
    }

    /// The timed schedule, with random digits drawn from `RandomState(seed: seed)`.
    /// - Throws: `BrainKitError` when `seed` is not in 0…2³² − 1.
    public func schedule(timing: StimulusTiming = .spaun2, seed: Int) throws(BrainKitError) -> StimulusSchedule {
        guard seed >= 0, seed <= Int(UInt32.max) else {
            throw .validation("StimulusProgram", "seed", "must be in 0...\(UInt32.max), got \(seed)")
        }
        var random = RandomState(seed: seed)
        return schedule(timing: timing, random: &random)
    }

    /// The timed schedule, with random digits drawn from `random`, in the order of the symbols:
    /// `R` and each letter's first use in a task draw `randint(0, 10)`; `N` draws
    /// `randint(0, remaining)` from the digits not yet drawn by an `N` of its task (in increasing order).
    public func schedule(timing: StimulusTiming = .spaun2, random: inout RandomState) -> StimulusSchedule {
        StimulusSchedule(elements: resolved(random: &random), timing: timing)
    }

    /// The symbols with every random digit drawn.
    private func resolved(random: inout RandomState) -> [StimulusElement] {
        var remaining = Array(0...9)
        var variables: [Character: Int] = [:]
        return elements.map { element in
            let digit: Int
            switch element.kind {
            case .task:
                remaining = Array(0...9)
                variables = [:]
                return element
            case .uniqueRandomDigit:
                if remaining.isEmpty { remaining = Array(0...9) }  // not reached: the parser allows 10 per task
                digit = remaining.remove(at: random.randint(0, remaining.count))
            case .randomDigit:
                digit = random.randint(0, 10)
            case .variable(let letter):
                if let value = variables[letter] {
                    digit = value
                } else {
                    digit = random.randint(0, 10)
                    variables[letter] = digit
                }
            default:
                return element
            }
            return StimulusElement(.glyph(.digit(digit)), position: element.position)
        }
    }

    /// The tasks' answers joined, or nil when there is no task or any answer is nil.
    static func joinedAnswer(of tasks: [StimulusTask]) -> String? {
        guard !tasks.isEmpty else { return nil }
        var answer = ""
        for task in tasks {
            guard let part = task.expectedAnswer else { return nil }
            answer += part
        }
        return answer
    }
}
