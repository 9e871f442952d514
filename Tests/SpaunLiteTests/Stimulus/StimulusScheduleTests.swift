import BrainCore
import Testing
import SpaunLite

/// Schedules: Spaun 2.0's preset durations, item-by-item layouts, response windows and the
/// classic profile.
@Suite("Stimulus schedules")
struct StimulusScheduleTests {
    /// The simulated time of each Spaun 2.0 preset (docs/spaun-lite.md §1.2, computed by running
    /// the real experimenter.py), to 1 ms.
    static let presets: [(text: String, seconds: Double)] = [
        ("A0[#1]?X", 2.4),
        ("A1[#1]?XXX", 4.4),
        ("A3[123]?XXXX", 5.8),
        ("A3[1234]?XXXX", 6.0),
        ("A3[2567589]?" + String(repeating: "X", count: 9), 11.2),
        ("A4[5][3]?" + String(repeating: "X", count: 6), 7.8),
        ("A4[0][9]?" + String(repeating: "X", count: 11), 12.4),
        ("A5[123]K[3]?X", 3.6),
        ("A6[12][2][82][2][42]?XXXXX", 9.2),
        ("A6[8812][12][8842][42][8862][62][8832]?XXXXX", 13.6),
        ("A7[1][2][3][2][3][4][3][4]?X", 6.6),
        ("A7[1][11][111][2][22][222][3][33]?XXXXX", 13.2),
    ]

    @Test(arguments: presets.indices)
    func presetDuration(index: Int) throws {
        let (text, seconds) = Self.presets[index]
        let schedule = try StimulusProgram(text).schedule(seed: 1)
        #expect(abs(schedule.duration - seconds) < 0.0005, "\(text): \(schedule.duration) s, expected \(seconds) s")
        #expect(schedule.slotCount == Int((seconds / 0.2).rounded()), "\(text)")
        // The same whatever the seed (these presets draw no digits).
        #expect(try StimulusProgram(text).schedule(seed: 99).slotCount == schedule.slotCount)
    }

    /// One bandit trial `?X.` is 8 slots (1.6 s), the end wait adding 2 slots after the last.
    @Test func banditTrialsTakeEightSlots() throws {
        for trials in [1, 2, 5, 60] {
            let schedule = try StimulusProgram("A2" + String(repeating: "?X.", count: trials)).schedule(seed: 0)
            #expect(schedule.slotCount == 2 + 8 * trials + 2, "\(trials) trials")
        }
        let sixty = try StimulusProgram("A2{?X.:60}").schedule(seed: 0)
        #expect(abs(sixty.duration - (0.4 + 96 + 0.4)) < 0.0005)
    }

    /// Response waits: ⌊(n + 0.5) × (1/3 + 0.6) / 0.2⌋ slots for a run of n Xs.
    @Test func responseWaitSlots() {
        let expected = [2, 6, 11, 16, 21, 25, 30, 35, 39, 44, 49, 53]
        for (n, slots) in expected.enumerated() {
            #expect(StimulusTiming.spaun2.responseWaitSlots(responses: n) == slots, "n = \(n)")
        }
        // The classic profile waits in cells of a symbol and a blank (0.3 s): ⌊(n + 0.5) × 0.9333 / 0.3⌋ cells.
        #expect(StimulusTiming.classic.responseWaitSlots(responses: 0) == 2)
        #expect(StimulusTiming.classic.responseWaitSlots(responses: 1) == 8)
        #expect(StimulusTiming.classic.responseWaitSlots(responses: 4) == 28)
        #expect(StimulusTiming.spaun2.responseWaitSlots(responses: -3) == 2)
        #expect(StimulusTiming.spaun2.responseWaitSlots(responses: Int.max) > 0)
    }

