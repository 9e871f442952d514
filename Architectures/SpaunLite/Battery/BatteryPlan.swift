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
    }

    /// One trial: the stimulus and what it measures.
    public struct Trial: Sendable, Equatable {
        /// The stimulus in Spaun 2.0's language.
        public let stimulus: String
        /// The list shown (A3, A5), the start and count (A4), or the digit (A1).
        public let digits: [Int]
        /// `P` or `K` for A5; `handwritten` or `typed` for A1; nil otherwise.
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
    ///     A5: per question and position of the 7-item lists, and the number of 3-item lists).
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
        }
        trials = made
    }
}
