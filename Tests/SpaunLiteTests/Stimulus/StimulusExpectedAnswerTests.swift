import Testing
import SpaunLite

/// Expected answers, for scoring: determined by the text, or by the drawn digits of a schedule.
@Suite("Stimulus expected answers")
struct StimulusExpectedAnswerTests {
    static let cases: [(String, String?)] = [
        // A0, A1: the digit classes.
        ("A1[#1]?XXX", "1"),
        ("A1[7]?X", "7"),
        ("A1[#0]?X", "0"),
        ("A0[#1]?X", "1"),
        ("A1[#1][#2]?X", nil),
        // A3: forward (default or F) and reverse (B).
        ("A3[1234]?XXXX", "1234"),
        ("A3[123]?XXXX", "123"),
        ("A3[1234]F?XXXX", "1234"),
        ("A3[1234]B?XXXX", "4321"),
        ("A3B[2567589]?XXXXXXXXX", "9857652"),
        ("A3[1.2#3]B?XXX", "321"),
        ("A3[12]FB?XX", nil),
        ("A3[12][34]?XXXX", nil),
        ("A3[NNN]?XXX", nil),
        // A4: count c up from s.
        ("A4[5][3]?XXXXXX", "8"),
        ("A4[0][9]?XXXXXXXXXXX", "9"),
        ("A4[#2][4]?XXXXX", "6"),
        ("A4[7][5]?XXXXXX", nil),
        ("A4[12][3]?XXXX", nil),
        // A5: P[k] → the k-th item; K[d] → the position of d.
        ("A5[123]P[1]?X", "1"),
        ("A5[123]K[3]?X", "3"),
        ("A5[4752]P[3]?X", "5"),
        ("A5[4752]K[2]?X", "4"),
        ("A5[4752]K[7]?X", "2"),
        ("A5[N2N]P[2]?X", "2"),
        ("A5[N2N]P[1]?X", nil),
        ("A5[123]P[4]?X", nil),
        ("A5[123]P[0]?X", nil),
        ("A5[121]K[1]?X", nil),
        ("A5[123]K[5]?X", nil),
        // A6 and A7: §1's examples.
        ("A6[12][2][82][2][42]?XXXXX", "2"),
        ("A6[8812][12][8842][42][8862][62][8832]?XXXXX", "32"),
        ("A6[12][1][34][4][56]?X", nil),
        ("A7[1][2][3][2][3][4][3][4]?X", "5"),
        ("A7[1][11][111][2][22][222][3][33]?XXXXX", "333"),
        ("A7[4][4][4][7][7][7][2][2]?X", "2"),
        ("A7[7][8][9][8][9][9][1][2]?X", nil),
        // A2 and other forms.
        ("A2?X.?X.", nil),
        ("A3[12]", nil),
        ("A3[12]?X[3]", nil),
        ("[12]?X", nil),
        // Several tasks: their answers joined.
        ("A1[#1]?XA4[5][3]?XX", "18"),
        ("A1[#1]?XA2?X.", nil),
    ]

    @Test(arguments: cases.indices)
    func expectedAnswer(index: Int) throws {
        let (text, answer) = Self.cases[index]
        let program = try StimulusProgram(text)
        #expect(program.expectedAnswer == answer, "\(text)")
        if !program.hasRandomDigits {
            #expect(try program.schedule(seed: 0).expectedAnswer == answer, "\(text)")
        }
    }

    @Test func answersPerTask() throws {
        let program = try StimulusProgram("A3[12]B?XX A2?X. A5[345]K[5]?X")
        #expect(program.tasks.map(\.expectedAnswer) == ["21", nil, "3"])
        #expect(program.expectedAnswer == nil)
        #expect(program.tasks.map(\.description) == ["A3", "A2", "A5"])
    }

    @Test func scheduleAnswersResolveRandomDigits() throws {
        let program = try StimulusProgram("A5[abc]P[2]?X A4[R][R]?XXXX")
        for seed in 0..<30 {
            let schedule = try program.schedule(seed: seed)
            // a, b, c (A5's list) and the two Rs, at these positions of the text.
            let drawnPositions: Set = [3, 4, 5, 17, 20]
            let digits = schedule.elements.compactMap { element -> Int? in
                if case .glyph(.digit(let digit)) = element.kind, drawnPositions.contains(element.position) { digit } else { nil }
            }
            #expect(digits.count == 5)
            let counted = digits[3] + digits[4]
            #expect(schedule.tasks[0].expectedAnswer == String(digits[1]))
            #expect(schedule.tasks[1].expectedAnswer == (counted <= 9 ? String(counted) : nil))
        }
    }
}
