import BrainCore
import BrainTestSupport
import Testing
import SpaunLite

/// Random strings from the stimulus alphabet and some junk: each parses or throws a
/// BrainKitError naming a position in the text, and never traps or hangs.
@Suite("Stimulus parser fuzzing")
struct StimulusParserFuzzTests {
    static let alphabet: [String] =
        ["A0", "A3", "A5", "A7", "A", "[", "]", "[", "]", "?", "X", "X", "P", "K", "F", "B", "N", "R", "#", "#1", "#9",
         ".", "{", "{", "}", ":", "0", "1", "2", "9", "a", "b", "z", " "]
    static let junk: [String] =
        ["%", "<", ">", "(", ")", ";", "M", "V", "C", "8", "A8", "A9", "AC", "\t", "é", "🧠", "\r\n", "-", "$"]
    static let counts = ["0", "1", "2", "3", "10", "100", "9999", "10000", "10001", "", "x", "99999999999999999999999"]

    @Test(.timeLimit(.minutes(2)))
    func randomStringsParseOrThrow() throws {
        var generator = SplitMix64(seed: 0x57_1A_0F_5EED)
        var accepted = 0, rejected = 0, expansions = 0
        for index in 0..<20_000 {
            let text: String
            switch index % 3 {
            case 0: text = Self.randomSymbols(Self.alphabet, using: &generator)
            case 1: text = Self.randomSymbols(Self.alphabet + Self.junk, using: &generator)
            default: text = Self.mutatedChunks(using: &generator)
            }
            let length = text.count
            do {
                let program = try StimulusProgram(text)
                accepted += 1
                #expect(!program.elements.isEmpty && program.elements.count <= StimulusParser.maximumExpandedLength)
                if program.elements.count > length { expansions += 1 }
                let schedule = try program.schedule(seed: accepted)
                Self.checkInvariants(schedule, text: text)
            } catch {
                rejected += 1
                #expect(error.kind == .validation)
                #expect(error.object == "Stimulus \(String(reflecting: text))")
                let position = error.parameter.flatMap { $0.hasPrefix("position ") ? Int($0.dropFirst(9)) : nil }
                #expect(position.map { (0...text.count).contains($0) } == true, "\(String(reflecting: text)): \(error)")
            }
        }
        #expect(accepted > 2_000 && rejected > 5_000 && expansions > 100, "accepted \(accepted), rejected \(rejected), expanded \(expansions)")
    }

    /// Inputs built to be slow or deep are bounded by the expansion and nesting limits.
    @Test(.timeLimit(.minutes(1)))
    func hostileInputsAreBounded() throws {
        let rejected: [(String, Int)] = [
            (String(repeating: "{", count: 100_000), 16),
            (String(repeating: "1", count: 100_000), 10_000),
            (String(repeating: "{1:10000}", count: 2), 10),  // the second group's 1
            (String(repeating: "{{1:100}:100}", count: 2) + "2", 15),
            (String(repeating: "N", count: 11), 10),
        ]
        for (text, position) in rejected {
            #expect(throws: BrainKitError.self) { _ = try StimulusProgram(text) }
            do { _ = try StimulusProgram(text) } catch { #expect(error.parameter == "position \(position)") }
        }
        // Repetitions that expand and are then dropped cost at most 10,000 copies each.
        let dropped = String(repeating: "{{{1:100}:100}:0}", count: 300) + "A3[1]?X"
        #expect(try StimulusProgram(dropped).elements.count == 6)
        // The largest stimulus lays out.
        let largest = try StimulusProgram("{A3[NNNNNNNNNN]?XXXXXXXXXX:" + String(10_000 / 24) + "}" + String(repeating: "R", count: 10_000 % 24))
        #expect(largest.elements.count == 10_000)
        let schedule = try largest.schedule(seed: 3)
        #expect(schedule.responseWindows.count == 10_000 / 24)
        #expect(schedule.tasks.count == 10_000 / 24)
    }

    /// Up to 30 symbols of `symbols`, with repetition ends `:n}` mixed in (large counts rarely).
    static func randomSymbols(_ symbols: [String], using generator: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...30, using: &generator) {
            if Int.random(in: 0..<8, using: &generator) == 0 {
                text += ":" + randomCount(using: &generator) + "}"
            } else {
                text += symbols.randomElement(using: &generator) ?? "X"
            }
        }
        return text
    }

