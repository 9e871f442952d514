import BrainCore
import Testing
import SpaunLite

/// Random digits: `N` (without replacement within a task), `R` (with replacement) and lowercase
/// variables, drawn reproducibly from a seed.
@Suite("Stimulus random digits")
struct StimulusRandomDigitTests {
    /// The digits drawn for the symbols of the text (in order), read from the resolved elements.
    static func drawn(_ schedule: StimulusSchedule, program: StimulusProgram) -> [Int] {
        zip(program.elements, schedule.elements).compactMap { original, resolved in
            switch original.kind {
            case .uniqueRandomDigit, .randomDigit, .variable:
                if case .glyph(.digit(let digit)) = resolved.kind { return digit }
                return -1
            default:
                return nil
            }
        }
    }

    @Test func sameSeedSameSchedule() throws {
        let program = try StimulusProgram("A3[NNNNR]?XXXXX A5[abcd]K[a]?X A4[R][R]?XXX")
        #expect(program.hasRandomDigits)
        for seed in [0, 1, 42, 4_294_967_295] {
            let first = try program.schedule(seed: seed)
            let second = try program.schedule(seed: seed)
            #expect(first == second)
            var random = RandomState(seed: seed)
            #expect(program.schedule(random: &random) == first)
        }
        let draws = Set(try (0..<20).map { Self.drawn(try program.schedule(seed: $0), program: program) })
        #expect(draws.count > 15, "different seeds draw different digits")
        // A schedule's resolved text has no random symbols left.
        let resolved = try program.schedule(seed: 3).resolvedText
        #expect(!resolved.contains { "NRabcd".contains($0) })
        #expect(StimulusScheduleTests.render(try StimulusProgram(resolved).schedule(seed: 0)) == StimulusScheduleTests.render(try program.schedule(seed: 3)))
    }

    @Test func drawsFollowRandomStateInTextOrder() throws {
        let program = try StimulusProgram("A3[RNa]?X")
        var random = RandomState(seed: 5)
        let r = random.randint(0, 10)
        var remaining = Array(0...9)
        let n = remaining.remove(at: random.randint(0, 10))
        let a = random.randint(0, 10)
        #expect(Self.drawn(try program.schedule(seed: 5), program: program) == [r, n, a])
    }

    @Test func uniqueRandomDigitsDoNotRepeatWithinATask() throws {
        let program = try StimulusProgram("A3[NNNNNNNNNN]?X A3[NNNNN]?X [NN] A3[N]{N:9}?X")
        for seed in 0..<200 {
            let schedule = try program.schedule(seed: seed)
            let digits = Self.drawn(schedule, program: program)
            #expect(digits.count == 10 + 7 + 10)
            #expect(Set(digits[0..<10]) == Set(0...9), "a full task draws every digit once (seed \(seed))")
            #expect(Set(digits[10..<17]).count == 7, "the Ns of '[NN]' share the second task's pool (seed \(seed))")
            #expect(Set(digits[17..<27]) == Set(0...9), "Ns outside a list count too (seed \(seed))")
        }
    }

    @Test func uniqueRandomDigitsPerTaskAreIndependentAcrossTasks() throws {
        let program = try StimulusProgram("{A3[NNNNNNNNNN]?X:3}")
        var first = Set<Int>()
        for seed in 0..<50 {
            let digits = Self.drawn(try program.schedule(seed: seed), program: program)
            for task in 0..<3 {
                #expect(Set(digits[(task * 10)..<(task * 10 + 10)]) == Set(0...9))
            }
            first.insert(digits[0])
        }
        #expect(first.count == 10, "every digit is drawn first for some seed: \(first.sorted())")
    }

    @Test func randomDigitsAreDrawnWithReplacement() throws {
        let program = try StimulusProgram("A3[RRRRRRRRRRRR]?X")
        for seed in 0..<20 {
            let digits = Self.drawn(try program.schedule(seed: seed), program: program)
            #expect(digits.count == 12 && digits.allSatisfy { (0...9).contains($0) })
            #expect(Set(digits).count < 12)  // 12 draws of 10 digits repeat (pigeonhole)
        }
        // The separator between identical consecutive drawn digits is part of the timing.
        for seed in 0..<20 {
            let schedule = try program.schedule(seed: seed)
            let digits = Self.drawn(schedule, program: program)
            let repeats = zip(digits, digits.dropFirst()).filter { $0 == $1 }.count
            #expect(schedule.items.filter { $0.content == .blank(.separator) }.count == repeats)
            #expect(schedule.slotCount == 2 + 1 + 12 + repeats + 1 + 1 + 6)
        }
    }

    @Test func variablesAreOneDigitPerLetterAndTask() throws {
        let program = try StimulusProgram("A3[abcab]?X A3[a]?X")
        var sameAcrossTasks = 0
        for seed in 0..<100 {
            let digits = Self.drawn(try program.schedule(seed: seed), program: program)
            #expect(digits[0] == digits[3] && digits[1] == digits[4])
            if digits[5] == digits[0] { sameAcrossTasks += 1 }
        }
        #expect(sameAcrossTasks < 40, "a new task draws its letters again (\(sameAcrossTasks) of 100 equal)")
    }

    @Test func expectedAnswersUseTheDrawnDigits() throws {
        let program = try StimulusProgram("A3[NNNN]B?XXXX")
        #expect(program.expectedAnswer == nil)
        for seed in 0..<10 {
            let schedule = try program.schedule(seed: seed)
            let digits = Self.drawn(schedule, program: program)
            #expect(schedule.expectedAnswer == digits.reversed().map(String.init).joined())
            #expect(schedule.tasks.first?.expectedAnswer == schedule.expectedAnswer)
        }
    }

    @Test func seedsOutsideTheGeneratorsRangeAreErrors() throws {
        let program = try StimulusProgram("A3[N]?X")
        for seed in [-1, 4_294_967_296, Int.max, Int.min] {
            #expect(throws: BrainKitError.self) { _ = try program.schedule(seed: seed) }
        }
    }
}
