import Foundation
import Testing
@testable import BrainCore

/// The spike-sparse building blocks: listing the firing inputs, and products that visit only
/// the columns whose input is nonzero.
@Suite("Sparse products")
struct SparseProductTests {
    @Test func spikeScanListsExactlyTheNonzeroEntries() {
        var rng = RandomState(seed: 11)
        for count in [0, 1, 15, 16, 63, 64, 65, 200, 1000] {
            for density in [0.0, 0.05, 0.5, 1.0] {
                var x = [Float](repeating: 0, count: count)
                for j in 0..<count where rng.uniform(0, 1) < density {
                    x[j] = [1000, -3, 0.5, .leastNonzeroMagnitude, -.greatestFiniteMagnitude][j % 5]
                }
                // Negative zeros count as zero.
                for j in stride(from: 3, to: count, by: 7) where x[j] == 0 { x[j] = -0.0 }
                let expected = x.indices.filter { x[$0] != 0 }.map { Int32($0) }
                var firing = [Int32](repeating: -1, count: max(count, 1))
                let found = x.withUnsafeBufferPointer { xs in
                    firing.withUnsafeMutableBufferPointer { SpikeScan.firing(xs.baseAddress!, count: count, into: $0.baseAddress!) }
                }
                #expect(Array(firing.prefix(found)) == expected, "count \(count), density \(density)")
                // Restricted to a mask: every third index.
                var among = [UInt64](repeating: 0, count: (count + 63) / 64 + 1)
                for j in stride(from: 0, to: count, by: 3) { among[j / 64] |= 1 << UInt64(j % 64) }
                let masked = x.withUnsafeBufferPointer { xs in
                    firing.withUnsafeMutableBufferPointer {
                        SpikeScan.firing(xs.baseAddress!, count: count, among: among, into: $0.baseAddress!)
                    }
                }
                #expect(Array(firing.prefix(masked)) == expected.filter { $0 % 3 == 0 })
            }
        }
    }

    /// A value for an entry: uniform in [-1, 1), or one of `distinct` values when it is not nil
    /// (a matrix with at most 256 distinct values is stored in 4-byte entries).
    static func entryValue(_ rng: inout RandomState, distinct: Int?) -> Double {
        guard let distinct else { return rng.uniform(-1, 1) }
        return Double(Int(rng.uniform(0, Double(distinct)))) * 0.37 - 0.5
    }

    /// Both entry layouts of ``SparseColumns``: the one a matrix gets follows from its values.
    @Test func entriesArePackedWhenAtMost256DistinctValues() throws {
        for (distinct, bytes) in [(1, 4), (256, 4), (257, 8)] {
            let entries = (0..<300).map { k in (row: k % 50, column: k / 50, value: Double(k % distinct) + 0.5) }
            let matrix = try SparseMatrix(rows: 50, columns: 6, entries: entries)
            var values = matrix.values.map(Float.init)
            let columns = values.withUnsafeMutableBufferPointer { SparseColumns(matrix, values: $0.baseAddress!) }
            #expect(columns.entryBytes == bytes, "\(distinct) distinct values")
        }
    }

