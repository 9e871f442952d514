"""Circular convolution of two fixed 16-D unit vectors with Nengo 4.1's core network.

The twin of `swift run -c release circular-convolution`: nengo.networks.CircularConvolution
with 200 neurons per product (36 products, 7200 LIF neurons), inputs from
np.random.RandomState(42) (Gaussian draws, a then b, each normalised), no input synapse,
output probed through a 30 ms lowpass for 0.5 s. The figures are over the last 0.1 s:
`cosine` compares the mean output with the exact a ⊛ b, `rmse` is over every sample and
dimension. As in bench/nengo/run.py: single-threaded BLAS, no decoder cache.

  python3 bench/nengo/examples/circular_convolution.py [--seed S]

Prints one JSON line: {"name", "neurons", "build_s", "run_s", "metrics": {...}}.
"""
import os

os.environ["OPENBLAS_NUM_THREADS"] = "1"
import argparse, json, time
import numpy as np
import nengo

nengo.rc["decoder_cache"]["enabled"] = "False"

DIMENSIONS, NEURONS, SECONDS, WINDOW = 16, 200, 0.5, 0.1


def unit_vectors(dimensions):
    rng = np.random.RandomState(42)
    a = rng.randn(dimensions)
    a /= np.linalg.norm(a)
    b = rng.randn(dimensions)
    b /= np.linalg.norm(b)
    return a, b


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    a, b = unit_vectors(DIMENSIONS)
    exact = np.real(np.fft.ifft(np.fft.fft(a) * np.fft.fft(b)))
    with nengo.Network(label="circular convolution", seed=args.seed) as net:
        input_a = nengo.Node(a)
        input_b = nengo.Node(b)
        cconv = nengo.networks.CircularConvolution(NEURONS, DIMENSIONS)
        nengo.Connection(input_a, cconv.input_a, synapse=None)
        nengo.Connection(input_b, cconv.input_b, synapse=None)
        probe = nengo.Probe(cconv.output, synapse=0.03)

    start = time.perf_counter()
    sim = nengo.Simulator(net, progress_bar=False)
    built = time.perf_counter()
    with sim:
        sim.run(SECONDS)
    finished = time.perf_counter()

    late = sim.trange() > SECONDS - WINDOW + 1e-9
    output = sim.data[probe][late]
    mean_output = output.mean(axis=0)
    cosine = float(mean_output @ exact / (np.linalg.norm(mean_output) * np.linalg.norm(exact)))
    rmse = float(np.sqrt(np.mean((output - exact) ** 2)))
    print(json.dumps({
        "name": "circular-convolution",
        "neurons": int(sum(e.n_neurons for e in net.all_ensembles)),
        "build_s": round(built - start, 4),
        "run_s": round(finished - built, 4),
        "metrics": {"cosine": round(cosine, 5), "rmse": round(rmse, 5)},
    }))


if __name__ == "__main__":
    main()
