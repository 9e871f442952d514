/// The answers that the symbols of a task determine, for scoring (the model never sees them).
///
/// A task's symbols after its `A`, with forced blanks `.` ignored, must read `presentation ? X…`:
/// the presentation below for its task, one query `?`, then only response slots `X`. Random digits
/// (`N`, `R`, letters) are unknown unless resolved (as in a ``StimulusSchedule``); an answer that
/// depends on an unknown digit is nil. Rules for each task:
/// - A0 (copy drawing) and A1 (recognition): `[L]` → the digit classes of L (typed or handwritten).
/// - A3 (serial recall): `[L]` and at most one `F` or `B` before or after it → L, reversed after `B`.
/// - A4 (counting): `[s][c]` with single digits and s + c ≤ 9 → s + c.
/// - A5 (question answering): `[L]P[k]` → the k-th item of L (1-based); `[L]K[d]` → the 1-based
///   position of d in L when d occurs exactly once (and the position is at most 9).
/// - A6 (rapid variable creation): `[q₁][a₁]…[qₙ][aₙ][q]` with n ≥ 1, all qs of one length and all as
///   of one length → for each answer position j, the rules that fit every example — "copy question
///   position i" or "the constant c" — applied to q; nil when none fits or they disagree.
///   `[12][2][82][2][42]` → `2`; `[8812][12][8842][42][8862][62][8832]` → `32`.
/// - A7 (fluid reasoning): eight cells `[c₁]…[c₈]` of a 3×3 matrix read row by row → the ninth,
///   from the rules that fit every step from one cell to the next within a row — "add the same δ to
///   every digit" (δ = 0: constant rows) or "append the cell's last digit" — applied to c₈; nil when
///   none fits or they disagree. `[1][2][3][2][3][4][3][4]` → `5`; `[1][11][111][2][22][222][3][33]` → `333`.
/// - A2 (bandit) and anything else: nil.
enum StimulusExpectedAnswer {
    /// What a task's presentation is made of.
    private enum Phrase: Equatable {
        /// A list `[…]`: its digits, nil where unknown.
        case list([Int?])
        /// A symbol outside a list.
        case glyph(StimulusGlyph)
        case response
        /// Anything else outside a list (a digit, a random digit, another task).
        case other
    }

    /// The expected answer of a task whose symbols (its `A` first) are `symbols`.
    static func answer(task: Int, symbols: [StimulusElement.Kind]) -> String? {
        let phrases = self.phrases(of: symbols.dropFirst())
        guard let query = phrases.firstIndex(of: .glyph(.query)) else { return nil }
        guard phrases[(query + 1)...].allSatisfy({ $0 == .response }) else { return nil }
        let presentation = Array(phrases[..<query])
        let digits: [Int]?
        switch task {
        case 0, 1: digits = recognition(presentation)
        case 3: digits = serialRecall(presentation)
        case 4: digits = counting(presentation)
        case 5: digits = questionAnswering(presentation)
        case 6: digits = rapidVariableCreation(presentation)
        case 7: digits = fluidReasoning(presentation)
        default: digits = nil
        }
        guard let digits, !digits.isEmpty, digits.allSatisfy({ (0...9).contains($0) }) else { return nil }
        return digits.map(String.init).joined()
    }

    private static func phrases(of symbols: ArraySlice<StimulusElement.Kind>) -> [Phrase] {
        var phrases: [Phrase] = []
        var list: [Int?]?
        for symbol in symbols {
            if symbol == .blank { continue }
            if var items = list {
                switch symbol {
                case .glyph(.close):
                    phrases.append(.list(items))
                    list = nil
                case .glyph(.digit(let digit)), .handwritten(let digit):
                    items.append(digit)
                    list = items
                default:
                    items.append(nil)
                    list = items
                }
                continue
            }
            switch symbol {
            case .glyph(.open): list = []
            case .glyph(.digit): phrases.append(.other)
            case .glyph(let glyph): phrases.append(.glyph(glyph))
            case .response: phrases.append(.response)
            default: phrases.append(.other)
            }
        }
        if list != nil { phrases.append(.other) }
        return phrases
    }

