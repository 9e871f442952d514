import BrainCore
import Foundation

/// The steady states and time constants of the three `hh` gates at one voltage.
struct GateRates {
    /// `m∞` (dimensionless) and `τm` (ms).
    var mInfinity: Double, mTau: Double
    /// `h∞` and `τh` (ms).
    var hInfinity: Double, hTau: Double
    /// `n∞` and `τn` (ms).
    var nInfinity: Double, nTau: Double
}

/// The `hh` rate functions (see ``HodgkinHuxley``) at one temperature, exact or tabulated.
struct HodgkinHuxleyRates: Sendable {
    /// `3^((celsius − 6.3) / 10)`.
    let q10: Double
    /// NEURON's table: for `v = −100, −99, …, 100` mV, the six values `m∞, τm, h∞, τh, n∞, τn`
    /// in a row; empty when the rates are evaluated exactly.
    let table: [Double]

    static let tableLow = -100.0
    static let tableIntervals = 200

    /// - Parameters:
    ///   - celsius: temperature (°C).
    ///   - tabulated: build the 1 mV table (NEURON's default) instead of evaluating exactly.
    init(celsius: Double, tabulated: Bool) {
        q10 = pow(3, (celsius - 6.3) / 10)
        guard tabulated else {
            table = []
            return
        }
        var values: [Double] = []
        values.reserveCapacity((Self.tableIntervals + 1) * 6)
        for i in 0...Self.tableIntervals {
            let r = Self.exact(Self.tableLow + Double(i), q10: q10)
            values += [r.mInfinity, r.mTau, r.hInfinity, r.hTau, r.nInfinity, r.nTau]
        }
        table = values
    }

    /// `x / (exp(x / y) − 1)`, or `y (1 − x / y / 2)` when `|x / y| < 1e-6`.
    @inline(__always)
    static func vtrap(_ x: Double, _ y: Double) -> Double {
        abs(x / y) < 1e-6 ? y * (1 - x / y / 2) : x / (exp(x / y) - 1)
    }

    /// The rate functions evaluated exactly at `v` (mV).
    static func exact(_ v: Double, q10: Double) -> GateRates {
        let alphaM = 0.1 * vtrap(-(v + 40), 10)
        let betaM = 4 * exp(-(v + 65) / 18)
        let alphaH = 0.07 * exp(-(v + 65) / 20)
        let betaH = 1 / (exp(-(v + 35) / 10) + 1)
        let alphaN = 0.01 * vtrap(-(v + 55), 10)
        let betaN = 0.125 * exp(-(v + 65) / 80)
        let sumM = alphaM + betaM, sumH = alphaH + betaH, sumN = alphaN + betaN
        return GateRates(
            mInfinity: alphaM / sumM, mTau: 1 / (q10 * sumM),
            hInfinity: alphaH / sumH, hTau: 1 / (q10 * sumH),
            nInfinity: alphaN / sumN, nTau: 1 / (q10 * sumN))
    }

    /// The rate functions at `v` (mV): from the table by linear interpolation (clamped to
    /// −100…100 mV) when there is one, else exact.
    func callAsFunction(_ v: Double) -> GateRates {
        if table.isEmpty { return Self.exact(v, q10: q10) }
        return table.withUnsafeBufferPointer { Self.lookup($0.baseAddress!, v) }
    }

    /// Linear interpolation in NEURON's table `t` (rows of six values for −100, −99, …, 100 mV)
    /// at `v` (mV), clamped to the end rows outside the table.
    @inline(__always)
    static func lookup(_ t: UnsafePointer<Double>, _ v: Double) -> GateRates {
        let x = v - tableLow
        let row: Int
        let fraction: Double
        if !(x > 0) {  // also catches NaN
            row = 0
            fraction = 0
        } else if x >= Double(tableIntervals) {
            row = tableIntervals
            fraction = 0
        } else {
            row = Int(x)
            fraction = x - Double(row)
        }
        let base = row * 6
        if fraction == 0 {
            return GateRates(
                mInfinity: t[base], mTau: t[base + 1], hInfinity: t[base + 2],
                hTau: t[base + 3], nInfinity: t[base + 4], nTau: t[base + 5])
        }
        @inline(__always) func lerp(_ k: Int) -> Double {
            t[base + k] + fraction * (t[base + 6 + k] - t[base + k])
        }
        return GateRates(
            mInfinity: lerp(0), mTau: lerp(1), hInfinity: lerp(2), hTau: lerp(3),
            nInfinity: lerp(4), nTau: lerp(5))
    }
}
