import BrainCore

/// Splits a stimulus string into tokens on demand, one per call of ``nextToken()``.
///
/// Tokens (spaces are ignored everywhere, as Spaun 2.0 strips them before parsing):
/// - `A` and a task digit `0`…`7`: a task start;
/// - `[`, `]`, `?`, `P`, `K`, `F`, `B`, `0`…`9`: glyphs (`B` is the reverse symbol);
/// - `#` and one digit: a handwritten digit;
/// - `N`, `R`, a lowercase letter: random digits; `.`: a forced blank; `X`: a response slot;
/// - `{`: a repetition start; `:` then a decimal count then `}`: a repetition end.
///
/// Everything else is an error that says what is not supported and what is accepted.
struct StimulusLexer {
    let text: String
    private let characters: [Character]
    private var index = 0

    /// The largest repetition count accepted (larger ones could not fit the expansion limit).
    static let maximumCount = StimulusParser.maximumExpandedLength

    static let accepted =
        "accepted: A0–A7, [ ] ? X P K F B, digits 0–9, #d, N, R, lowercase letters, '.', and {…:n}"

    init(_ text: String) {
        self.text = text
        self.characters = Array(text)
    }

    /// The next token, or `end` (repeatedly) once the text is exhausted.
    mutating func nextToken() throws(BrainKitError) -> StimulusToken {
        skipSpaces()
        guard index < characters.count else {
            return StimulusToken(kind: .end, position: characters.count)
        }
        let start = index
        let character = characters[index]
        index += 1
        guard let byte = Self.asciiByte(character) else {
            throw error(at: start, "\(String(reflecting: String(character))) is not a stimulus symbol; \(Self.accepted)")
        }
        func element(_ kind: StimulusElement.Kind) -> StimulusToken {
            StimulusToken(kind: .element(kind), position: start)
        }
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return element(.glyph(.digit(Int(byte - UInt8(ascii: "0")))))
        case UInt8(ascii: "a")...UInt8(ascii: "z"):
            return element(.variable(character))
        case UInt8(ascii: "A"): return try lexTask(at: start)
        case UInt8(ascii: "#"): return try lexHandwritten(at: start)
        case UInt8(ascii: "["): return element(.glyph(.open))
        case UInt8(ascii: "]"): return element(.glyph(.close))
        case UInt8(ascii: "?"): return element(.glyph(.query))
        case UInt8(ascii: "P"): return element(.glyph(.positionQuestion))
        case UInt8(ascii: "K"): return element(.glyph(.kindQuestion))
        case UInt8(ascii: "F"): return element(.glyph(.forward))
        case UInt8(ascii: "B"): return element(.glyph(.reverse))
        case UInt8(ascii: "N"): return element(.uniqueRandomDigit)
        case UInt8(ascii: "R"): return element(.randomDigit)
        case UInt8(ascii: "."): return element(.blank)
        case UInt8(ascii: "X"): return element(.response)
        case UInt8(ascii: "{"): return StimulusToken(kind: .repetitionStart, position: start)
        case UInt8(ascii: ":"): return try lexRepetitionEnd(at: start)
        case UInt8(ascii: "}"):
            throw error(at: start, "'}' without its count: a repetition is written {STR:n}")
        default:
            throw unsupported(byte, at: start)
        }
    }

    /// `A` and a task digit 0…7 (spaces between them are ignored).
    private mutating func lexTask(at start: Int) throws(BrainKitError) -> StimulusToken {
        skipSpaces()
        let next = index < characters.count ? Self.asciiByte(characters[index]) : nil
        if let byte = next, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "7") {
            index += 1
            return StimulusToken(kind: .element(.task(Int(byte - UInt8(ascii: "0")))), position: start)
        }
        switch next {
        case UInt8(ascii: "8"):
            throw error(at: start, "A8 is Spaun 2.0's stimulus-response (REACT) task, which Spaun-lite does not implement; tasks are A0–A7")
        case UInt8(ascii: "9"):
            throw error(at: start, "A9 is Spaun 2.0's instruction-following task, which Spaun-lite does not implement; tasks are A0–A7")
        case UInt8(ascii: "C"):
            throw error(at: start, "AC is Spaun 2.0's compare task, which Spaun-lite does not implement; tasks are A0–A7")
        default:
            throw error(at: start, "'A' starts a task and must be followed by its task digit 0–7 (A0–A7)")
        }
    }

    /// `#` and one digit class 0…9 (spaces between them are ignored).
    private mutating func lexHandwritten(at start: Int) throws(BrainKitError) -> StimulusToken {
        skipSpaces()
        guard index < characters.count, let byte = Self.asciiByte(characters[index]),
              byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9")
        else {
            throw error(at: start, "'#' must be followed by a digit class 0–9 (#d: a handwritten digit of class d)")
        }
        index += 1
        return StimulusToken(kind: .element(.handwritten(Int(byte - UInt8(ascii: "0")))), position: start)
    }

    /// `:` then a decimal count then `}` (spaces anywhere in between are ignored).
    private mutating func lexRepetitionEnd(at start: Int) throws(BrainKitError) -> StimulusToken {
        skipSpaces()
        let countStart = index
        var count = 0
        var digits = 0
        while index < characters.count, let byte = Self.asciiByte(characters[index]),
              byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            count = count * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            if count > Self.maximumCount {
                throw error(at: countStart, "the repetition count is larger than \(Self.maximumCount), the most symbols a stimulus may expand to")
            }
            index += 1
            skipSpaces()
        }
        guard index < characters.count else {
            throw error(at: index, digits == 0
                ? "':' must be followed by a repetition count and '}' ({STR:n}), found the end of the text"
                : "the repetition is not closed: expected '}' after its count")
        }
        guard digits > 0 else {
            throw error(at: index, "':' must be followed by a repetition count, a whole number 0–\(Self.maximumCount) ({STR:n}), found \(String(reflecting: String(characters[index])))")
        }
        guard characters[index] == "}" else {
            throw error(at: index, "expected '}' after the repetition count, found \(String(reflecting: String(characters[index]))); the count is a whole number 0–\(Self.maximumCount)")
        }
        index += 1
        return StimulusToken(kind: .repetitionEnd(count: count), position: start)
    }

    private func unsupported(_ byte: UInt8, at position: Int) -> BrainKitError {
        let shown = String(reflecting: String(UnicodeScalar(byte)))
        switch byte {
        case UInt8(ascii: "%"):
            return error(at: position, "instruction strings %…% (Spaun 2.0's instruction-following tasks) are not supported; \(Self.accepted)")
        case UInt8(ascii: "<"), UInt8(ascii: ">"):
            return error(at: position, "MNIST image numbers <n> are not supported (Spaun-lite's handwritten digits are not MNIST); use #d for a handwritten digit of class d")
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ";"):
            return error(at: position, "generated trials such as (COUNT;n), (QA;P;n) or (RVC;…) are not supported; write the trial out, e.g. A4[2][3]?XXXX")
        case UInt8(ascii: "M"):
            return error(at: position, "'M' (Spaun 2.0's instructed recall M<k>.) is not supported; \(Self.accepted)")
        case UInt8(ascii: "V"):
            return error(at: position, "'V' (Spaun 2.0's instructed task V.) is not supported; \(Self.accepted)")
        case UInt8(ascii: "C"), UInt8(ascii: "L"), UInt8(ascii: "W"):
            return error(at: position, "\(shown) is a Spaun 2.0 visual symbol that Spaun-lite's tasks do not use; \(Self.accepted)")
        default:
            return error(at: position, "\(shown) is not a stimulus symbol; \(Self.accepted)")
        }
    }

    private mutating func skipSpaces() {
        while index < characters.count, characters[index] == " " {
            index += 1
        }
    }

    private func error(at position: Int, _ message: String) -> BrainKitError {
        .stimulus(text, at: position, message)
    }

    /// The character's byte if it is a single ASCII scalar (so `"\r\n"`, one `Character`, is not).
    private static func asciiByte(_ character: Character) -> UInt8? {
        let scalars = character.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first, scalar.isASCII else { return nil }
        return UInt8(scalar.value)
    }
}
