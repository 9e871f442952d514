import Foundation
import Testing
@testable import BrainCore

/// Runs of small matrix-vector products of one level become batches (``MatrixVectorBatching``,
/// ``MatrixVectorBatch``): checked on the kernels themselves (each product's result, bit for
/// bit), on the pass's output (which kernels join), and on whole simulations.
@Suite("Matrix-vector batches")
struct MatrixVectorBatchTests {
    typealias Memory = PhasePlannerTests.Memory

    /// A product's shape and options, as the engine compiles encoders and decoders.
    struct Shape {
        let rows: Int
        let columns: Int
        let accumulate: Bool
        let bias: Bool
        let spikes: Bool
    }

    /// One of each loop a batch holds: 1-D and 3-, 4- and 9-D encodings (`y = b + E·x`), the
    /// same loops without a bias (setting and adding), spike-sparse decoders of 4 and 8 rows,
    /// dot-product decoders of 1 and 3 rows, setting and adding.
    static let shapes = [
        Shape(rows: 50, columns: 1, accumulate: false, bias: true, spikes: false),
        Shape(rows: 40, columns: 1, accumulate: true, bias: false, spikes: false),
        Shape(rows: 21, columns: 1, accumulate: false, bias: false, spikes: false),
        Shape(rows: 37, columns: 4, accumulate: true, bias: false, spikes: false),
        Shape(rows: 30, columns: 5, accumulate: false, bias: false, spikes: false),
        Shape(rows: 100, columns: 4, accumulate: false, bias: true, spikes: false),
        Shape(rows: 75, columns: 3, accumulate: false, bias: true, spikes: false),
        Shape(rows: 67, columns: 9, accumulate: false, bias: true, spikes: false),
        Shape(rows: 4, columns: 100, accumulate: true, bias: false, spikes: true),
        Shape(rows: 8, columns: 200, accumulate: false, bias: false, spikes: true),
        Shape(rows: 1, columns: 50, accumulate: true, bias: false, spikes: true),
        Shape(rows: 3, columns: 75, accumulate: false, bias: false, spikes: false),
        Shape(rows: 1, columns: 25, accumulate: true, bias: false, spikes: false),
    ]

    /// Products of `shapes` over memory filled from one seed: matrices, biases and outputs
    /// drawn, inputs spikes (0 or 1000, a fifth firing) for the spike-sparse ones.
    static func products(_ shapes: [Shape], in memory: Memory, seed: Int) -> [MatrixVectorKernel] {
        var rng = RandomState(seed: seed)
        func filled(_ count: Int, spikes: Bool = false) -> UnsafeMutablePointer<Float> {
            let p = memory.take(count)
            for i in 0..<count {
                p[i] = spikes ? (rng.randomSample() < 0.2 ? 1000 : 0) : Float(rng.uniform(-1, 1))
            }
            return p
        }
        return shapes.map { shape in
            MatrixVectorKernel(
                matrix: filled(shape.rows * shape.columns), x: filled(shape.columns, spikes: shape.spikes),
                y: filled(shape.rows), rows: shape.rows, columns: shape.columns, accumulate: shape.accumulate,
                bias: shape.bias ? filled(shape.rows) : nil, constant: true, spikes: shape.spikes,
                constantBias: shape.bias)
        }
    }

    static func bits(_ p: UnsafeMutablePointer<Float>, _ count: Int) -> [UInt32] {
        (0..<count).map { p[$0].bitPattern }
    }

