import Foundation

/// What a battery measured: accuracy with 95 % (Wilson) intervals, per-position curves (A3,
/// A5), and the response time's slope against the count (A4).
public struct BatteryReport: Sendable {
    /// One scored trial.
    public struct Result: Sendable {
        /// The trial run.
        public let trial: BatteryPlan.Trial
        /// What the model wrote.
        public let answer: String
        /// What it should have written.
        public let expected: String
        /// Response onset of the first stroke, from the start of `?` (s); nil when nothing was written.
        public let responseTime: Double?

        /// A scored trial.
        public init(trial: BatteryPlan.Trial, answer: String, expected: String, responseTime: Double?) {
            (self.trial, self.answer, self.expected, self.responseTime) = (trial, answer, expected, responseTime)
        }

        /// Whether the whole answer is right.
        public var correct: Bool { answer == expected }
        /// Items written right at their position (A3), out of the expected count.
        public var itemsRight: [Bool] {
            let written = Array(answer)
            return Array(expected).enumerated().map { $0.offset < written.count && written[$0.offset] == $0.element }
        }
    }

    /// A proportion with its interval.
    public struct Proportion: Sendable {
        /// The number of successes.
        public let successes: Int
        /// The number of trials.
        public let trials: Int
        /// `successes / trials` (0 without trials).
        public var value: Double { trials > 0 ? Double(successes) / Double(trials) : 0 }
        /// The 95 % Wilson score interval.
        public var interval: (low: Double, high: Double) { BatteryStatistics.wilsonInterval(successes: successes, trials: trials) }
        /// The percentage, its interval and the counts, e.g. `96.0 % [80.5, 99.3] (24/25)`.
        public var text: String {
            String(format: "%.1f %% [%.1f, %.1f] (%d/%d)", 100 * value, 100 * interval.low, 100 * interval.high, successes, trials)
        }
        var json: String {
            String(format: "{\"value\": %.4f, \"low\": %.4f, \"high\": %.4f, \"n\": %d}", value, interval.low, interval.high, trials)
        }
        init(_ flags: [Bool]) { (successes, trials) = (flags.filter { $0 }.count, flags.count) }
    }

    /// The task.
    public let task: BatteryPlan.Task
    /// The scored trials, in the order added.
    public private(set) var results: [Result] = []

    /// An empty report for `task`.
    public init(task: BatteryPlan.Task) { self.task = task }

    /// Adds one scored trial.
    public mutating func add(_ result: Result) { results.append(result) }

    /// Whole answers right.
    public var accuracy: Proportion { Proportion(results.map(\.correct)) }

    /// A1: accuracy of handwritten and of typed digits.
    public func accuracy(kind: String) -> Proportion { Proportion(results.filter { $0.trial.kind == kind }.map(\.correct)) }

    /// A3: items right at each position, for lists of `length`.
    public func positionCurve(length: Int) -> [Proportion] {
        let lists = results.filter { $0.trial.digits.count == length }
        return (0..<length).map { index in Proportion(lists.map { $0.itemsRight[index] }) }
    }

    /// A3: items right over all positions of lists of `length`.
    public func itemAccuracy(length: Int) -> Proportion {
        Proportion(results.filter { $0.trial.digits.count == length }.flatMap(\.itemsRight))
    }

    /// A3: of the items not right, the share written as `-` or not written (don't know).
    public var dontKnowShareOfErrors: Proportion {
        var flags: [Bool] = []
        for result in results {
            let written = Array(result.answer)
            for (index, right) in result.itemsRight.enumerated() where !right {
                flags.append(index >= written.count || written[index] == "-")
            }
        }
        return Proportion(flags)
    }

    /// A5: answers right for `kind` (P or K) at each position of the 7-item lists.
    public func questionCurve(kind: String) -> [Proportion] {
        (1...7).map { position in
            Proportion(results.filter { $0.trial.digits.count == 7 && $0.trial.kind == kind && $0.trial.position == position }.map(\.correct))
        }
    }

    /// A5: answers right for lists of `length`.
    public func accuracy(listLength length: Int) -> Proportion {
        Proportion(results.filter { $0.trial.digits.count == length }.map(\.correct))
    }

    /// A4: the response time against the count, over correct trials: slope (s per count),
    /// intercept and R²; and mean and SD of the response time per count.
    public var countingFit: (slope: Double, intercept: Double, r2: Double)? {
        let right = results.filter { $0.correct && $0.responseTime != nil }
        return BatteryStatistics.linearFit(x: right.map { Double($0.trial.digits[1]) }, y: right.compactMap(\.responseTime))
    }