    @Test func identicalConsecutiveSymbolsAreSeparatedByABlank() throws {
        let schedule = try StimulusProgram("A3[11]?X").schedule(seed: 0)
        #expect(Self.render(schedule) == "A 3 [ 1 _ 1 ] ? X6")
        #expect(schedule.slotCount == 14)
        #expect(abs(schedule.duration - 2.8) < 1e-9)
        // Item times: slot k starts at 0.2·k.
        let second = schedule.items[5]
        #expect(second.content == .glyph(.digit(1)))
        #expect(second.slots == 5..<6)
        #expect(abs(second.start - 1.0) < 1e-12 && abs(second.end - 1.2) < 1e-12)
        #expect(second.position == 4)
        #expect(schedule.items[4].content == .blank(.separator) && schedule.items[4].position == nil)
        // The items tile the schedule.
        #expect(schedule.items.first?.slots.lowerBound == 0)
        #expect(zip(schedule.items, schedule.items.dropFirst()).allSatisfy { $0.slots.upperBound == $1.slots.lowerBound })
        #expect(schedule.items.last?.slots.upperBound == schedule.slotCount)
        // The task start shows A and then its digit; both belong to task 0.
        #expect(schedule.items[0].content == .glyph(.task) && schedule.items[1].content == .glyph(.digit(3)))
        #expect(schedule.items.allSatisfy { $0.task == 0 })
    }

    @Test func layoutsItemByItem() throws {
        let cases: [(String, String)] = [
            ("A1[#1]?XXX", "A 1 [ #1 ] ? X16"),
            ("A3[1234]B?XXXX", "A 3 [ 1 2 3 4 ] R ? X21"),
            ("A33", "A 3 _ 3 E2"),
            ("A3[1.1]?X", "A 3 [ 1 . _ 1 ] ? X6"),      // '.' does not reset "consecutive" (Spaun 2.0)
            ("A3[1..2]?X", "A 3 [ 1 . . 2 ] ? X6"),
            ("A3[1]?X?", "A 3 [ 1 ] ? X6 ? E2"),        // a wait resets it: no separator between ? and ?
            ("A0[#1#1]?X", "A 0 [ #1 #1 ] ? X6"),       // two handwritten images are never identical
            ("A2?X.?X.", "A 2 ? X6 . ? X6 . E2"),
            ("XX1X", "X11 1 X6"),
            ("1", "1 E2"),
            ("A5[123]P[1]?X", "A 5 [ 1 2 3 ] P [ 1 ] ? X6"),
            ("A4[5][5]?X", "A 4 [ 5 ] [ 5 ] ? X6"),
        ]
        for (text, expected) in cases {
            let schedule = try StimulusProgram(text).schedule(seed: 0)
            #expect(Self.render(schedule) == expected, "\(text)")
        }
    }

    @Test func handwrittenOccurrencesCountPerClass() throws {
        let schedule = try StimulusProgram("A0[#1#2#1]?XA0[#1]?X").schedule(seed: 0)
        let handwritten = schedule.items.compactMap { item -> [Int]? in
            if case .handwritten(let digit, let occurrence) = item.content { [digit, occurrence] } else { nil }
        }
        #expect(handwritten == [[1, 0], [2, 0], [1, 1], [1, 2]])
    }

    @Test func responseWindows() throws {
        let schedule = try StimulusProgram("A2?X.?XX.A3[1]?XXX").schedule(seed: 0)
        let windows = schedule.responseWindows
        #expect(windows.map(\.responses) == [1, 2, 3])
        #expect(windows.map(\.slots) == [3..<9, 11..<22, 29..<45])
        #expect(windows.map(\.position) == [3, 6, 15])
        #expect(windows.map(\.task) == [0, 0, 1])
        #expect(abs(windows[1].start - 2.2) < 1e-12 && abs(windows[1].end - 4.4) < 1e-12)
        #expect(schedule.slotCount == 45)
        // Each window is a response blank among the items.
        for window in windows {
            #expect(schedule.items.contains { $0.content == .blank(.response) && $0.slots == window.slots })
        }
        // The X wait is attributed to the task of its Xs even when the next task starts right after.
        let split = try StimulusProgram("A1[1]?XA1[2]?X").schedule(seed: 0)
        #expect(split.responseWindows.map(\.task) == [0, 1])
    }

