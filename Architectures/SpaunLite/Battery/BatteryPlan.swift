import BrainCore

/// The trials of a task's battery (design study §5.7), drawn from `RandomState(seed)`.
///
/// - **A1**: handwritten digits `A1[#d]?X`, d = 0…9 in turn (each a different image), and
///   typed digits `A1[d]?X`, one of each per two trials.
/// - **A3**: lists of lengths 3…7 (`lengths`), `trials` per length, digits without
///   repetition, `A3[…]?X…X` with one `X` per item.
/// - **A4**: every start 0…4 and count 1…5, `A4[s][c]?X…X` with `c + 3` `X`s, repeated to
///   `trials` per cell.
/// - **A5**: lists of 3 and 7 digits; for the 7-item lists a `P` and a `K` question at every
///   position, `trials` times; for the 3-item lists one `P` or `K` question each.
/// - **A6**: rapid variable creation in two forms, alternating: `xB → B` (two examples, e.g.
///   `A6[12][2][82][2][42]?XX`) and Spaun's `AAxB → xB` (three examples, e.g.
///   `A6[8812][12][8842][42][8862][62][8832]?XXX`); A, B and each x drawn anew.
/// - **A7**: Raven's-like matrices of three forms in turn: `add` (each row counts up by one
///   from a start one above the last row's, `[1][2][3][2][3][4][3][4]`), `append` (`[d][dd][ddd]`
///   for three digits), `constant` (`[d][d][d]` for three digits); one `X` more than the answer.
public struct BatteryPlan: Sendable {
    /// The tasks with a battery.
    public enum Task: String, CaseIterable, Sendable {
        /// Recognition, `A1[#d]?X`.
        case a1 = "A1"
        /// Serial recall, `A3[…]?X…X`.
        case a3 = "A3"
        /// Counting, `A4[s][c]?X…X`.
        case a4 = "A4"
        /// Question answering, `A5[…]P[k]?X` and `A5[…]K[d]?X`.
        case a5 = "A5"
        /// Rapid variable creation, `A6[q][a]…[q]?X…`.
        case a6 = "A6"
        /// Fluid reasoning, `A7[c1]…[c8]?X…`.
        case a7 = "A7"
    }

    /// One trial: the stimulus and what it measures.
    public struct Trial: Sendable, Equatable {
        /// The stimulus in Spaun 2.0's language.
        public let stimulus: String
        /// The list shown (A3, A5), the start and count (A4), or the digit (A1).
        public let digits: [Int]
        /// `P` or `K` for A5; `handwritten` or `typed` for A1; the form for A6 and A7; nil otherwise.
        public let kind: String?
        /// The position asked about (A5, 1-based).
        public let position: Int?

        /// A trial from its parts.
        public init(stimulus: String, digits: [Int], kind: String?, position: Int?) {
            (self.stimulus, self.digits, self.kind, self.position) = (stimulus, digits, kind, position)
        }
    }

    /// The task.
    public let task: Task
    /// The trials, in the order they run.
    public let trials: [Trial]

