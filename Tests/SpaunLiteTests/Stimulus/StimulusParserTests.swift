import BrainCore
import Testing
import SpaunLite

/// The stimulus grammar: what is accepted, how it expands, and typed errors with positions.
@Suite("Stimulus parser")
struct StimulusParserTests {
    @Test func acceptsTheSubset() throws {
        let program = try StimulusProgram("A3[1N#2.Ra]F B?X A5[123]P[1]K[2]?X")
        #expect(program.elements.map(\.description).joined() == "A3[1N#2.Ra]FB?XA5[123]P[1]K[2]?X")
        #expect(program.elements.map(\.position) == [0, 2, 3, 4, 5, 7, 8, 9, 10, 11, 13, 14, 15, 17, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33])
        #expect(program.elements[0].kind == .task(3))
        #expect(program.elements[3].kind == .uniqueRandomDigit)
        #expect(program.elements[4].kind == .handwritten(2))
        #expect(program.elements[5].kind == .blank)
        #expect(program.elements[6].kind == .randomDigit)
        #expect(program.elements[7].kind == .variable("a"))
        #expect(program.elements[9].kind == .glyph(.forward))
        #expect(program.elements[10].kind == .glyph(.reverse))
        #expect(program.tasks.map(\.number) == [3, 5] && program.tasks.map(\.position) == [0, 17])
        #expect(program.tasks.map(\.elements) == [0..<13, 13..<29])
        // Every task digit 0–7.
        for number in 0...7 {
            #expect(try StimulusProgram("A\(number)").tasks.map(\.number) == [number])
        }
        // Spaces are ignored everywhere, as Spaun 2.0 strips them.
        #expect(try StimulusProgram("A 3 [ # 1 . 2 ] ? X { 1 : 1 0 }").elements.count == 8 + 10)
    }

    @Test func repetitionsExpand() throws {
        func expanded(_ text: String) throws -> String {
            try StimulusProgram(text).elements.map(\.description).joined()
        }
        #expect(try expanded("A3[{1:3}]?{X:3}") == "A3[111]?XXX")
        #expect(try expanded("{A3[12]?XX:2}") == "A3[12]?XXA3[12]?XX")
        #expect(try expanded("{a{b:2}c:2}") == "abbcabbc")
        #expect(try expanded("1{2:0}3") == "13")
        #expect(try expanded("[{#1:3}]") == "[#1#1#1]")
        #expect(try expanded("{1:10000}").count == 10_000)
        // Copies keep the position of the symbol they repeat.
        #expect(try StimulusProgram("x{12:2}").elements.map(\.position) == [0, 2, 3, 2, 3])
    }

    /// (text, position, a fragment of the message).
    static let errors: [(String, Int, String)] = [
        ("", 0, "no symbols"),
        ("{1:0}", 0, "no symbols"),
        ("A8[1]?X", 0, "REACT"),
        ("A9", 0, "instruction-following"),
        ("AC[1][1]?X", 0, "compare"),
        ("A", 0, "task digit 0–7"),
        ("A[1]?X", 0, "task digit 0–7"),
        ("A3AA", 2, "task digit 0–7"),
        ("A3M", 2, "'M'"),
        ("A3V.", 2, "'V'"),
        ("A3%I1+I2%", 2, "instruction strings"),
        ("A1[<12>]?X", 3, "MNIST"),
        ("A3>", 2, "MNIST"),
        ("(COUNT;3)", 0, "generated trials"),
        ("A3[1]?XC", 7, "visual symbol"),
        ("A3[1]L", 5, "visual symbol"),
        ("A3[1]Z", 5, "not a stimulus symbol"),
        ("A3[1]\t", 5, "not a stimulus symbol"),
        ("A3[1]?X\n", 7, "not a stimulus symbol"),
        ("A3[é]", 3, "not a stimulus symbol"),
        ("A3[1]$", 5, "not a stimulus symbol"),
        ("A1[#]?X", 3, "'#' must be followed by a digit"),
        ("A1[#a]?X", 3, "'#' must be followed by a digit"),
        ("#", 0, "'#' must be followed by a digit"),
        ("A1[#12]?X", 5, "cannot follow the handwritten digit #1"),
        ("A1[#1?]", 5, "cannot follow the handwritten digit #1"),
        ("A1#1?X", 4, "cannot follow the handwritten digit #1"),
        ("{#1:2}3", 6, "cannot follow the handwritten digit #1"),
        ("A3[12", 2, "not closed with ']' before the end"),
        ("A3[12A3[1]", 2, "before the next task"),
        ("A3[12?X", 5, "cannot stand inside a list"),
        ("A3[1X]", 4, "cannot stand inside a list"),
        ("A5[1P2]", 4, "cannot stand inside a list"),
        ("A3]1", 2, "closes no list"),
        ("A3[1[2]]", 4, "cannot be nested"),
        ("{12", 0, "not closed"),
        ("{12:3", 5, "not closed: expected '}'"),
        ("{12:", 4, "found the end"),
        ("12}", 2, "'}' without its count"),
        ("12:3}", 2, "never started"),
        ("{12:}", 4, "repetition count"),
        ("{12:x}", 4, "repetition count"),
        ("{12:-1}", 4, "repetition count"),
        ("{12:3:4}", 5, "expected '}'"),
        ("{12:3a}", 5, "expected '}'"),
        ("{1:10001}", 3, "larger than 10000"),
        ("{1:99999999999999999999999999}", 3, "larger than 10000"),
        ("{{1:100}:101}", 0, "more than 10000"),
        ("{1:5000}{1:5001}", 8, "more than 10000"),
        ("{1:10000}2", 9, "more than 10000"),
        (String(repeating: "{", count: 17) + "1" + String(repeating: ":1}", count: 17), 16, "nested more than 16"),
        ("A3[NNNNNNNNNNN]?X", 13, "more than 10 'N's"),
        ("A3[NNNNN]?X{N:6}", 12, "more than 10 'N's"),
    ]

    @Test(arguments: errors.indices)
    func typedErrorWithPosition(index: Int) {
        let (text, position, fragment) = Self.errors[index]
        do {
            let program = try StimulusProgram(text)
            Issue.record("accepted \(String(reflecting: text)): \(program.elements.count) symbols")
        } catch {
            #expect(error.kind == .validation)
            #expect(error.object == "Stimulus \(String(reflecting: text))")
            #expect(error.parameter == "position \(position)", "\(String(reflecting: text)): \(error)")
            #expect(error.message.contains(fragment), "\(String(reflecting: text)): \(error)")
        }
    }

    @Test func errorsReadAsSentences() {
        do {
            _ = try StimulusProgram("A8[1]?X")
            Issue.record("accepted A8")
        } catch {
            #expect(error.description == "Stimulus \"A8[1]?X\": position 0 A8 is Spaun 2.0's stimulus-response (REACT) task, which Spaun-lite does not implement; tasks are A0–A7")
        }
    }

    @Test func tenUniqueRandomDigitsPerTaskAreAccepted() throws {
        _ = try StimulusProgram("A3[NNNNNNNNNN]?X A3[NNNNNNNNNN]?X")
        _ = try StimulusProgram("{A3[NNNNNNNNNN]?X:5}")
    }
}
