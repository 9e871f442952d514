/// A stimulus laid out in time: what is shown when, and when the model is to respond.
///
/// Made by ``StimulusProgram/schedule(timing:seed:)`` with every random digit drawn. The items
/// cover the schedule without gaps or overlaps, from 0 to ``duration``; the timing rule is
/// ``StimulusTiming``'s. For example, with Spaun 2.0's timing `A3[11]?X` is
/// `A 3 [ 1 _ 1 ] ?` (one slot each, the blank separating the two 1s) and then a response
/// wait of 6 slots: 14 slots in all, 2.8 s.
public struct StimulusSchedule: Hashable, Sendable {
    /// The timing profile the schedule was laid out with.
    public let timing: StimulusTiming
    /// The program's symbols with random digits drawn (as typed digits).
    public let elements: [StimulusElement]
    /// The tasks, with answers determined by the drawn digits.
    public let tasks: [StimulusTask]
    /// What is shown, in order.
    public let items: [StimulusItem]
    /// The waits after runs of `X`, in order.
    public let responseWindows: [StimulusResponseWindow]
    /// The number of slots of ``StimulusTiming/presentationInterval`` the schedule lasts.
    public let slotCount: Int

    /// The schedule's length, in seconds: the simulated time the stimulus needs.
    public var duration: Double { timing.time(ofSlot: slotCount) }

    /// Every task's expected answer joined, as ``StimulusProgram/expectedAnswer`` but with the
    /// random digits drawn; nil when there is no task or any task's answer is not determined.
    public var expectedAnswer: String? { StimulusProgram.joinedAnswer(of: tasks) }

    /// The stimulus with its random digits drawn and repetitions expanded, e.g. `A3[4071]?XXXX`.
    public var resolvedText: String { elements.map(\.description).joined() }

    /// The item shown at time `time` (seconds from the stimulus start), or nil outside
    /// `0..<duration`. A time within 1 ns of a slot boundary counts as the later slot, so that
    /// `t = n·dt` lands where it should despite rounding.
    public func item(at time: Double) -> StimulusItem? {
        itemIndex(at: time).map { items[$0] }
    }

    /// The index in ``items`` of the item shown at `time`, as ``item(at:)`` finds it.
    public func itemIndex(at time: Double) -> Int? {
        guard time.isFinite else { return nil }
        let position = time / timing.presentationInterval + 1e-9 / timing.presentationInterval
        guard position >= 0, position < Double(slotCount) else { return nil }
        let slot = Int(position)
        var low = 0, high = items.count
        while low < high {
            let middle = (low + high) / 2
            if items[middle].slots.upperBound <= slot { low = middle + 1 } else { high = middle }
        }
        return low < items.count ? low : nil
    }

    /// Lays out `elements`, whose random digits are already drawn.
    init(elements: [StimulusElement], timing: StimulusTiming) {
        var layout = Layout(timing: timing)
        for element in elements {
            layout.add(element)
        }
        layout.finish()
        self.timing = timing
        self.elements = elements
        self.items = layout.items
        self.responseWindows = layout.windows
        self.slotCount = layout.slot
        let starts = elements.indices.filter { if case .task = elements[$0].kind { true } else { false } }
        self.tasks = starts.enumerated().map { number, start in
            StimulusTask(elements: elements, range: start..<(number + 1 < starts.count ? starts[number + 1] : elements.count))
        }
    }

    /// The layout in progress: Spaun 2.0's `parse_raw_seq` with its blanks and motor waits.
    private struct Layout {
        let timing: StimulusTiming
        var items: [StimulusItem] = []
        var windows: [StimulusResponseWindow] = []
        var slot = 0
        /// The index of the current task; nil before the first.
        var task: Int?
        /// The last glyph shown, for the separator between identical symbols; nil after a
        /// handwritten image or a response wait (forced blanks leave it alone, as in Spaun 2.0).
        var previous: StimulusGlyph?
        /// The `X`s waiting for their response wait: how many, the first one's position, its task.
        var responses = 0
        var responsesPosition = 0
        var responsesTask: Int?
        /// How many images of each handwritten class have been shown.
        var handwrittenCounts = [Int](repeating: 0, count: 10)

        init(timing: StimulusTiming) {
            self.timing = timing
        }

        mutating func add(_ element: StimulusElement) {
            if element.kind == .response {
                if responses == 0 {
                    responsesPosition = element.position
                    responsesTask = task
                }
                responses += 1
                return
            }
            if responses > 0 {
                addResponseWait()
            }
            switch element.kind {
            case .task(let number):
                task = (task ?? -1) + 1
                show(.glyph(.task), position: element.position)
                show(.glyph(.digit(number)), position: element.position)
            case .glyph(let glyph):
                show(.glyph(glyph), position: element.position)
            case .handwritten(let digit):
                let occurrence = handwrittenCounts.indices.contains(digit) ? handwrittenCounts[digit] : 0
                if handwrittenCounts.indices.contains(digit) { handwrittenCounts[digit] += 1 }
                show(.handwritten(digit: digit, occurrence: occurrence), position: element.position)
            case .blank:
                append(.blank(.forced), slots: timing.slotsPerCell, position: element.position, task: task)
            case .uniqueRandomDigit, .randomDigit, .variable, .response:
                break  // random digits are drawn before the layout; responses are handled above
            }
        }

        /// The wait for the `X`s that end the stimulus, or for none.
        mutating func finish() {
            if responses > 0 {
                addResponseWait()
            } else {
                append(.blank(.end), slots: timing.responseWaitSlots(responses: 0), position: nil, task: task)
            }
        }

        private mutating func show(_ content: StimulusItem.Content, position: Int) {
            let glyph: StimulusGlyph?
            if case .glyph(let shown) = content { glyph = shown } else { glyph = nil }
            if !timing.blankAfterEverySymbol, let glyph, glyph == previous {
                append(.blank(.separator), slots: 1, position: nil, task: task)
            }
            append(content, slots: 1, position: position, task: task)
            if timing.blankAfterEverySymbol {
                append(.blank(.interstimulus), slots: 1, position: nil, task: task)
            }
            previous = glyph
        }

        private mutating func addResponseWait() {
            let count = timing.responseWaitSlots(responses: responses)
            windows.append(StimulusResponseWindow(
                responses: responses, slots: slot..<(slot + count), start: timing.time(ofSlot: slot),
                end: timing.time(ofSlot: slot + count), position: responsesPosition, task: responsesTask))
            if count > 0 {
                append(.blank(.response), slots: count, position: responsesPosition, task: responsesTask)
                previous = nil
            }
            responses = 0
        }

        private mutating func append(_ content: StimulusItem.Content, slots count: Int, position: Int?, task: Int?) {
            guard count > 0 else { return }
            items.append(StimulusItem(
                content: content, slots: slot..<(slot + count), start: timing.time(ofSlot: slot),
                end: timing.time(ofSlot: slot + count), position: position, task: task))
            slot += count
        }
    }
}
