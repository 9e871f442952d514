/// The integration scheme a compiled model runs (``EquationNeuron/Method`` after
/// `.automatic` has been decided).
enum IntegrationScheme: String, Sendable {
    /// Exact for `dX/dt = A X + b` (A, b constant over a step).
    case exact
    /// Forward Euler: `X += dt f(X)`.
    case euler
    /// Classical fourth-order Runge–Kutta.
    case rk4
    /// Heun's method (explicit trapezoid): `X̃ = X + dt f(X)`, `X += dt/2 (f(X) + f(X̃))`.
    case heun
}