    /// - Parameters:
    ///   - count: trials per condition (A1: in all; A3: per length; A4: per start and count;
    ///     A5: per question and position of the 7-item lists, and the number of 3-item lists;
    ///     A6, A7: in all).
    ///   - task: the task whose battery this is.
    ///   - lengths: list lengths (A3 only; default 3 to 7).
    ///   - seed: draws the trials' digits.
    /// - Throws: `BrainKitError` for fewer than one trial or a length outside 1…8.
    public init(_ task: Task, trials count: Int, lengths: [Int] = [3, 4, 5, 6, 7], seed: Int) throws(BrainKitError) {
        try Check.atLeast(count, 1, "BatteryPlan \(task.rawValue)", "trials")
        for length in lengths where !(1...8).contains(length) {
            throw .validation("BatteryPlan \(task.rawValue)", "lengths", "must be 1...8, got \(length)")
        }
        self.task = task
        var random = RandomState(seed: seed)
        func list(_ length: Int) -> [Int] {
            var digits = Array(0...9)
            random.shuffle(&digits)
            return Array(digits.prefix(length))
        }
        func text(_ digits: [Int]) -> String { digits.map(String.init).joined() }
        var made: [Trial] = []
        switch task {
        case .a1:
            for index in 0..<count {
                let digit = (index / 2) % 10
                let handwritten = index % 2 == 0
                made.append(Trial(
                    stimulus: "A1[\(handwritten ? "#" : "")\(digit)]?X", digits: [digit],
                    kind: handwritten ? "handwritten" : "typed", position: nil))
            }
        case .a3:
            for length in lengths {
                for _ in 0..<count {
                    let digits = list(length)
                    made.append(Trial(
                        stimulus: "A3[\(text(digits))]?" + String(repeating: "X", count: length), digits: digits, kind: nil,
                        position: nil))
                }
            }
        case .a4:
            for _ in 0..<count {
                for start in 0...4 {
                    for step in 1...5 {
                        made.append(Trial(
                            stimulus: "A4[\(start)][\(step)]?" + String(repeating: "X", count: step + 3), digits: [start, step],
                            kind: nil, position: nil))
                    }
                }
            }
        case .a5:
            for _ in 0..<count {
                for question in ["P", "K"] {
                    for position in 1...7 {
                        let digits = list(7)
                        let probe = question == "P" ? position : digits[position - 1]
                        made.append(Trial(
                            stimulus: "A5[\(text(digits))]\(question)[\(probe)]?X", digits: digits, kind: question, position: position))
                    }
                }
            }
            for index in 0..<count {
                let digits = list(3), position = random.randint(1, 4), question = index % 2 == 0 ? "P" : "K"
                let probe = question == "P" ? position : digits[position - 1]
                made.append(Trial(
                    stimulus: "A5[\(text(digits))]\(question)[\(probe)]?X", digits: digits, kind: question, position: position))
            }
        case .a6:
            for index in 0..<count {
                let constant = index % 2 == 0
                let pair = list(2)
                let a = pair[0], b = pair[1]
                var xs = (0...9).filter { $0 != b && (constant || $0 != a) }
                random.shuffle(&xs)
                let examples = constant ? 2 : 3
                var cells: [String] = []
                for x in xs.prefix(examples) {
                    cells += constant ? ["\(x)\(b)", "\(b)"] : ["\(a)\(a)\(x)\(b)", "\(x)\(b)"]
                }
                let query = xs[examples]
                cells.append(constant ? "\(query)\(b)" : "\(a)\(a)\(query)\(b)")
                let answer = constant ? [b] : [query, b]
                made.append(Trial(
                    stimulus: "A6" + cells.map { "[\($0)]" }.joined() + "?" + String(repeating: "X", count: answer.count + 1),
                    digits: answer, kind: constant ? "xB-B" : "AAxB-xB", position: nil))
            }
        case .a7:
            for index in 0..<count {
                let rows: [[String]]
                let form: String
                switch index % 3 {
                case 0:
                    form = "add"
                    let start = random.randint(0, 6)
                    rows = (0..<3).map { row in (0..<3).map { "\(start + row + $0)" } }
                case 1:
                    form = "append"
                    rows = list(3).map { d in (1...3).map { String(repeating: "\(d)", count: $0) } }
                default:
                    form = "constant"
                    rows = list(3).map { d in Array(repeating: "\(d)", count: 3) }
                }
                let answer = rows[2][2].compactMap { Int(String($0)) }
                let cells = rows.joined().dropLast()
                made.append(Trial(
                    stimulus: "A7" + cells.map { "[\($0)]" }.joined() + "?" + String(repeating: "X", count: answer.count + 1),
                    digits: answer, kind: form, position: nil))
            }
        }
        trials = made
    }
}
