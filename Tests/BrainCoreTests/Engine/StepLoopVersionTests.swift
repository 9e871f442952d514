import CStepLoops
import StepLoopVersions
import Testing
import BrainTestSupport
@testable import BrainCore

/// CStepLoops' loops are compiled for x86-64-v4, x86-64-v3 and the baseline, and the loader
/// picks one for the CPU. Every version this CPU can run gives the same bits as the baseline
/// version (no fused multiply-add, sums in a fixed order), and the C LIF step the same bits as
/// the Swift group step.
@Suite("Step loop versions")
struct StepLoopVersionTests {
    /// The versions this CPU runs (the baseline, 0, always).
    static let versions = [4, 3, 0].filter { slv_supported(Int32($0)) }

    static func values(_ count: Int, _ range: ClosedRange<Float>, seed: UInt64) -> [Float] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in Float.random(in: range, using: &rng) }
    }

    static func bits(_ values: [Float]) -> [UInt32] { values.map(\.bitPattern) }

    /// The state of a population of LIF neurons.
    struct LIFState {
        var v: [Float]
        var ref: [Float]
        var out: [Float]
    }

    /// The C step's constants for `kernel`.
    static func constants(_ kernel: LIFStep) -> csl_lif_constants {
        csl_lif_constants(
            dt: kernel.dt, tau_rc: kernel.tauRC, tau_ref: kernel.tauRef, min_voltage: kernel.minVoltage,
            spike_height: kernel.spikeHeight, full_step_factor: kernel.fullStepFactor,
            negative_rate: kernel.negativeRate)
    }

    /// One step with input `current`: `expected` by the Swift group step, `states[k]` by
    /// version `versions[k]` of the C step (neurons starting above threshold by the scalar
    /// step, as `LIFStep` does); then each version's state against the expected one, bit for
    /// bit.
    static func stepAndCompare(
        _ kernel: LIFStep, current: [Float], expected: inout LIFState, states: inout [LIFState], step: Int
    ) {
        var constants = Self.constants(kernel)
        let n = current.count
        current.withUnsafeBufferPointer { j in
            kernel.step(
                count: n, voltage: &expected.v, refractoryTime: &expected.ref, output: &expected.out,
                current: { UnsafeRawPointer(j.baseAddress! + $0).loadUnaligned(as: LIFStep.Group.self) },
                scalarCurrent: { j[$0] })
            for k in states.indices {
                var state = states[k]
                let above = slv_lif_step(
                    Int32(versions[k]), n, &state.v, &state.ref, &state.out, j.baseAddress!, &constants,
                    kernel.polynomials == .long)
                if above {
                    for i in 0..<n where state.v[i] > 1 {
                        state.out[i] = kernel.step(voltage: &state.v[i], refractoryTime: &state.ref[i], current: j[i])
                    }
                }
                states[k] = state
            }
        }
        for (k, version) in versions.enumerated() {
            #expect(bits(states[k].v) == bits(expected.v), "voltage, version \(version), step \(step)")
            #expect(bits(states[k].ref) == bits(expected.ref), "refractory, version \(version), step \(step)")
            #expect(bits(states[k].out) == bits(expected.out), "output, version \(version), step \(step)")
        }
    }

    /// 200 steps of 1,003 neurons from random states (whole, partial and refractory steps,
    /// spikes, the minVoltage clamp, neurons starting above threshold), both polynomial
    /// ranges: each version's state and output equal the Swift group step's, bit for bit.
    @Test(arguments: [0.02, 0.004])
    func lifVersionsEqualTheSwiftGroupStep(tauRC: Double) {
        let n = 1003
        let kernel = LIFStep(dt: 0.001, tauRC: tauRC, tauRef: 0.0015, minVoltage: -0.4, amplitude: 0.8)
        #expect(kernel.polynomials == (tauRC == 0.02 ? .short : .long))
        let current = Self.values(n, -3...30, seed: 1)
        var expected = LIFState(
            v: Self.values(n, -0.6...1.2, seed: 2), ref: Self.values(n, -0.002...0.003, seed: 3),
            out: [Float](repeating: 0, count: n))
        var states = Self.versions.map { _ in expected }
        var spikes = 0
        for step in 0..<200 {
            Self.stepAndCompare(kernel, current: current, expected: &expected, states: &states, step: step)
            spikes += expected.out.filter { $0 != 0 }.count
        }
        #expect(spikes > 10_000)
        #expect(expected.v.contains(-0.4))
    }

    /// With the least voltage at +0 (Nengo's default) the C step passes over silent blocks of
    /// 64 neurons (voltage and output +0, current below 0) by their short form. 300 steps of
    /// 20 blocks and a tail whose currents turn negative and back at staggered times (blocks
    /// falling silent, staying silent, waking, some with refractory neurons): every version's
    /// state and output equal the Swift group step's, bit for bit.
    @Test(arguments: [0.02, 0.004])
    func lifSilentBlocksEqualTheSwiftGroupStep(tauRC: Double) {
        let n = 64 * 20 + 13
        let kernel = LIFStep(dt: 0.001, tauRC: tauRC, tauRef: 0.002, minVoltage: 0, amplitude: 1)
        let drive = Self.values(n, 1.5...30, seed: 11), quiet = Self.values(n, -4 ... -0.01, seed: 12)
        var expected = LIFState(
            v: Self.values(n, 0...0.9, seed: 13), ref: Self.values(n, -0.002...0.003, seed: 14),
            out: [Float](repeating: 0, count: n))
        var states = Self.versions.map { _ in expected }
        var silentBlocks = 0, spikes = 0
        for step in 0..<300 {
            // Block b is driven for 40 steps out of every 100, starting at step 7·b.
            let current = (0..<n).map { i in (step + 100 - (7 * (i / 64)) % 100) % 100 < 40 ? drive[i] : quiet[i] }
            for b in 0..<(n / 64) where (b * 64..<(b + 1) * 64).allSatisfy({
                expected.v[$0].bitPattern == 0 && expected.out[$0].bitPattern == 0 && current[$0] < 0
            }) {
                silentBlocks += 1
            }
            Self.stepAndCompare(kernel, current: current, expected: &expected, states: &states, step: step)
            spikes += expected.out.filter { $0 != 0 }.count
        }
        // The short form ran (a block falls silent once its slowest voltage has decayed to 0:
        // about a third of the 3,600 quiet block-steps), and the drive spiked.
        #expect(silentBlocks > 1_000)
        #expect(spikes > 10_000)
    }

    /// The scenario of `lifSilentBlocksEqualTheSwiftGroupStep` with silent blocks owing their
    /// refractory time (`csl_lif_step` with `owed`): after every step each version's voltage and
    /// output equal the Swift group step's, and its refractory time does too once what is owed
    /// is paid (on a copy: `ref -= dt` as many times as its block owes); the refractory time
    /// in memory lagged, so blocks did owe.
    @Test(arguments: [0.02, 0.004])
    func lifSilentBlocksOwingEqualTheSwiftGroupStep(tauRC: Double) {
        let n = 64 * 20 + 13
        let kernel = LIFStep(dt: 0.001, tauRC: tauRC, tauRef: 0.002, minVoltage: 0, amplitude: 1)
        var constants = Self.constants(kernel)
        let drive = Self.values(n, 1.5...30, seed: 11), quiet = Self.values(n, -4 ... -0.01, seed: 12)
        var expected = LIFState(
            v: Self.values(n, 0...0.9, seed: 13), ref: Self.values(n, -0.002...0.003, seed: 14),
            out: [Float](repeating: 0, count: n))
        var states = Self.versions.map { _ in expected }
        var owed = Self.versions.map { _ in [UInt32](repeating: 0, count: n / 64) }
        var owedBlockSteps = 0, lagging = 0, longestOwed: UInt32 = 0
        for step in 0..<300 {
            let current = (0..<n).map { i in (step + 100 - (7 * (i / 64)) % 100) % 100 < 40 ? drive[i] : quiet[i] }
            current.withUnsafeBufferPointer { j in
                kernel.step(
                    count: n, voltage: &expected.v, refractoryTime: &expected.ref, output: &expected.out,
                    current: { UnsafeRawPointer(j.baseAddress! + $0).loadUnaligned(as: LIFStep.Group.self) },
                    scalarCurrent: { j[$0] })
                for (k, version) in Self.versions.enumerated() {
                    var state = states[k]
                    _ = slv_lif_step_owing(
                        Int32(version), n, &state.v, &state.ref, &state.out, j.baseAddress!, &constants,
                        kernel.polynomials == .long, &owed[k])
                    states[k] = state
                }
            }
            for (k, version) in Self.versions.enumerated() {
                var paid = states[k].ref
                for (b, count) in owed[k].enumerated() where count > 0 {
                    for i in b * 64..<(b + 1) * 64 {
                        for _ in 0..<count { paid[i] -= kernel.dt }
                    }
                }
                #expect(Self.bits(states[k].v) == Self.bits(expected.v), "voltage, version \(version), step \(step)")
                #expect(Self.bits(states[k].out) == Self.bits(expected.out), "output, version \(version), step \(step)")
                #expect(Self.bits(paid) == Self.bits(expected.ref), "refractory, version \(version), step \(step)")
                if Self.bits(states[k].ref) != Self.bits(expected.ref) { lagging += 1 }
            }
            owedBlockSteps += owed[0].filter { $0 > 0 }.count
            longestOwed = max(longestOwed, owed[0].max() ?? 0)
        }
        // Blocks owed for most of their quiet steps, up to most of a 60-step quiet spell.
        #expect(owedBlockSteps > 1_000)
        #expect(longestOwed > 30)
        #expect(lagging > 100)
    }

    /// `csl_columns_blocked` over a matrix stored run by run gives `csl_columns`' bits over the
    /// same matrix transposed, for each start (bias, set, add), column counts with and without
    /// a rest of the fours, and row counts with and without a short last run; every version.
    @Test func blockedColumnsEqualColumns() {
        let t = Self.values(40 * 83, -2...2, seed: 15), x = Self.values(40, -1...1, seed: 16)
        let bias = Self.values(83, -1...1, seed: 17), start = Self.values(83, -1...1, seed: 18)
        for columns in [1, 3, 4, 5, 9, 16, 33] {
            for rows in [5, 16, 47, 83] {
                for mode in ["bias", "set", "add"] {
                    var expected = Array(start.prefix(rows))
                    bias.withUnsafeBufferPointer { b in
                        slv_columns(0, rows, t, 83, columns, x, mode == "bias" ? b.baseAddress : nil, &expected, mode == "add")
                    }
                    var blocks: [Float] = []
                    for run in stride(from: 0, to: rows, by: 16) {
                        let r = run..<min(run + 16, rows)
                        if mode == "bias" { blocks += bias[r] }
                        for c in 0..<columns { blocks += r.map { t[c * 83 + $0] } }
                    }
                    for version in Self.versions {
                        var y = Array(start.prefix(rows))
                        slv_columns_blocked(Int32(version), rows, blocks, columns, x, mode == "bias", &y, mode == "add")
                        #expect(Self.bits(y) == Self.bits(expected), "\(columns) columns, \(rows) rows, \(mode), version \(version)")
                    }
                }
            }
        }
    }

    /// `csl_spike_columns` adds the columns of the nonzero inputs (±0 count as zero) in
    /// ascending order, `y[r] = t_j[r] · x[j] + y[r]`, for decoders of 1 to 32 rows over inputs
    /// of every length up to 200 (so every tail of the 64-input scan): every version against
    /// a scalar reference, bit for bit.
    @Test func spikeColumnsFollowTheirDefinition() {
        let t = Self.values(40 * 200, -2...2, seed: 19), start = Self.values(40, -1...1, seed: 20)
        var rng = SplitMix64(seed: 21)
        let x: [Float] = (0..<200).map { _ in
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: 1000
            case 1: -0.0
            case 2: Float.random(in: -3...3, using: &rng)
            default: 0
            }
        }
        for rows in [1, 4, 7, 32] {
            for columns in [1, 50, 63, 64, 65, 131, 200] {
                // Stride 40: each column's rows start 40 apart, as in a cut product's transposed copy.
                var expected = Array(start.prefix(rows))
                for j in 0..<columns where x[j] != 0 {
                    for r in 0..<rows { expected[r] = t[j * 40 + r] * x[j] + expected[r] }
                }
                for version in Self.versions {
                    var y = Array(start.prefix(rows))
                    var firing = [Int32](repeating: -1, count: columns)
                    slv_spike_columns(Int32(version), rows, t, 40, columns, x, &y, &firing)
                    #expect(Self.bits(y) == Self.bits(expected), "\(rows) rows, \(columns) columns, version \(version)")
                }
            }
        }
        #expect(x.filter { $0 != 0 }.count > 30)
    }

    /// Dot products (every length up to 100, so every tail), column passes, element-wise
    /// products with a bias and both synapse forms: every version gives the baseline's bits.
    @Test func vectorVersionsEqualTheBaseline() {
        let a = Self.values(40_000, -2...2, seed: 4), b = Self.values(40_000, -1...1, seed: 5)
        let c = Self.values(40_000, -1...1, seed: 6)
        func each(_ body: (Int32, inout [Float]) -> Void) -> [[UInt32]] {
            // The baseline first.
            let order = [0] + Self.versions.filter { $0 != 0 }
            return order.map { version in
                var y = c
                body(Int32(version), &y)
                return Self.bits(y)
            }
        }
        func expectSame(_ results: [[UInt32]], _ what: String) {
            for k in results.indices.dropFirst() { #expect(results[k] == results[0], "\(what)") }
        }
        for columns in 1...100 {
            expectSame(each { slv_dots($0, 300, columns, a, b, &$1, columns % 2 == 0) }, "dots of \(columns)")
        }
        for columns in [1, 3, 4, 5, 16, 17, 32] {
            expectSame(each { slv_columns($0, 1_237, a, 1_240, columns, b, nil, &$1, true) }, "\(columns) columns, adding")
            expectSame(each { slv_columns($0, 1_237, a, 1_240, columns, b, c, &$1, false) }, "\(columns) columns, bias")
        }
        expectSame(each { slv_multiply_plus($0, 40_000, a, b, c, &$1) }, "multiply plus")
        expectSame(each { slv_lowpass($0, 40_000, 0.9048374, 0.0951626, a, &$1) }, "lowpass")
        expectSame(each { version, y in
            var x = b
            slv_first_order(version, 40_000, 0.9, 0.1, 0.7, 0.2, a, &x, &y)
            y.append(contentsOf: x)
        }, "first order")
        #expect(Self.versions.contains(0))
    }

    /// `csl_columns` computes each element as its definition says, in that order (the order of
    /// the per-column passes it replaced: the first column with the bias, fours, then the rest),
    /// for every start (bias, set, add), column counts with and without a rest, and row counts
    /// with a tail shorter than its 16-row blocks: the baseline version against a scalar
    /// reference, bit for bit (the other versions equal the baseline, above).
    @Test func columnsFollowTheirDefinition() {
        let t = Self.values(40 * 83, -2...2, seed: 7), x = Self.values(40, -1...1, seed: 8)
        let bias = Self.values(83, -1...1, seed: 9), start = Self.values(83, -1...1, seed: 10)
        for columns in [1, 2, 4, 5, 7, 8, 13, 16, 32, 33, 40] {
            for rows in [5, 16, 47, 83] {
                for mode in ["bias", "set", "add"] {
                    var expected = [Float](repeating: 0, count: rows)
                    for i in 0..<rows {
                        var v: Float, c = 1
                        switch mode {
                        case "bias": v = bias[i] + t[i] * x[0]
                        case "set": v = t[i] * x[0]
                        default: (v, c) = (start[i], 0)
                        }
                        while c + 4 <= columns {
                            let low = t[c * 83 + i] * x[c] + t[(c + 1) * 83 + i] * x[c + 1]
                            let high = t[(c + 2) * 83 + i] * x[c + 2] + t[(c + 3) * 83 + i] * x[c + 3]
                            v = v + (low + high)
                            c += 4
                        }
                        while c < columns {
                            v = t[c * 83 + i] * x[c] + v
                            c += 1
                        }
                        expected[i] = v
                    }
                    var y = Array(start.prefix(rows))
                    bias.withUnsafeBufferPointer { b in
                        slv_columns(0, rows, t, 83, columns, x, mode == "bias" ? b.baseAddress : nil, &y, mode == "add")
                    }
                    #expect(Self.bits(y) == Self.bits(expected), "\(columns) columns, \(rows) rows, \(mode)")
                }
            }
        }
    }
}
