"""PES learning a 1-D communication channel from zero decoders, with Nengo 4.1 (the issue's
PES figure; BrainKit's side is Examples/learning/main.swift).

Network (as Nengo's learn_communication_channel example, in 1-D):
  stimulus = Node(WhiteSignal(period=10, high=5, rms=0.5))   -> pre   (default synapse)
  pre, post = Ensemble(100, 1) each, LIF, Nengo's default parameters
  pre -> post: NoSolver() (zero decoders), PES(learning_rate=1e-4)
  error = Node(size_in=1): post -> error, pre -> error (transform -1), error -> the rule
  probes (synapse 0.01) on the stimulus and on post
Run 10 s at dt = 1 ms; RMSE(post, stimulus) over the first and the last 2 s.

  python3 bench/nengo/examples/learning.py              one run (seed 0): one JSON line
  python3 bench/nengo/examples/learning.py --fixture F  seeds 0-4: per-seed figures into F
                                                        (Tests/BrainCoreTests/Fixtures/pes_nengo.json)

The fixture holds Nengo's figures in its default float64 and, to show how far precision alone
moves them, with rc precision bits = 32 (BrainKit simulates in Float32).
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import argparse, json, sys, time
import numpy as np
import nengo

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from standard.learning import channel  # the same network as the pes-learning benchmark

nengo.rc["decoder_cache"]["enabled"] = "False"

SECONDS = 10.0
SEEDS = [0, 1, 2, 3, 4]


def network(seed):
    return channel(seed, SECONDS)


def measure(seed, bits=64):
    nengo.rc["precision"]["bits"] = str(bits)
    net, p_stimulus, p_post = network(seed)
    start = time.perf_counter()
    sim = nengo.Simulator(net, progress_bar=False)
    built = time.perf_counter()
    with sim:
        sim.run(SECONDS)
    finished = time.perf_counter()
    t = sim.trange()
    error = sim.data[p_post][:, 0] - sim.data[p_stimulus][:, 0]

    def rmse(window):
        return float(np.sqrt(np.mean(error[window] ** 2)))

    return {
        "rmse_first_2s": rmse(t <= 2.0),
        "rmse_last_2s": rmse(t > SECONDS - 2.0),
        "build_s": built - start,
        "run_s": finished - built,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixture", help="measure seeds 0-4 and write them to this JSON file")
    args = parser.parse_args()
    if args.fixture:
        runs = [measure(seed) for seed in SEEDS]
        runs32 = [measure(seed, bits=32) for seed in SEEDS]
        out = {
            "_generator": "bench/nengo/examples/learning.py --fixture (nengo %s, numpy %s)"
                          % (nengo.__version__, np.__version__),
            "description": "PES learning a 1-D communication channel from zero decoders (100 LIF pre and post, "
                           "learning rate 1e-4, WhiteSignal(10, high=5, rms=0.5) stimulus, 10 s): RMSE of post "
                           "against the stimulus (both probed through Lowpass(0.01)) over the first and last 2 s, "
                           "per network seed; float32_* are the same runs with Nengo's rc precision bits = 32.",
            "seeds": SEEDS,
            "rmse_first_2s": [r["rmse_first_2s"] for r in runs],
            "rmse_last_2s": [r["rmse_last_2s"] for r in runs],
            "mean_rmse_last_2s": float(np.mean([r["rmse_last_2s"] for r in runs])),
            "float32_rmse_last_2s": [r["rmse_last_2s"] for r in runs32],
            "float32_mean_rmse_last_2s": float(np.mean([r["rmse_last_2s"] for r in runs32])),
        }
        with open(args.fixture, "w") as f:
            json.dump(out, f, indent=1)
        print(json.dumps(out))
        return
    result = measure(0)
    print(json.dumps({
        "name": "learning", "neurons": 200, "build_s": result["build_s"], "run_s": result["run_s"],
        "metrics": {"rmse_first_2s": result["rmse_first_2s"], "rmse_last_2s": result["rmse_last_2s"]},
    }))


if __name__ == "__main__":
    main()
