import Foundation

/// An axis range with round tick marks, as matplotlib's `MaxNLocator` chooses them: the
/// smallest step of 1, 2, 2.5 or 5 × 10ᵏ that covers the data in at most `maxIntervals`
/// intervals.
///
/// With `expand`, the range grows outwards to the nearest ticks (so the axis starts and ends
/// on a labelled tick); otherwise it is the data's range and ticks fall inside it. A range of
/// zero width (constant data) is widened by ±max(|value|/2, 0.5) first. Tick values are
/// rounded to the step's decimals, so they print and compare as written (0.6, not
/// 0.6000000000000001).
struct NiceScale: Equatable {
    let lower: Double
    let upper: Double
    let step: Double
    let ticks: [Double]

    /// `low` and `high` should be finite with `high - low` finite (plots check their data);
    /// anything else gives the range 0...1.
    init(low: Double, high: Double, maxIntervals: Int = 6, expand: Bool) {
        var lo = min(low, high)
        var hi = max(low, high)
        if !(lo.isFinite && hi.isFinite && (hi - lo).isFinite) {
            lo = 0
            hi = 1
        }
        if hi - lo <= 1e-12 * max(abs(lo), abs(hi), 1e-300) {
            let pad = max(abs(lo) / 2, 0.5)
            lo -= pad
            hi += pad
        }
        let intervals = Double(max(maxIntervals, 1))
        var magnitude = pow(10, (log10((hi - lo) / intervals)).rounded(.down))
        var step = magnitude
        // Ten times the magnitude covers the range in at most `intervals`; the bound on rounds
        // only guards against a range the checks above let through.
        search: for _ in 0..<64 {
            for nice in [1.0, 2, 2.5, 5] {
                step = nice * magnitude
                let first = (lo / step + (expand ? 1e-9 : -1e-9)).rounded(expand ? .down : .up)
                let last = (hi / step + (expand ? -1e-9 : 1e-9)).rounded(expand ? .up : .down)
                if last - first <= intervals { break search }
            }
            magnitude *= 10
        }
        if expand {
            lo = NiceScale.round((lo / step + 1e-9).rounded(.down) * step, like: step)
            hi = NiceScale.round((hi / step - 1e-9).rounded(.up) * step, like: step)
        }
        var ticks: [Double] = []
        var k = (lo / step - 1e-9).rounded(.up)
        let last = (hi / step + 1e-9).rounded(.down)
        while k <= last, ticks.count <= 100 {
            ticks.append(NiceScale.round(k * step, like: step))
            k += 1
        }
        self.lower = lo
        self.upper = hi
        self.step = step
        self.ticks = ticks
    }

    /// The range as given (ticks inside it), for limits a user chose.
    init(fixedLower: Double, upper: Double, maxIntervals: Int = 6) {
        let free = NiceScale(low: fixedLower, high: upper, maxIntervals: maxIntervals, expand: false)
        self.lower = fixedLower
        self.upper = upper
        self.step = free.step
        self.ticks = free.ticks
    }

    /// The decimals a tick label needs to show multiples of `step` exactly (at most 6).
    static func decimals(_ step: Double) -> Int {
        var places = 0
        var scaled = step
        while places < 6, abs(scaled - scaled.rounded()) > 1e-6 * max(scaled, 1) {
            scaled *= 10
            places += 1
        }
        return places
    }

    var decimals: Int { NiceScale.decimals(step) }

    /// `value` rounded to the decimals of `step` (large values are left as they are).
    static func round(_ value: Double, like step: Double) -> Double {
        let scale = pow(10, Double(decimals(step)))
        guard abs(value * scale) < 1e15 else { return value }
        return (value * scale).rounded() / scale + 0.0  // + 0.0 turns −0 into 0
    }

    /// The label of tick `value`, with a typographic minus sign as matplotlib draws it.
    func label(_ value: Double) -> String {
        let text = String(format: "%.\(decimals)f", value + 0.0)
        let isZero = Double(text).map { $0 == 0 } ?? false
        if isZero { return String(format: "%.\(decimals)f", 0.0) }
        return text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
    }

    /// Maps `value` into `[start, end]` pixels (end may be below start, for a y axis).
    func pixel(_ value: Double, from start: Double, to end: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }
}
