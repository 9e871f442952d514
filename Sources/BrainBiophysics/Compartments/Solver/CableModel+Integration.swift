import BrainCore
import Foundation

/// NEURON's default fixed step (`secondorder = 0`), split into phases so that callers can
/// add their electrode currents between ``CableStepper/assemble(dt:voltage:gates:diagonal:rhs:)``
/// and ``CableStepper/solveAndUpdate(voltage:diagonal:rhs:)``.
///
/// One step of `dt` ms from voltages `v` (mV) and gates at time `t`:
/// 1. **Linearise** each membrane current about `v`: `I(v)` (nA) and its slope conductance
///    `G = (I(v + 0.001) − I(v)) / 0.001` (µS), NEURON's finite difference with gates held.
/// 2. **Backward Euler** for the cable equation, solved for the change `Δv`:
///
///        (C_i/dt + G_i) Δv_i + Σ_j g_ij (Δv_i − Δv_j) = −I_i(v) + Σ_j g_ij (v_j − v_i) + I_electrode,i
///
///    where `C_i` (nF) is the node capacitance (0 at section ends), `g_ij` (µS) the axial
///    conductances to neighbouring nodes and `I_electrode` (nA) the clamp current at the
///    step's midpoint. The matrix is a tree, solved by ``HinesSolver``; then `v += Δv`.
/// 3. **Gates** (`cnexp`, exponential Euler) with the new voltages:
///    `x += (1 − exp(−dt / τx(v))) (x∞(v) − x)`. The gates thus lag the voltage by half a
///    step, NEURON's staggered scheme.
extension CableModel {
    /// Sets every node to `v0` (mV) and every gate to its steady state at `v0` (NEURON's
    /// `finitialize(v0)`).
    func initialize(voltage v0: Double, voltage v: UnsafeMutablePointer<Double>, gates: UnsafeMutablePointer<Double>) {
        for i in 0..<nodeCount { v[i] = v0 }
        for (k, site) in hodgkinHuxley.enumerated() {
            let r = site.tabulated ? tabulatedRates(v0) : exactRates(v0)
            gates[3 * k] = r.mInfinity
            gates[3 * k + 1] = r.hInfinity
            gates[3 * k + 2] = r.nInfinity
        }
    }

    /// The gates at their steady state for `v0` (mV): `m, h, n` per `hh` segment.
    func steadyGates(at v0: Double) -> [Double] {
        var voltage = [Double](repeating: 0, count: nodeCount)
        var gates = [Double](repeating: 0, count: gateCount + 1)
        voltage.withUnsafeMutableBufferPointer { v in
            gates.withUnsafeMutableBufferPointer { g in
                initialize(voltage: v0, voltage: v.baseAddress!, gates: g.baseAddress!)
            }
        }
        return Array(gates.prefix(gateCount))
    }

