// Circular convolution, the binding operation of holographic reduced representations: two fixed
// 16-D unit vectors (Gaussian draws from RandomState(42), a then b, each normalised) feed a
// CircularConvolution of 200 LIF neurons per product (36 products, 7200 neurons); its output is
// probed through a 30 ms lowpass for 0.5 s and compared with the exact a ⊛ b.
//
//   swift run -c release circular-convolution
//
// The Nengo 4.1 twin is bench/nengo/examples/circular_convolution.py. The last line printed is
// JSON: the cosine of the mean output over the last 0.1 s with the exact result, the RMSE over
// every sample and dimension of the last 0.1 s, and the build and run times in seconds.
import BrainKit
import Dispatch
import Foundation

let dimensions = 16, neuronsPerProduct = 200, seconds = 0.5, window = 0.1

/// numpy's `rng.randn(count)` normalised to unit length.
func unitVector(_ count: Int, _ rng: inout RandomState) -> [Double] {
    let x = (0..<count).map { _ in rng.standardNormal() }
    let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return x.map { $0 / norm }
}

func norm(_ x: [Double]) -> Double { x.reduce(0) { $0 + $1 * $1 }.squareRoot() }

do {
    var rng = RandomState(seed: 42)
    let a = unitVector(dimensions, &rng), b = unitVector(dimensions, &rng)
    let exact = try CircularConvolution.convolve(a, b)

    let net = try Network(label: "circular convolution", seed: 0)
    let inputA = try net.node(label: "a", output: a), inputB = try net.node(label: "b", output: b)
    let cconv = try CircularConvolution(in: net, neurons: neuronsPerProduct, dimensions: dimensions)
    try net.connect(inputA, to: cconv.inputA, synapse: nil)
    try net.connect(inputB, to: cconv.inputB, synapse: nil)
    let probe = try net.probe(cconv.output, synapse: 0.03)

    let start = DispatchTime.now()
    let sim = try Simulator(net, progress: TerminalProgressBar.standardError())
    let built = DispatchTime.now()
    try sim.run(seconds: seconds)
    let finished = DispatchTime.now()
    let buildSeconds = Double(built.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    let runSeconds = Double(finished.uptimeNanoseconds - built.uptimeNanoseconds) / 1e9

    let data = try sim.data(probe), times = sim.trange()
    let late = times.indices.filter { times[$0] > seconds - window + 1e-9 }
    var meanOutput = [Double](repeating: 0, count: dimensions)
    var squaredError = 0.0
    for row in late {
        for i in 0..<dimensions {
            meanOutput[i] += data[row, i] / Double(late.count)
            squaredError += (data[row, i] - exact[i]) * (data[row, i] - exact[i])
        }
    }
    let rmse = (squaredError / Double(late.count * dimensions)).squareRoot()
    let cosine = zip(meanOutput, exact).reduce(0) { $0 + $1.0 * $1.1 } / (norm(meanOutput) * norm(exact))

    print("circular convolution: \(dimensions)-D unit vectors, \(neuronsPerProduct) LIF neurons per product,",
          "\(cconv.productCount) products (\(net.neuronCount) neurons), \(seconds) s at dt = 1 ms, seed 0")
    print(String(format: "build %.3f s, run %.3f s", buildSeconds, runSeconds))
    print(String(format: "|a ⊛ b| = %.4f, |mean output| over the last %.1f s = %.4f", norm(exact), window,
                 norm(meanOutput)))
    print(String(format: "cosine(mean output, a ⊛ b) = %.5f, RMSE (probe τ 0.03) = %.5f", cosine, rmse))
    print(String(format: "{\"cosine\": %.5f, \"rmse\": %.5f, \"build_s\": %.4f, \"run_s\": %.4f}",
                 cosine, rmse, buildSeconds, runSeconds))
} catch {
    print("circular-convolution failed: \(error)")
    exit(1)
}
