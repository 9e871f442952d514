/// The values one rank sends another after each step (or receives from it): whole signals,
/// laid end to end in signal order.
package struct RankMessage: Sendable {
    /// The other rank.
    package let rank: Int
    /// The number of `Float` values in the message.
    package let count: Int
    /// The signals, ascending.
    let signals: [SignalID]
    /// The number of values of each signal.
    let counts: [Int]
}