    /// The list's digits when all are known.
    private static func known(_ list: [Int?]) -> [Int]? {
        var digits: [Int] = []
        for item in list {
            guard let item else { return nil }
            digits.append(item)
        }
        return digits
    }

    /// The presentation's lists with all digits known, or nil when it holds anything else.
    private static func knownLists(_ presentation: [Phrase]) -> [[Int]]? {
        var lists: [[Int]] = []
        for phrase in presentation {
            guard case .list(let items) = phrase, let digits = known(items), !digits.isEmpty else { return nil }
            lists.append(digits)
        }
        return lists
    }

    private static func recognition(_ presentation: [Phrase]) -> [Int]? {
        guard let lists = knownLists(presentation), lists.count == 1 else { return nil }
        return lists[0]
    }

    private static func serialRecall(_ presentation: [Phrase]) -> [Int]? {
        var lists: [[Int?]] = []
        var directions: [StimulusGlyph] = []
        for phrase in presentation {
            switch phrase {
            case .list(let items): lists.append(items)
            case .glyph(.forward), .glyph(.reverse):
                if case .glyph(let glyph) = phrase { directions.append(glyph) }
            default: return nil
            }
        }
        guard lists.count == 1, directions.count <= 1, let items = known(lists[0]) else { return nil }
        return directions.first == .reverse ? items.reversed() : items
    }

    private static func counting(_ presentation: [Phrase]) -> [Int]? {
        guard let lists = knownLists(presentation), lists.count == 2,
              lists[0].count == 1, lists[1].count == 1 else { return nil }
        return [lists[0][0] + lists[1][0]]
    }

    private static func questionAnswering(_ presentation: [Phrase]) -> [Int]? {
        guard presentation.count == 3, case .list(let items) = presentation[0],
              case .glyph(let question) = presentation[1],
              case .list(let probe) = presentation[2], probe.count == 1, let value = probe[0]
        else { return nil }
        switch question {
        case .positionQuestion:
            guard value >= 1, value <= items.count, let item = items[value - 1] else { return nil }
            return [item]
        case .kindQuestion:
            guard let digits = known(items) else { return nil }
            let positions = digits.indices.filter { digits[$0] == value }
            guard positions.count == 1 else { return nil }
            return [positions[0] + 1]
        default:
            return nil
        }
    }

    private static func rapidVariableCreation(_ presentation: [Phrase]) -> [Int]? {
        guard let lists = knownLists(presentation), lists.count >= 3, lists.count % 2 == 1 else { return nil }
        let questions = stride(from: 0, to: lists.count, by: 2).map { lists[$0] }
        let answers = stride(from: 1, to: lists.count, by: 2).map { lists[$0] }
        guard let final = questions.last, let answerLength = answers.first?.count,
              questions.allSatisfy({ $0.count == final.count }),
              answers.allSatisfy({ $0.count == answerLength })
        else { return nil }
        var result: [Int] = []
        for j in 0..<answerLength {
            var candidates = Set<Int>()
            for i in final.indices where answers.indices.allSatisfy({ answers[$0][j] == questions[$0][i] }) {
                candidates.insert(final[i])
            }
            if answers.allSatisfy({ $0[j] == answers[0][j] }) {
                candidates.insert(answers[0][j])
            }
            guard candidates.count == 1, let digit = candidates.first else { return nil }
            result.append(digit)
        }
        return result
    }

    private static func fluidReasoning(_ presentation: [Phrase]) -> [Int]? {
        guard let cells = knownLists(presentation), cells.count == 8 else { return nil }
        let steps = [(0, 1), (1, 2), (3, 4), (4, 5), (6, 7)].map { (cells[$0.0], cells[$0.1]) }
        var candidates = Set<[Int]>()
        // Add the same δ to every digit.
        let delta = cells[1][0] - cells[0][0]
        if steps.allSatisfy({ step in
            step.0.count == step.1.count && zip(step.0, step.1).allSatisfy { $1 - $0 == delta }
        }) {
            candidates.insert(cells[7].map { $0 + delta })
        }
        // Append the cell's last digit.
        if steps.allSatisfy({ step in step.0.last.map { step.1 == step.0 + [$0] } ?? false }), let last = cells[7].last {
            candidates.insert(cells[7] + [last])
        }
        guard candidates.count == 1 else { return nil }
        return candidates.first
    }
}
