import BrainCore

/// The talk's live-view oscillator: 1000 LIF neurons representing a 2-D state that feeds back
/// `[-τr·x1 + 1.01·x0, τr·x0 + 1.01·x1]` through a `Lowpass(τ)` (τ = 0.01 s, r = 4), so the
/// state turns at r = 4 rad/s and grows until the neurons saturate; a 0.1 s kick starts it.
/// A 100-neuron `shape` ensemble carries the `stimulus` node's value (a slider on the page)
/// into the oscillator's first dimension (through ``push``): a stimulus moves the orbit's
/// centre and flattens it against the ensemble's radius.
public struct TalkOscillator {
    /// The whole model.
    public let network: Network
    /// The 2-D oscillator (1000 LIF neurons).
    public let oscillator: Ensemble
    /// The 1-D shape ensemble (100 LIF neurons).
    public let shape: Ensemble
    /// The constant stimulus (0 until a slider moves it).
    public let stimulus: Node

    /// The feedback time constant τ in seconds.
    public static let tau = 0.01
    /// The rotation rate r in radians per second.
    public static let rate = 4.0
    /// The transform from the shape ensemble into the oscillator's first dimension: a shape
    /// value s adds `push · s / τ` (10 s per second at s = 1) to that dimension's rate of change.
    public static let push = 0.1

    /// Builds the model with network seed `seed`.
    /// - Throws: `BrainKitError` if the seed is out of range.
    public init(seed: Int = 0) throws(BrainKitError) {
        let net = try Network(label: "oscillator", seed: seed)
        let tauR = TalkOscillator.tau * TalkOscillator.rate
        let kick = try net.node(label: "kick", process: try Piecewise(data: [0: [1, 0], 0.1: [0, 0]]))
        let stimulus = try net.node(label: "stimulus", output: 0)
        let shape = try net.ensemble(label: "shape", neurons: 100, dimensions: 1)
        let oscillator = try net.ensemble(label: "oscillator", neurons: 1000, dimensions: 2)
        try net.connect(kick, to: oscillator)
        try net.connect(stimulus, to: shape)
        try net.connect(shape, to: oscillator[0], synapse: TalkOscillator.tau, transform: .scalar(TalkOscillator.push))
        try net.connect(
            oscillator, to: oscillator, synapse: TalkOscillator.tau,
            function: { x in [-tauR * x[1] + 1.01 * x[0], tauR * x[0] + 1.01 * x[1]] })
        network = net
        self.oscillator = oscillator
        self.shape = shape
        self.stimulus = stimulus
    }
}
