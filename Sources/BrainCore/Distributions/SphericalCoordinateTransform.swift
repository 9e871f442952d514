import Foundation

/// The inverse-CDF spherical-coordinates transform ("sct", Fang & Wang, *Number-Theoretic
/// Methods in Statistics*, §1.5.2): maps points uniformly distributed in the cube
/// [0, 1)^(d−1) to points uniformly distributed on the unit sphere S^(d−1) ⊂ ℝ^d, for d ≥ 2.
///
/// With D = d − 1 angle columns, column j = 0…D−1 (k = D − j) is the CDF inverse of the angle
/// density `∝ sin^(k−1)`: `y' = min(y, 1 − y)`, `z² = I⁻¹(k/2, 1/2; 2y')`,
/// `θ_j = asin(√z²)/π`, replaced by `1 − θ_j` when `y ≥ 1/2`. Then
/// `x₀ = cos(πθ₀)`, `xᵢ = Π_{l<i} sin(πθ_l) · cos(πθᵢ)`, `x_{d−1} = Π_{l<D} sin(πθ_l)`, except
/// that the last angle is a full turn (`2πθ_{D−1}` instead of `πθ_{D−1}`). Each column has
/// its own prepared ``IncompleteBeta/Inverter``. For the half-turn angles, `sin(πθ) = z` and
/// `cos(πθ) = ±√(1 − z²)` come straight from `z²`.
enum SphericalCoordinateTransform {
    /// Maps each row of `cube` (n x (d−1), values in [0, 1]) to a unit vector (n x d).
    static func map(_ cube: Matrix) -> Matrix {
        let angles = cube.columns
        let d = angles + 1
        var x = Matrix(rows: cube.rows, columns: d)
        let inverters = (0..<angles).map { j in IncompleteBeta.Inverter(Double(angles - j) / 2, 0.5) }
        for r in 0..<cube.rows {
            var product = 1.0
            for j in 0..<angles {
                let y = cube[r, j]
                let zSquared = inverters[j].inverse(2 * min(y, 1 - y))
                if j < angles - 1 {
                    // Half-turn angles πθ with sin²(πθ) = z²: the sine is z (for θ and 1 − θ
                    // alike) and the cosine ±√(1 − z²), so no trigonometric call is needed.
                    let cosine = (1 - zSquared).squareRoot()
                    x[r, j] = product * (y < 0.5 ? cosine : -cosine)
                    product *= zSquared.squareRoot()
                } else {
                    let theta = asin(zSquared.squareRoot()) / Double.pi
                    let angle = (y < 0.5 ? theta : 1 - theta) * 2 * Double.pi
                    x[r, j] = product * cos(angle)
                    product *= sin(angle)
                }
            }
            x[r, d - 1] = product
        }
        return x
    }
}