    /// Mean and standard deviation of the response time of the right A4 trials with
    /// count `count`, and their number.
    public func responseTimes(count: Int) -> (mean: Double, sd: Double, n: Int) {
        let times = results.filter { $0.correct && $0.trial.digits.count == 2 && $0.trial.digits[1] == count }.compactMap(\.responseTime)
        guard !times.isEmpty else { return (0, 0, 0) }
        let mean = times.reduce(0, +) / Double(times.count)
        let variance = times.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(times.count - 1, 1))
        return (mean, variance.squareRoot(), times.count)
    }

    /// The trials' kinds (A6 and A7: their forms), in the order they first appear.
    var kinds: [String] {
        var seen: [String] = []
        for kind in results.compactMap(\.trial.kind) where !seen.contains(kind) { seen.append(kind) }
        return seen
    }

    /// The report as text lines.
    public var lines: [String] {
        var lines = ["\(task.rawValue): \(results.count) trials, whole answers right \(accuracy.text)"]
        switch task {
        case .a1:
            lines.append("  handwritten \(accuracy(kind: "handwritten").text)")
            lines.append("  typed       \(accuracy(kind: "typed").text)")
        case .a3:
            for length in Set(results.map(\.trial.digits.count)).sorted() {
                let curve = positionCurve(length: length).map { String(format: "%.2f", $0.value) }.joined(separator: " ")
                lines.append("  length \(length): items right \(itemAccuracy(length: length).text); by position \(curve)")
            }
            lines.append("  errors written as '-' or left out: \(dontKnowShareOfErrors.text)")
        case .a4:
            for count in 1...5 {
                let rt = responseTimes(count: count)
                lines.append(String(format: "  count %d: RT %.3f s (SD %.3f, n %d)", count, rt.mean, rt.sd, rt.n))
            }
            if let fit = countingFit {
                lines.append(String(format: "  RT slope %.0f ms per count, R² %.3f", 1000 * fit.slope, fit.r2))
            }
        case .a5:
            lines.append("  3-item lists \(accuracy(listLength: 3).text); 7-item lists \(accuracy(listLength: 7).text)")
            for kind in ["P", "K"] {
                let curve = questionCurve(kind: kind).map { String(format: "%.2f", $0.value) }.joined(separator: " ")
                lines.append("  7 items, \(kind) by position: \(curve)")
            }
        case .a6, .a7:
            for kind in kinds { lines.append("  \(kind): \(accuracy(kind: kind).text)") }
        }
        return lines
    }

    /// The report as JSON: the task, the accuracy and the measures above, and every trial.
    public var json: String {
        var fields = ["\"task\": \"\(task.rawValue)\"", "\"accuracy\": \(accuracy.json)"]
        func list(_ proportions: [Proportion]) -> String { "[" + proportions.map(\.json).joined(separator: ", ") + "]" }
        switch task {
        case .a1:
            fields.append("\"handwritten\": \(accuracy(kind: "handwritten").json)")
            fields.append("\"typed\": \(accuracy(kind: "typed").json)")
        case .a3:
            let lengths = Set(results.map(\.trial.digits.count)).sorted()
            fields.append("\"items\": {" + lengths.map { "\"\($0)\": \(itemAccuracy(length: $0).json)" }.joined(separator: ", ") + "}")
            fields.append("\"positions\": {" + lengths.map { "\"\($0)\": \(list(positionCurve(length: $0)))" }.joined(separator: ", ") + "}")
            fields.append("\"dont_know_share_of_errors\": \(dontKnowShareOfErrors.json)")
        case .a4:
            if let fit = countingFit {
                fields.append(String(format: "\"rt_slope_s\": %.4f, \"rt_intercept_s\": %.4f, \"rt_r2\": %.4f", fit.slope, fit.intercept, fit.r2))
            }
            fields.append("\"rt_by_count\": [" + (1...5).map { count in
                let rt = responseTimes(count: count)
                return String(format: "{\"count\": %d, \"mean_s\": %.4f, \"sd_s\": %.4f, \"n\": %d}", count, rt.mean, rt.sd, rt.n)
            }.joined(separator: ", ") + "]")
        case .a5:
            fields.append("\"three_items\": \(accuracy(listLength: 3).json), \"seven_items\": \(accuracy(listLength: 7).json)")
            fields.append("\"P_by_position\": \(list(questionCurve(kind: "P"))), \"K_by_position\": \(list(questionCurve(kind: "K")))")
        case .a6, .a7:
            fields.append("\"forms\": {" + kinds.map { "\"\($0)\": \(accuracy(kind: $0).json)" }.joined(separator: ", ") + "}")
        }
        let trials = results.map { result in
            "{\"stimulus\": \"\(result.trial.stimulus)\", \"answer\": \"\(result.answer)\", \"expected\": \"\(result.expected)\", "
                + "\"rt_s\": \(result.responseTime.map { String(format: "%.4f", $0) } ?? "null")}"
        }
        fields.append("\"trials\": [" + trials.joined(separator: ", ") + "]")
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
