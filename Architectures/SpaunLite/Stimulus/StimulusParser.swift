import BrainCore

/// Parses stimulus strings, the subset of Spaun 2.0's stimulus language that Spaun-lite accepts,
/// into a ``StimulusProgram``.
///
/// Grammar (spaces are ignored everywhere, as Spaun 2.0 strips them):
/// ```
/// stimulus   := item+
/// item       := symbol | repetition
/// repetition := '{' item* ':' COUNT '}'          STR repeated COUNT times (0 ≤ COUNT ≤ 10,000)
/// symbol     := 'A' TASK                          task start A0…A7 (shown as A, then the digit)
///             | '[' | ']' | '?'                   list open / close, query
///             | 'X'                               one motor-response slot (no image)
///             | 'P' | 'K'                         A5: position / kind question
///             | 'F' | 'B'                         A3: forward / reverse recall (B is shown as R)
///             | DIGIT                             a typed digit glyph
///             | '#' DIGIT                         a handwritten image of class DIGIT
///             | 'N'                               random digit, no replacement within the task
///             | 'R'                               random digit, with replacement
///             | 'a'…'z'                           random digit, one per letter and task
///             | '.'                               a forced blank
/// TASK  := '0'…'7'        DIGIT := '0'…'9'        COUNT := DIGIT+
/// ```
/// After expansion the symbols must also satisfy:
/// - lists `[…]` hold only digits (typed, `#d`, `N`, `R`, letters) and `.`, are not nested, and
///   close before the next task and before the end;
/// - at most 10 `N`s per task (there are only ten digits to draw without replacement);
/// - a handwritten `#d` is followed only by `[`, `]`, `.`, another `#d` or the end (Spaun 2.0
///   reads letters and digits after `#d` as part of its class name and drops other symbols there);
/// - there is at least one symbol, and at most 10,000.
///
/// Rejected with a message saying what is not supported: `%…%` instructions, `<n>` MNIST indices,
/// `M`, `V`, `A8`, `A9`, `AC`, generators `(…;…)`, Spaun's other visual letters (`C`, `L`, `W`), any
/// other character, unbalanced `{…}` and counts that are missing or too large.
///
/// Errors are `BrainKitError`s of kind `BrainKitError/Kind/validation` whose object is
/// `Stimulus "<text>"` and whose parameter is `position N`, the 0-based offset in `Character`s of the
/// offending symbol. Symbols and repetitions are checked first, left to right, and then the rules
/// above, left to right; the first problem found is reported. Parsing never traps and never hangs: repetitions may nest at most
/// ``maximumNestingDepth`` deep and expand to at most ``maximumExpandedLength`` symbols.
public enum StimulusParser {
    /// The most symbols a stimulus may have after its repetitions are expanded.
    public static let maximumExpandedLength = 10_000
    /// The deepest allowed nesting of repetitions `{…:n}`.
    public static let maximumNestingDepth = 16
    /// The most `N`s one task may hold.
    public static let maximumUniqueRandomDigitsPerTask = 10

    /// Parses `text` by the grammar above.
    /// - Throws: `BrainKitError` naming the position of the first problem.
    public static func parse(_ text: String) throws(BrainKitError) -> StimulusProgram {
        let elements = try expand(text)
        try validate(elements, text: text)
        return StimulusProgram(text: text, elements: elements, tasks: tasks(of: elements))
    }