    /// A matrix with columns longer than one 16-entry copy and more entries than one batch,
    /// against the same product in Double, in both entry layouts.
    @Test(arguments: [nil, 3] as [Int?])
    func columnProductsMatchTheDenseProduct(distinctValues: Int?) throws {
        var rng = RandomState(seed: 4)
        let rows = 300, columns = 500
        var entries: [(row: Int, column: Int, value: Double)] = []
        for c in 0..<columns {
            let length = c % 50 == 0 ? 120 : Int(rng.uniform(0, 16))
            var chosen = Set<Int>()
            while chosen.count < length { chosen.insert(Int(rng.uniform(0, Double(rows)))) }
            for r in chosen.sorted() {
                entries.append((r, c, SparseProductTests.entryValue(&rng, distinct: distinctValues)))
            }
        }
        let matrix = try SparseMatrix(rows: rows, columns: columns, entries: entries)
        #expect(matrix.entryCount > 4096)
        var x = [Double](repeating: 0, count: columns)
        for c in 0..<columns where rng.uniform(0, 1) < 0.6 { x[c] = rng.uniform(-2, 2) }

        let net = try Network(seed: 1)
        let source = try net.node(output: x)
        let sink = try net.node(sizeIn: rows)
        try net.connect(source, to: sink, synapse: nil, transform: .sparse(matrix))
        let probe = try net.probe(sink, .input)
        let sim = try Simulator(net)
        try sim.run(steps: 2)
        let product = try sim.data(probe).row(1)

        var expected = [Double](repeating: 0, count: rows)
        for entry in entries { expected[entry.row] += entry.value * Double(Float(x[entry.column])) }
        for r in 0..<rows { #expect(abs(product[r] - expected[r]) < 1e-4, "row \(r)") }
    }

    /// One population of `neurons` LIF neurons driven only through a sparse recurrence (four
    /// inputs per neuron, synapse 0.1 s): big enough to be cut for two threads.
    static func sparseRecurrence(neurons n: Int) throws -> (net: Network, population: Ensemble) {
        var entries: [(row: Int, column: Int, value: Double)] = []
        for r in 0..<n {
            for k in 1...4 { entries.append((r, (r + k * 37) % n, 1e-4)) }
        }
        let net = try Network(seed: 3)
        let population = try net.ensemble(neurons: n, dimensions: 1)
        try net.connect(
            population.neurons, to: population.neurons, synapse: 0.1,
            transform: .sparse(try SparseMatrix(rows: n, columns: n, entries: entries)))
        return (net, population)
    }

    /// The parts of a cut product (``SparseExchange``), run at once on their own threads, add
    /// exactly what the whole product adds: columns of one, two and more 64-byte lines, inputs
    /// of several values (runs), a square and a wide matrix, both entry layouts, two parts
    /// (their own loop) and three, over several steps.
    @Test(arguments: [(rows: 400, columns: 400, parts: 3), (rows: 300, columns: 700, parts: 3),
                      (rows: 400, columns: 400, parts: 2), (rows: 300, columns: 700, parts: 2)],
          [nil, 5] as [Int?])
    func partsOfACutProductAddExactlyWhatTheWholeAdds(
        shape: (rows: Int, columns: Int, parts: Int), distinctValues: Int?
    ) throws {
        var rng = RandomState(seed: 9)
        var entries: [(row: Int, column: Int, value: Double)] = []
        for c in 0..<shape.columns {
            let length = c % 40 == 0 ? 60 : c % 17 == 0 ? 20 : Int(rng.uniform(0, 12))
            var chosen = Set<Int>()
            while chosen.count < length { chosen.insert(Int(rng.uniform(0, Double(shape.rows)))) }
            for r in chosen.sorted() {
                entries.append((r, c, SparseProductTests.entryValue(&rng, distinct: distinctValues)))
            }
        }
        let matrix = try SparseMatrix(rows: shape.rows, columns: shape.columns, entries: entries)
        var values = matrix.values.map(Float.init)
        var x = [Float](repeating: 0, count: shape.columns)
        var whole = [Float](repeating: 0, count: shape.rows), cut = whole
        values.withUnsafeMutableBufferPointer { values in
            x.withUnsafeMutableBufferPointer { x in
                whole.withUnsafeMutableBufferPointer { whole in
                    cut.withUnsafeMutableBufferPointer { cut in
                        let single = SparseMatrixVectorKernel(
                            matrix: matrix, values: values.baseAddress!, x: x.baseAddress!, y: whole.baseAddress!,
                            accumulate: false, constant: true)
                        let shared = SparseMatrixVectorKernel(
                            matrix: matrix, values: values.baseAddress!, x: x.baseAddress!, y: cut.baseAddress!,
                            accumulate: false, constant: true)
                        let bounds = shape.parts == 3
                            ? [0, shape.rows / 3, shape.rows * 2 / 3 + 5, shape.rows] : [0, shape.rows / 2 - 7, shape.rows]
                        let parts = (0..<shape.parts).map { shared.part(bounds[$0]..<bounds[$0 + 1]) }
                        for part in parts { part.prepare() }
                        let siblings = parts.allSatisfy { $0.runsWithSiblings }
                        #expect(siblings)
                        for step in 0..<5 {
                            for c in 0..<shape.columns {
                                let u = rng.uniform(0, 1)
                                x[c] = u < 0.7 ? 0 : step % 2 == 0 ? 1000 : Float(rng.uniform(-3, 3))
                            }
                            single.run(time: 0)
                            // One thread per part (as the executor places them): they wait for each other.
                            let threads = (1..<shape.parts).map { index in Thread { parts[index].run(time: 0) } }
                            for thread in threads { thread.start() }
                            parts[0].run(time: 0)
                            while threads.contains(where: { !$0.isFinished }) { usleep(100) }
                            #expect(Array(cut) == Array(whole), "step \(step)")
                        }
                    }
                }
            }
        }
    }

    /// A neuron population driven through a sparse recurrence is a chain of kernels over the
    /// same neurons (bias copy, gain, neurons, sparse product, synapse); cut at the same
    /// places, they run in one phase: the sparse product's parts meet inside it (each lists the
    /// spikes of its own neurons), and nothing else needs another thread's results.
    @Test func kernelsOverTheSameElementsShareAPhase() throws {
        let (net, population) = try SparseProductTests.sparseRecurrence(neurons: 20_000)
        let probe = try net.probe(population.neurons)
        let serial = try Simulator(net, threads: 1)
        let parallel = try Simulator(net, dt: 0.001, seed: nil, threads: 2, sharing: .whenItPays)  // 2 whatever the cores
        #expect(parallel.threads == 2)
        #expect(parallel.barriersPerStep == 1)
        try serial.run(steps: 100)
        try parallel.run(steps: 100)
        #expect(try serial.data(probe).values == parallel.data(probe).values)
    }
}