    static func randomCount(using generator: inout SplitMix64) -> String {
        Int.random(in: 0..<50, using: &generator) == 0
            ? counts.randomElement(using: &generator) ?? "1"
            : String(Int.random(in: 0...4, using: &generator))
    }

    /// Well-formed pieces, some repeated, with 0–2 characters inserted, deleted or replaced.
    static func mutatedChunks(using generator: inout SplitMix64) -> String {
        let chunks = ["A3", "A1", "A4", "A5", "[12]", "[#1.]", "[NR]", "[ab]", "?X", "?XX", "B", "F", "P[1]", "K[2]", ".", "X", "#4"]
        var text = ""
        for _ in 0..<Int.random(in: 1...6, using: &generator) {
            let chunk = chunks.randomElement(using: &generator) ?? "X"
            text += Int.random(in: 0..<4, using: &generator) == 0 ? "{\(chunk):\(randomCount(using: &generator))}" : chunk
        }
        var characters = Array(text)
        for _ in 0..<Int.random(in: 0...2, using: &generator) where !characters.isEmpty {
            let at = Int.random(in: 0..<characters.count, using: &generator)
            let replacement = Character((alphabet + junk).randomElement(using: &generator)?.first.map(String.init) ?? "X")
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: characters.insert(replacement, at: at)
            case 1: characters.remove(at: at)
            default: characters[at] = replacement
            }
        }
        return String(characters)
    }

    /// Well-formed strings built from the grammar are all accepted.
    @Test func wellFormedStringsAreAccepted() throws {
        var generator = SplitMix64(seed: 2024)
        let items = ["1", "#3", "N", "R", "a", "."]
        for _ in 0..<2_000 {
            var text = "A\(Int.random(in: 0...7, using: &generator))"
            var uniqueRandomDigits = 0
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                text += "["
                for _ in 0..<Int.random(in: 0...4, using: &generator) {
                    var item = items.randomElement(using: &generator) ?? "1"
                    if item == "N" {
                        uniqueRandomDigits += 1
                        if uniqueRandomDigits > 10 { item = "R" }
                    }
                    text += item == "#3" ? "#3." : item
                }
                text += "]"
                text += ["", "P", "K", "F", "B", "."].randomElement(using: &generator) ?? ""
            }
            text += "?" + String(repeating: "X", count: Int.random(in: 0...5, using: &generator))
            if Bool.random(using: &generator) { text = "{" + text + ":\(Int.random(in: 1...3, using: &generator))}" }
            let schedule = try StimulusProgram(text).schedule(seed: 1)
            Self.checkInvariants(schedule, text: text)
        }
    }

    static func checkInvariants(_ schedule: StimulusSchedule, text: String) {
        let items = schedule.items
        #expect(items.first?.slots.lowerBound == 0, "\(text)")
        #expect(items.last?.slots.upperBound == schedule.slotCount, "\(text)")
        #expect(zip(items, items.dropFirst()).allSatisfy { $0.slots.upperBound == $1.slots.lowerBound }, "\(text)")
        #expect(items.allSatisfy { !$0.slots.isEmpty && $0.start < $0.end }, "\(text)")
        let responses = schedule.elements.filter { $0.kind == .response }.count
        #expect(schedule.responseWindows.reduce(0) { $0 + $1.responses } == responses, "\(text)")
        // No separator except between identical glyphs.
        for (index, item) in items.enumerated() where item.content == .blank(.separator) {
            let before = items[..<index].last { if case .blank(.forced) = $0.content { false } else { true } }
            let after = index + 1 < items.count ? items[index + 1] : nil
            #expect(before?.content == after?.content, "\(text)")
        }
    }
}