    /// The text's symbols with every repetition expanded.
    private static func expand(_ text: String) throws(BrainKitError) -> [StimulusElement] {
        var lexer = StimulusLexer(text)
        var elements: [StimulusElement] = []
        // The open repetitions: where each one's symbols start in `elements`, and its `{`.
        var open: [(start: Int, position: Int)] = []
        while true {
            let token = try lexer.nextToken()
            switch token.kind {
            case .element(let kind):
                guard elements.count < maximumExpandedLength else {
                    throw .stimulus(text, at: token.position, "the stimulus has more than \(maximumExpandedLength) symbols (after repetitions are expanded)")
                }
                elements.append(StimulusElement(kind, position: token.position))
            case .repetitionStart:
                guard open.count < maximumNestingDepth else {
                    throw .stimulus(text, at: token.position, "repetitions {…:n} are nested more than \(maximumNestingDepth) deep")
                }
                open.append((elements.count, token.position))
            case .repetitionEnd(let count):
                guard let repetition = open.popLast() else {
                    throw .stimulus(text, at: token.position, "':\(count)}' ends a repetition that was never started with '{' (a repetition is written {STR:n})")
                }
                let body = Array(elements[repetition.start...])
                guard body.count == 0 || count <= (maximumExpandedLength - repetition.start) / body.count else {
                    throw .stimulus(text, at: repetition.position, "the repetition expands the stimulus to more than \(maximumExpandedLength) symbols")
                }
                elements.removeSubrange(repetition.start...)
                for _ in 0..<count {
                    elements.append(contentsOf: body)
                }
            case .end:
                if let repetition = open.last {
                    throw .stimulus(text, at: repetition.position, "the repetition '{' is not closed: expected ':n}' (a repetition is written {STR:n})")
                }
                return elements
            }
        }
    }

    /// Checks the rules that hold after expansion (see the type's documentation).
    private static func validate(_ elements: [StimulusElement], text: String) throws(BrainKitError) {
        guard !elements.isEmpty else {
            throw .stimulus(text, at: 0, "the stimulus has no symbols; \(StimulusLexer.accepted)")
        }
        var openList: StimulusElement?
        var uniqueRandomDigits = 0
        for (index, element) in elements.enumerated() {
            switch element.kind {
            case .task:
                if let list = openList {
                    throw .stimulus(text, at: list.position, "the list '[' is not closed with ']' before the next task (\(element))")
                }
                uniqueRandomDigits = 0
            case .glyph(.open):
                if let list = openList {
                    throw .stimulus(text, at: element.position, "lists cannot be nested: '[' inside the list opened at position \(list.position)")
                }
                openList = element
            case .glyph(.close):
                guard openList != nil else {
                    throw .stimulus(text, at: element.position, "']' closes no list")
                }
                openList = nil
            case .uniqueRandomDigit:
                uniqueRandomDigits += 1
                guard uniqueRandomDigits <= maximumUniqueRandomDigitsPerTask else {
                    throw .stimulus(text, at: element.position, "more than \(maximumUniqueRandomDigitsPerTask) 'N's in one task: N draws digits without replacement within its task, and there are only 10 digits")
                }
            case .handwritten(let digit):
                let next = index + 1 < elements.count ? elements[index + 1] : nil
                if let next {
                    switch next.kind {
                    case .glyph(.open), .glyph(.close), .blank, .handwritten: break
                    default:
                        throw .stimulus(text, at: next.position, "'\(next)' cannot follow the handwritten digit #\(digit): Spaun 2.0 reads letters and digits after #d as part of the class name and drops other symbols there, so #d may be followed only by '[', ']', '.', another #d or the end")
                    }
                }
            default:
                break
            }
            if openList != nil, !element.isListMember, element.kind != .glyph(.open) {
                throw .stimulus(text, at: element.position, "'\(element)' cannot stand inside a list: a list holds digits (0–9, #d, N, R, lowercase letters) and '.' blanks, and ends with ']'")
            }
        }
        if let list = openList {
            throw .stimulus(text, at: list.position, "the list '[' is not closed with ']' before the end of the stimulus")
        }
    }

    /// The tasks of the stimulus, each from its `A` to the symbol before the next `A`.
    private static func tasks(of elements: [StimulusElement]) -> [StimulusTask] {
        let starts = elements.indices.filter { if case .task = elements[$0].kind { true } else { false } }
        return starts.enumerated().map { number, start in
            let end = number + 1 < starts.count ? starts[number + 1] : elements.count
            return StimulusTask(elements: elements, range: start..<end)
        }
    }
}
