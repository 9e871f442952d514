import BrainCore
import Foundation

/// NEURON's default fixed step (`secondorder = 0`), split into phases so that callers can
/// add their electrode currents between ``assemble(dt:voltage:gates:diagonal:rhs:)`` and
/// ``solveAndUpdate(voltage:diagonal:rhs:)``.
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

    /// Phase 1 and the matrix of phase 2: fills `diagonal` and `rhs` (both `nodeCount`).
    @inline(__always)
    func assemble(
        dt: Double, voltage v: UnsafePointer<Double>, gates: UnsafePointer<Double>,
        diagonal d: UnsafeMutablePointer<Double>, rhs b: UnsafeMutablePointer<Double>
    ) {
        let inverseDt = 1 / dt
        capacitance.withUnsafeBufferPointer { c in
            for i in 0..<nodeCount {
                d[i] = c[i] * inverseDt
                b[i] = 0
            }
        }
        parent.withUnsafeBufferPointer { p in
            offDiagonal.withUnsafeBufferPointer { a in
                for i in 0..<nodeCount where p[i] >= 0 {
                    let j = p[i]
                    let g = -a[i]
                    d[i] += g
                    d[j] += g
                    let flow = g * (v[j] - v[i])
                    b[i] += flow
                    b[j] -= flow
                }
            }
        }
        let step = 0.001
        hodgkinHuxley.withUnsafeBufferPointer { sites in
            for k in 0..<sites.count {
                let s = sites[k]
                let m = gates[3 * k], h = gates[3 * k + 1], n = gates[3 * k + 2]
                let gNa = s.gNa * m * m * m * h
                let n2 = n * n
                let gK = s.gK * n2 * n2
                @inline(__always) func current(_ u: Double) -> Double {
                    gNa * (u - s.eNa) + gK * (u - s.eK) + s.gLeak * (u - s.eLeak)
                }
                let u = v[s.node]
                let i0 = current(u)
                let slope = (current(u + step) - i0) / step
                d[s.node] += slope
                b[s.node] -= i0
            }
        }
        passive.withUnsafeBufferPointer { sites in
            for k in 0..<sites.count {
                let s = sites[k]
                let u = v[s.node]
                let i0 = s.conductance * (u - s.reversal)
                let slope = (s.conductance * (u + step - s.reversal) - i0) / step
                d[s.node] += slope
                b[s.node] -= i0
            }
        }
    }

    /// Phase 2's solve: `Δv` by the Hines elimination (overwriting `diagonal` and `rhs`),
    /// then `v += Δv`.
    @inline(__always)
    func solveAndUpdate(
        voltage v: UnsafeMutablePointer<Double>, diagonal d: UnsafeMutablePointer<Double>,
        rhs b: UnsafeMutablePointer<Double>
    ) {
        parent.withUnsafeBufferPointer { p in
            offDiagonal.withUnsafeBufferPointer { a in
                HinesSolver.solve(count: nodeCount, parent: p.baseAddress!, offDiagonal: a.baseAddress!, diagonal: d, rhs: b)
            }
        }
        for i in 0..<nodeCount { v[i] += b[i] }
    }

    /// Phase 3: the `cnexp` gate update with the new voltages.
    @inline(__always)
    func advanceGates(dt: Double, voltage v: UnsafePointer<Double>, gates: UnsafeMutablePointer<Double>) {
        hodgkinHuxley.withUnsafeBufferPointer { sites in
            for k in 0..<sites.count {
                let s = sites[k]
                let u = v[s.node]
                let r = s.tabulated ? tabulatedRates(u) : exactRates(u)
                gates[3 * k] += (1 - exp(-dt / r.mTau)) * (r.mInfinity - gates[3 * k])
                gates[3 * k + 1] += (1 - exp(-dt / r.hTau)) * (r.hInfinity - gates[3 * k + 1])
                gates[3 * k + 2] += (1 - exp(-dt / r.nTau)) * (r.nInfinity - gates[3 * k + 2])
            }
        }
    }
}
