import Foundation

/// The LIF rate curve in `Float` for the steps of ``LIFRate`` and ``AdaptiveLIFRate``:
/// `r(J) = amplitude / (tauRef + tauRC * log1p(1 / (J - 1)))` for `J > 1`, else 0 (Hz).
struct LIFRateStep {
    let tauRC: Float
    let tauRef: Float
    let amplitude: Float

    init(tauRC: Double, tauRef: Double, amplitude: Double) {
        self.tauRC = Float(tauRC)
        self.tauRef = Float(tauRef)
        self.amplitude = Float(amplitude)
    }

    @inline(__always)
    func rate(current: Float) -> Float {
        let j = current - 1
        return j > 0 ? amplitude / (tauRef + tauRC * log1pf(1 / j)) : 0
    }
}