    @Test func aBatchComputesEveryProductAsItsKernelDoes() {
        let alone = Memory(capacity: 1 << 16), batched = Memory(capacity: 1 << 16)
        let reference = MatrixVectorBatchTests.products(MatrixVectorBatchTests.shapes, in: alone, seed: 7)
        let members = MatrixVectorBatchTests.products(MatrixVectorBatchTests.shapes, in: batched, seed: 7)
        #expect(members.allSatisfy(MatrixVectorBatch.canHold))
        let batch = MatrixVectorBatch(members)
        #expect(batch.cost == members.reduce(0) { $0 + $1.cost })
        // Two steps: the second adds onto (or overwrites) what the first wrote.
        for _ in 0..<2 {
            for kernel in reference { kernel.run(time: 0) }
            batch.run(time: 0)
        }
        for (k, shape) in MatrixVectorBatchTests.shapes.enumerated() {
            #expect(
                MatrixVectorBatchTests.bits(members[k].y, shape.rows)
                    == MatrixVectorBatchTests.bits(reference[k].y, shape.rows),
                "product \(k): \(shape.rows) x \(shape.columns)")
        }
        // What the batch reads and writes in the arena: each product's input and output.
        let footprint = batch.footprint!
        #expect(footprint.writes == members.map { MemoryFootprint.range($0.y, $0.rows) })
        #expect(footprint.reads == members.map { MemoryFootprint.range($0.x, $0.columns) })
    }

    @Test func consecutiveProductsOfOneLevelJoinUpToTheCap() {
        let memory = Memory(capacity: 1 << 16)
        let small = Shape(rows: 50, columns: 1, accumulate: false, bias: true, spikes: false)
        let products = MatrixVectorBatchTests.products([Shape](repeating: small, count: 7), in: memory, seed: 1)
        let learned = MatrixVectorKernel(
            matrix: memory.take(50), x: memory.take(1), y: memory.take(50), rows: 50, columns: 1, accumulate: false,
            bias: memory.take(50), constant: false, constantBias: true)
        #expect(!MatrixVectorBatch.canHold(learned))
        #expect(!MatrixVectorBatch.canHold(products[0].part(0..<16) as! MatrixVectorKernel))
        let reset = ResetKernel(target: memory.take(16), count: 16, value: 0)
        // Level 0: two products, a reset, three products; level 1: a product, a learned
        // product (its matrix changes), a product.
        let kernels: [Kernel] = [
            products[0], products[1], reset, products[2], products[3], products[4], products[5], learned, products[6],
        ]
        let levels = [0, 0, 0, 0, 0, 0, 1, 1, 1]
        let writes = kernels.indices.map { [WrittenRegion(SignalID(index: $0))] }
        let footprints = kernels.map { $0.footprint! }
        let out = MatrixVectorBatching.batch(kernels: kernels, levels: levels, writes: writes, footprints: footprints)
        // Level boundaries, other kernels and products a batch cannot hold end a run; a run of
        // one stays as it was.
        #expect(out.kernels.count == 6)
        #expect(out.kernels[0] is MatrixVectorBatch && out.kernels[2] is MatrixVectorBatch)
        #expect(out.kernels[1] === reset)
        #expect(out.kernels[3] === products[5])
        #expect(out.kernels[4] === learned)
        #expect(out.kernels[5] === products[6])
        #expect(out.levels == [0, 0, 0, 1, 1, 1])
        #expect(out.writes[0] == [writes[0][0], writes[1][0]])
        #expect(out.writes[2] == [writes[3][0], writes[4][0], writes[5][0]])
        #expect(out.footprints.count == out.kernels.count)

        // A cap of two products' cost cuts the level-0 run of three into two and one.
        let capped = MatrixVectorBatching.batch(
            kernels: kernels, levels: levels, writes: writes, footprints: footprints,
            maximumCost: 2 * products[0].cost)
        #expect(capped.kernels.count == 7)
        #expect(capped.kernels[2] is MatrixVectorBatch && capped.kernels[3] === products[4])
        #expect(capped.levels == [0, 0, 0, 0, 1, 1, 1])

        // Products longer than `largestProduct` stay alone (16-row decoders of 1,000 neurons).
        let long = Shape(rows: 16, columns: 1000, accumulate: true, bias: false, spikes: true)
        let longs = MatrixVectorBatchTests.products([long, long], in: memory, seed: 2)
        #expect(longs[0].cost > MatrixVectorBatching.largestProduct)
        let alone = MatrixVectorBatching.batch(
            kernels: longs, levels: [0, 0], writes: longs.indices.map { [WrittenRegion(SignalID(index: $0))] },
            footprints: longs.map { $0.footprint! })
        #expect(alone.kernels.count == 2 && alone.kernels[0] === longs[0] && alone.kernels[1] === longs[1])
    }

    /// An ensemble array as built by hand: 12 one-dimensional ensembles of 50 neurons and four
    /// 4-D ensembles of 100, each encoding its slice of a 28-D input and decoding into its
    /// slice of an output node; probes on the output and on every ensemble's spikes.
    static func array() throws -> (Network, [Probe]) {
        let net = try Network(label: "array", seed: 11)
        let input = try net.node(sizeOut: 28) { t in (0..<28).map { sin(Double($0 + 1) * t) } }
        let output = try net.node(sizeIn: 28)
        var probes: [Probe] = []
        var start = 0
        for (count, neurons, dimensions) in [(12, 50, 1), (4, 100, 4)] {
            for _ in 0..<count {
                let ensemble = try net.ensemble(neurons: neurons, dimensions: dimensions)
                try net.connect(input[start..<(start + dimensions)], to: ensemble)
                try net.connect(ensemble, to: output[start..<(start + dimensions)])
                probes.append(try net.probe(ensemble.neurons))
                start += dimensions
            }
        }
        probes.append(try net.probe(output, synapse: 0.01))
        return (net, probes)
    }

    @Test func anArrayComputesTheSameWithBatchesOnEveryThreadCount() throws {
        let (net, probes) = try MatrixVectorBatchTests.array()
        let unbatched = try Simulator(net, dt: 0.001, seed: 3, threads: 1, sharing: .always, batchesProducts: false)
        try unbatched.run(steps: 200)
        for threads in [1, 2] {
            let sim = try Simulator(net, dt: 0.001, seed: 3, threads: threads, sharing: .always)
            try sim.run(steps: 200)
            for probe in probes {
                #expect(try sim.data(probe).values == unbatched.data(probe).values, "\(threads) threads: \(probe.name)")
            }
            // 16 encoders and 16 decoders become one batch each, in one thread's share or two.
            #expect(sim.kernelsPerStep < unbatched.kernelsPerStep - 20, "\(sim.kernelsPerStep) kernels per step")
        }
        #expect(try unbatched.data(probes[0]).values.contains { $0 > 0 })
    }
}
