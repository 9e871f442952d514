import Foundation

extension EquationNeuron {
    /// How ``EquationNeuron/rates(currents:)`` measures steady firing rates by simulation.
    ///
    /// For a current `J`, the model is simulated (in `Double`, with the type's method) from its
    /// initial values for `settle + duration` seconds in steps of `dt`; the rate is
    /// `(n - 1) / (t_last - t_first)` over the `n` spikes in the last `duration` seconds (or
    /// `n / duration` when `n < 2`). A run stops early with rate 0 when the state reaches a
    /// fixed point (no variable changes by more than `1e-13` of its size in a step, outside
    /// refractoriness): an autonomous model at rest never spikes again.
    ///
    /// Rates are measured once at grid currents and cached, and linearly interpolated between
    /// them. The grid is `J_k = (currentStep / relativeStep) · sinh(k · relativeStep)`:
    /// spaced `currentStep` apart near `J = 0` and by the fraction `relativeStep` of `|J|`
    /// far from it, so that wide current ranges (large max rates) stay cheap.
    public struct RateMeasurement: Sendable, Equatable, CustomStringConvertible {
        /// The simulation step (seconds), > 0; Nengo's default simulator step is 0.001.
        public var dt: Double
        /// Time allowed to reach the steady state before counting (seconds), >= 0.
        public var settle: Double
        /// The counting window (seconds), > 0.
        public var duration: Double
        /// The grid spacing near `J = 0` (units of J), > 0.
        public var currentStep: Double
        /// The grid spacing far from `J = 0`, as a fraction of `|J|`, in (0, 0.5].
        public var relativeStep: Double

        /// A measurement with these settings (defaults: 1 ms steps, 0.5 s settling, 1 s counted).
        public init(
            dt: Double = 0.001, settle: Double = 0.5, duration: Double = 1, currentStep: Double = 0.01,
            relativeStep: Double = 0.01
        ) {
            self.dt = dt
            self.settle = settle
            self.duration = duration
            self.currentStep = currentStep
            self.relativeStep = relativeStep
        }

        /// The (fractional) grid index of current `J`.
        func gridPosition(_ current: Double) -> Double {
            asinh(current * relativeStep / currentStep) / relativeStep
        }

        /// The current at grid index `k`.
        func gridCurrent(_ k: Int) -> Double {
            currentStep / relativeStep * sinh(Double(k) * relativeStep)
        }

        public var description: String {
            "(dt: \(dt), settle: \(settle), duration: \(duration), currentStep: \(currentStep), "
                + "relativeStep: \(relativeStep))"
        }
    }
}
