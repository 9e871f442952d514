/// How ``AdEx`` advances `(V, w)` over one step of length `h`.
///
/// With `f(V, w) = dV/dt` and `g(V, w) = dw/dt` (see ``AdEx``):
/// - ``euler``: forward Euler, both variables from the values at the start of the step,
///   `V' = V + h f(V, w)`, `w' = w + h g(V, w)`. This is what Brian2 2.9 generates when no method
///   is given for this model: its default tries `exact` (rejected: the equations are not
///   linear), then `euler` (accepted for deterministic equations) and logs
///   `using method 'euler'`. It is therefore the default here, so that the talk's cell
///   reproduces Brian2's trace step for step. Error O(h): for the talk's cell at h = 0.1 ms
///   the first five spikes are within 0.53 ms of a converged solution (RK4 at 1 µs) and the
///   33rd is 2.8 ms late (33 spikes either way).
/// - ``rk4``: the classical fourth-order Runge–Kutta scheme on `(V, w)` (Brian2's
///   `method='rk4'` integrates the same scheme). At h = 0.1 ms the first five spikes are
///   within 0.13 ms of the converged ones and the 33rd within 1.0 ms; what remains is mostly
///   the snapping of each spike and reset to the step grid, not the O(h⁴) truncation error.
///
/// Brian2's `exponential_euler` does not apply to this model (dV/dt is not linear in `V`
/// because of the exponential term), so it is not offered.
///
/// Both methods hold `V` fixed during a refractory period while `w` still evolves; the
/// threshold `V > Vcut` is tested on the value after the step.
public enum AdExIntegrationMethod: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Forward Euler (Brian2's choice for this model; the default).
    case euler
    /// The classical fourth-order Runge–Kutta scheme.
    case rk4

    public var description: String { rawValue }
}