    @Test func classicProfileShowsEachSymbolForHalfItsCell() throws {
        let schedule = try StimulusProgram("A3[11]?X").schedule(timing: .classic, seed: 0)
        #expect(Self.render(schedule) == "A - 3 - [ - 1 - 1 - ] - ? - X8")
        #expect(schedule.slotCount == 22)
        #expect(abs(schedule.duration - 3.3) < 1e-9)
        let first = schedule.items[0]
        #expect(abs(first.end - 0.15) < 1e-12 && abs(schedule.items[1].end - 0.3) < 1e-12)
        let dotted = try StimulusProgram("A2?X.").schedule(timing: .classic, seed: 0)
        #expect(Self.render(dotted) == "A - 2 - ? - X8 .2 E2")
    }

    @Test func customTimingIsValidated() throws {
        let timing = try StimulusTiming(presentationInterval: 0.1, blankAfterEverySymbol: false, digitResponseTime: 0.5)
        #expect(timing.responseWaitSlots(responses: 1) == 7)
        let zeroWait = try StimulusTiming(presentationInterval: 0.1, blankAfterEverySymbol: false, digitResponseTime: 0)
        let schedule = try StimulusProgram("A1[1]?X").schedule(timing: zeroWait, seed: 0)
        #expect(schedule.slotCount == 6 && schedule.responseWindows.first?.slots == 6..<6)
        for (interval, response) in [(0.0, 1.0), (-0.2, 1.0), (Double.nan, 1.0), (.infinity, 1.0), (0.0001, 1.0),
                                     (0.2, -1.0), (0.2, .nan), (0.2, 61.0)] {
            #expect(throws: BrainKitError.self) {
                _ = try StimulusTiming(presentationInterval: interval, blankAfterEverySymbol: false, digitResponseTime: response)
            }
        }
    }

    @Test func itemAtTime() throws {
        let schedule = try StimulusProgram("A3[11]?X").schedule(seed: 0)
        #expect(schedule.item(at: 0)?.content == .glyph(.task))
        #expect(schedule.item(at: 0.2)?.content == .glyph(.digit(3)))
        #expect(schedule.item(at: 600 * 0.001)?.content == .glyph(.digit(1)))  // 0.6/0.2 rounds below 3
        #expect(schedule.item(at: 0.85)?.content == .blank(.separator))
        #expect(schedule.item(at: 2.7)?.content == .blank(.response))
        #expect(schedule.item(at: 2.8) == nil)
        #expect(schedule.item(at: -0.1) == nil)
        #expect(schedule.item(at: .nan) == nil)
        for step in 0..<2800 {
            let time = Double(step) * 0.001
            let item = schedule.item(at: time)
            #expect(item.map { $0.start - 1e-9 <= time && time < $0.end - 1e-9 } == true, "t = \(time)")
        }
    }

    /// A compact rendering: glyph characters, `#d`, `_` separator, `-` interstimulus blank, `.`
    /// forced blank (`.k` when k slots), `Xk` response wait of k slots, `Ek` end wait.
    static func render(_ schedule: StimulusSchedule) -> String {
        schedule.items.map { item in
            let count = item.slots.count
            switch item.content {
            case .glyph(let glyph): return String(glyph.character)
            case .handwritten(let digit, _): return "#\(digit)"
            case .blank(.separator): return "_"
            case .blank(.interstimulus): return "-"
            case .blank(.forced): return count == 1 ? "." : ".\(count)"
            case .blank(.response): return "X\(count)"
            case .blank(.end): return "E\(count)"
            }
        }.joined(separator: " ")
    }
}
