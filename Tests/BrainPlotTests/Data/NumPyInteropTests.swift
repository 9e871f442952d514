import Foundation
import Testing
import BrainCore
@testable import BrainPlot

/// NumPy reads what BrainPlot writes (and BrainPlot reads what `numpy.savez` writes), when
/// `python3 -c "import numpy"` works; otherwise the tests say they skip.
@Suite("NumPy reads the files")
struct NumPyInteropTests {
    @Test func numpyLoadsTheSameValues() throws {
        guard numpyIsAvailable else {
            print("NumPyInteropTests: skipping, python3 with numpy is not available")
            return
        }
        let directory = try temporaryDirectory("numpy")
        defer { removeTemporaryDirectory(directory) }
        let url = directory.appendingPathComponent("sample.npz")
        let archive = try NPZArchiveTests.sample()
        try archive.write(to: url)
        // Prints each array as name, dtype, shape and its values' exact repr, one line each.
        let script = """
            import sys, numpy as np
            with np.load(sys.argv[1]) as f:
                for name in f.files:
                    a = f[name]
                    print(name, a.dtype.str, a.shape, [repr(float(v)) for v in a.ravel(order='C')])
            """
        let result = try #require(runPython(["-c", script, url.path]))
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines == [
            "trange <f8 (3,) ['0.001', '0.002', '0.003']",
            "x <f8 (3, 2) ['0.5', '-1.0', '0.25', '2.0', '1e-07', '3.0']",
            "spikes32 <f4 (3,) ['0.0', '1000.0', '0.0']",
            "counts <i8 (2, 2) ['1.0', '-2.0', '3.0', '1099511627776.0']",
        ])
    }

    @Test func swiftReadsWhatNumpySaves() throws {
        guard numpyIsAvailable else {
            print("NumPyInteropTests: skipping, python3 with numpy is not available")
            return
        }
        let directory = try temporaryDirectory("numpy-savez")
        defer { removeTemporaryDirectory(directory) }
        let url = directory.appendingPathComponent("saved.npz")
        let script = """
            import sys, numpy as np
            np.savez(sys.argv[1], a=np.arange(6, dtype='<f8').reshape(2, 3) / 4, b=np.array([7, -8], dtype='<i8'),
                     c=np.array([0.5], dtype='<f4'))
            """
        let result = try #require(runPython(["-c", script, url.path]))
        #expect(result.status == 0)
        let archive = try NPZArchive(contentsOf: url)
        #expect(archive.names == ["a", "b", "c"])
        #expect(try archive["a"]?.matrix() == Matrix([[0, 0.25, 0.5], [0.75, 1, 1.25]]))
        #expect(archive["b"]?.values == .int64([7, -8]))
        #expect(archive["c"]?.values == .float32([0.5]))
    }

    /// `.sample(k, seed:)` picks the neurons numpy's `RandomState(seed).choice(n, k,
    /// replace=False)` picks.
    @Test(arguments: [(12, 4, 5), (1000, 50, 0), (40, 40, 123)])
    func sampledNeuronsAreNumpys(n: Int, count: Int, seed: Int) throws {
        guard numpyIsAvailable else {
            print("NumPyInteropTests: skipping, python3 with numpy is not available")
            return
        }
        let script = "import numpy as np; print(sorted(np.random.RandomState(\(seed)).choice(\(n), \(count), replace=False).tolist()))"
        let result = try #require(runPython(["-c", script]))
        #expect(result.status == 0)
        let chosen = try NeuronSelection.sample(count, seed: seed).resolve(spikeCounts: [Int](repeating: 0, count: n))
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "\(chosen)")
    }
}
