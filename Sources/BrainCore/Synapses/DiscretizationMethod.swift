/// How a continuous-time ``LinearFilter`` becomes a discrete one for a step of `dt` seconds.
///
/// For the state-space model (A, B, C, D):
/// - ``zeroOrderHold``: the input is held constant over each step (exact for piecewise-constant
///   input): `expm(dt·[[A, B], [0, 0]]) = [[Ad, Bd], [0, I]]`, `Cd = C`, `Dd = D`. Nengo's default.
/// - ``generalizedBilinear(alpha:)``: the generalised bilinear transform with weight α ∈ [0, 1]:
///   `Ad = (I − α dt A)⁻¹ (I + (1 − α) dt A)`, `Bd = (I − α dt A)⁻¹ dt B`,
///   `Cd = C (I − α dt A)⁻¹`, `Dd = D + α C Bd`.
/// - ``euler`` (forward difference) is α = 0, ``bilinear`` (Tustin) α = 1/2 and
///   ``backwardDifference`` α = 1.
public enum DiscretizationMethod: Sendable, Equatable, CustomStringConvertible {
    /// Zero-order hold: exact for an input held constant over each step (Nengo's default).
    case zeroOrderHold
    /// Forward Euler, the generalised bilinear transform with α = 0.
    case euler
    /// Backward difference, α = 1.
    case backwardDifference
    /// The bilinear (Tustin) transform, α = 1/2.
    case bilinear
    /// The generalised bilinear transform with weight `alpha` in [0, 1].
    case generalizedBilinear(alpha: Double)

    /// The bilinear weight α for the transforms of the generalised bilinear family, nil for
    /// zero-order hold.
    var bilinearWeight: Double? {
        switch self {
        case .zeroOrderHold: return nil
        case .euler: return 0
        case .backwardDifference: return 1
        case .bilinear: return 0.5
        case .generalizedBilinear(let alpha): return alpha
        }
    }

    /// Nengo's name for the method (`method=` of `LinearFilter`).
    public var description: String {
        switch self {
        case .zeroOrderHold: return "zoh"
        case .euler: return "euler"
        case .backwardDifference: return "backward_diff"
        case .bilinear: return "bilinear"
        case .generalizedBilinear(let alpha): return "gbt(alpha: \(alpha))"
        }
    }
}
