import Foundation

/// What the motor system wrote, as the readout saw it: each stroke's symbol, when it began and
/// when it was complete. Filled while the simulation runs; read it after a run.
public final class MotorLog: @unchecked Sendable {
    /// One written symbol.
    public struct Stroke: Sendable, Equatable {
        /// `0`…`9`, or `-` when the motor pointer was no digit (Spaun's "don't know").
        public let symbol: Character
        /// When the ramp began to rise for this stroke (s).
        public let onset: Double
        /// When the ramp reached the top: the stroke is written (s).
        public let written: Double
        /// The motor pointer's similarity to the digit written (or to the best digit, for `-`).
        public let similarity: Double
    }

    private let lock = NSLock()
    private var strokes: [Stroke] = []

    /// An empty log.
    public init() {}

    /// The strokes so far, in order.
    public var written: [Stroke] {
        lock.lock()
        defer { lock.unlock() }
        return strokes
    }

    /// The symbols written so far, in order (Spaun's output alphabet uses digits here).
    public var text: String { String(written.map(\.symbol)) }

    /// The strokes written in `[start, end)` seconds.
    public func strokes(from start: Double, to end: Double) -> [Stroke] {
        written.filter { $0.written >= start && $0.written < end }
    }

    func append(_ stroke: Stroke) {
        lock.lock()
        strokes.append(stroke)
        lock.unlock()
    }

    /// Forgets every stroke (a simulator reset).
    public func clear() {
        lock.lock()
        strokes.removeAll()
        lock.unlock()
    }
}
