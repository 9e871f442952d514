import BrainCore

/// How long a stimulus shows each symbol and waits for responses.
///
/// Time is counted in slots of ``presentationInterval`` seconds (Spaun 2.0's `present_interval`):
/// - every shown symbol (a glyph or a handwritten digit) takes one slot; the task start `A3` is
///   two symbols, `A` and `3`;
/// - without ``blankAfterEverySymbol`` (Spaun 2.0, `present_blanks=False`), a one-slot blank
///   separates two identical consecutive symbols (the same glyph; two handwritten images are
///   never identical). Symbols count as consecutive across forced blanks `.` but not across a
///   response wait, as in Spaun 2.0's `experimenter.py`: `1.1` is `1`, blank, blank, `1`;
/// - with ``blankAfterEverySymbol`` (the original Spaun), every symbol slot is followed by a
///   blank slot, and no other separator is added;
/// - a forced blank `.` takes one slot, or one symbol-and-blank cell of two slots with
///   ``blankAfterEverySymbol``;
/// - a run of n `X`s shows nothing and adds a response wait of
///   `⌊(n + 0.5) × digitResponseTime / cell⌋` cells, where a cell is one slot (two with
///   ``blankAfterEverySymbol``) and `digitResponseTime` is Spaun 2.0's estimated time to write
///   one digit, `1/mtr_ramp_scale + 0.6 = 1/3 + 0.6 ≈ 0.933 s`. The end of the stimulus always adds
///   such a wait for the `X`s that end it, with n = 0 when there are none (2 slots at 0.2 s).
///
/// The arithmetic is Spaun 2.0's, in `Double`, so a run of 1, 2, 3, 4 `X`s waits 6, 11, 16, 21
/// slots of 0.2 s, and `A3[1234]?XXXX` lasts 30 slots, 6.0 s.
public struct StimulusTiming: Hashable, Sendable {
    /// The duration of one slot, in seconds: how long a symbol is shown.
    public let presentationInterval: Double
    /// Whether a blank slot follows every symbol (the original Spaun) instead of only separating
    /// identical consecutive symbols (Spaun 2.0).
    public let blankAfterEverySymbol: Bool
    /// The estimated time to write one digit, in seconds, from which response waits are sized.
    public let digitResponseTime: Double

    /// Spaun 2.0's defaults: 0.2 s per symbol, blanks only between identical consecutive symbols,
    /// `1/3 + 0.6` s per response digit.
    public static let spaun2 = StimulusTiming(
        uncheckedInterval: 0.2, blankAfterEverySymbol: false, digitResponseTime: 1.0 / 3 + 0.60)
    /// The original Spaun's: each symbol shown for 0.15 s and followed by a 0.15 s blank.
    public static let classic = StimulusTiming(
        uncheckedInterval: 0.15, blankAfterEverySymbol: true, digitResponseTime: 1.0 / 3 + 0.60)

    /// The shortest ``presentationInterval`` accepted, 1 ms (one simulation step).
    public static let minimumPresentationInterval = 0.001
    /// The longest ``digitResponseTime`` accepted, 60 s.
    public static let maximumDigitResponseTime = 60.0

    /// A timing profile.
    /// - Throws: `BrainKitError` when `presentationInterval` is not a finite number of at least
    ///   ``minimumPresentationInterval`` or `digitResponseTime` is not finite and in
    ///   0…``maximumDigitResponseTime``.
    public init(presentationInterval: Double, blankAfterEverySymbol: Bool, digitResponseTime: Double) throws(BrainKitError) {
        let object = "StimulusTiming"
        try Check.finite([presentationInterval], object, "presentationInterval")
        try Check.atLeast(presentationInterval, Self.minimumPresentationInterval, object, "presentationInterval")
        try Check.nonNegativeFinite(digitResponseTime, object, "digitResponseTime")
        try Check.atMost(digitResponseTime, Self.maximumDigitResponseTime, object, "digitResponseTime")
        self.init(uncheckedInterval: presentationInterval, blankAfterEverySymbol: blankAfterEverySymbol, digitResponseTime: digitResponseTime)
    }

    private init(uncheckedInterval: Double, blankAfterEverySymbol: Bool, digitResponseTime: Double) {
        self.presentationInterval = uncheckedInterval
        self.blankAfterEverySymbol = blankAfterEverySymbol
        self.digitResponseTime = digitResponseTime
    }

    /// The slots of one cell: a symbol and, with ``blankAfterEverySymbol``, its blank.
    var slotsPerCell: Int { blankAfterEverySymbol ? 2 : 1 }

    /// The slots of the wait after a run of `responses` `X`s (Spaun 2.0's `insert_mtr_wait_sym`);
    /// `responses` is clamped to 0…``StimulusParser/maximumExpandedLength``.
    public func responseWaitSlots(responses: Int) -> Int {
        let cell = presentationInterval * Double(slotsPerCell)
        let count = min(max(responses, 0), StimulusParser.maximumExpandedLength)
        let cells = (Double(count) + 0.5) * digitResponseTime / cell
        // Bounded by the initialiser's limits: at most (10,000.5 × 60 / 0.001) cells.
        return Int(cells) * slotsPerCell
    }

    /// The time, in seconds, at which slot `slot` starts.
    public func time(ofSlot slot: Int) -> Double {
        Double(slot) * presentationInterval
    }
}