    /// Calls `body` with a ``CableStepper`` over this model's arrays (valid only inside `body`).
    @inline(__always)
    func withStepper<R>(_ body: (CableStepper) -> R) -> R {
        parent.withUnsafeBufferPointer { parent in
            offDiagonal.withUnsafeBufferPointer { offDiagonal in
                capacitance.withUnsafeBufferPointer { capacitance in
                    hodgkinHuxley.withUnsafeBufferPointer { hh in
                        passive.withUnsafeBufferPointer { pas in
                            tabulatedRates.table.withUnsafeBufferPointer { table in
                                body(
                                    CableStepper(
                                        nodeCount: nodeCount, parent: parent.baseAddress!,
                                        offDiagonal: offDiagonal.baseAddress!, capacitance: capacitance.baseAddress!,
                                        hodgkinHuxley: hh, passive: pas, rateTable: table.baseAddress!,
                                        exactRates: exactRates))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The integration phases over raw pointers to a ``CableModel``'s arrays (see the phases on
/// ``CableModel``). Obtained from ``CableModel/withStepper(_:)``; never stored.
struct CableStepper {
    let nodeCount: Int
    let parent: UnsafePointer<Int>
    let offDiagonal: UnsafePointer<Double>
    let capacitance: UnsafePointer<Double>
    let hodgkinHuxley: UnsafeBufferPointer<CableModel.HodgkinHuxleySite>
    let passive: UnsafeBufferPointer<CableModel.PassiveSite>
    /// NEURON's `hh` table (see ``HodgkinHuxleyRates``), 201 rows of six values.
    let rateTable: UnsafePointer<Double>
    let exactRates: HodgkinHuxleyRates

    /// The finite-difference step (mV) for the slope conductance.
    static let slopeStep = 0.001

    /// Phase 1 and the matrix of phase 2: fills `diagonal` and `rhs` (both `nodeCount`).
    @inline(__always)
    func assemble(
        dt: Double, voltage v: UnsafePointer<Double>, gates: UnsafePointer<Double>,
        diagonal d: UnsafeMutablePointer<Double>, rhs b: UnsafeMutablePointer<Double>
    ) {
        let inverseDt = 1 / dt
        for i in 0..<nodeCount {
            d[i] = capacitance[i] * inverseDt
            b[i] = 0
        }
        for i in 0..<nodeCount where parent[i] >= 0 {
            let j = parent[i]
            let g = -offDiagonal[i]
            d[i] += g
            d[j] += g
            let flow = g * (v[j] - v[i])
            b[i] += flow
            b[j] -= flow
        }
        let step = Self.slopeStep
        for k in 0..<hodgkinHuxley.count {
            let s = hodgkinHuxley[k]
            let m = gates[3 * k], h = gates[3 * k + 1], n = gates[3 * k + 2]
            let gNa = s.gNa * m * m * m * h
            let n2 = n * n
            let gK = s.gK * n2 * n2
            @inline(__always) func current(_ u: Double) -> Double {
                gNa * (u - s.eNa) + gK * (u - s.eK) + s.gLeak * (u - s.eLeak)
            }
            let u = v[s.node]
            let i0 = current(u)
            d[s.node] += (current(u + step) - i0) / step
            b[s.node] -= i0
        }
        for k in 0..<passive.count {
            let s = passive[k]
            let u = v[s.node]
            let i0 = s.conductance * (u - s.reversal)
            d[s.node] += (s.conductance * (u + step - s.reversal) - i0) / step
            b[s.node] -= i0
        }
    }

    /// Phase 2's solve: `Δv` by the Hines elimination (overwriting `diagonal` and `rhs`),
    /// then `v += Δv`.
    @inline(__always)
    func solveAndUpdate(
        voltage v: UnsafeMutablePointer<Double>, diagonal d: UnsafeMutablePointer<Double>,
        rhs b: UnsafeMutablePointer<Double>
    ) {
        HinesSolver.solve(count: nodeCount, parent: parent, offDiagonal: offDiagonal, diagonal: d, rhs: b)
        for i in 0..<nodeCount { v[i] += b[i] }
    }

    /// Phase 3: the `cnexp` gate update with the new voltages.
    @inline(__always)
    func advanceGates(dt: Double, voltage v: UnsafePointer<Double>, gates: UnsafeMutablePointer<Double>) {
        for k in 0..<hodgkinHuxley.count {
            let s = hodgkinHuxley[k]
            let r = s.tabulated ? HodgkinHuxleyRates.lookup(rateTable, v[s.node]) : exactRates(v[s.node])
            gates[3 * k] += (1 - exp(-dt / r.mTau)) * (r.mInfinity - gates[3 * k])
            gates[3 * k + 1] += (1 - exp(-dt / r.hTau)) * (r.hInfinity - gates[3 * k + 1])
            gates[3 * k + 2] += (1 - exp(-dt / r.nTau)) * (r.nInfinity - gates[3 * k + 2])
        }
    }

    /// One whole step with a single electrode: `current` nA into `node`.
    @inline(__always)
    func step(
        dt: Double, current: Double, into node: Int, voltage v: UnsafeMutablePointer<Double>,
        gates: UnsafeMutablePointer<Double>, diagonal d: UnsafeMutablePointer<Double>,
        rhs b: UnsafeMutablePointer<Double>
    ) {
        assemble(dt: dt, voltage: v, gates: gates, diagonal: d, rhs: b)
        b[node] += current
        solveAndUpdate(voltage: v, diagonal: d, rhs: b)
        advanceGates(dt: dt, voltage: v, gates: gates)
    }
}
