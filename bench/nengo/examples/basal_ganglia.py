"""Action selection with Nengo 4.1: BasalGanglia(5) + Thalamus(5), the twin of BrainKit's
`basal-ganglia` example (Examples/basal-ganglia/main.swift).

Five actions with constant utilities [0.8, 0.4, 0.6, 0.3, 0.5] drive the basal ganglia (no
synapse); its output drives the thalamus (default Lowpass(0.005)). Runs 0.3 s at dt = 1 ms and
probes the thalamus output through Lowpass(0.01). With the same seed BrainKit draws the same
neurons, so the two runs agree closely (not bit for bit: BrainKit simulates in Float32).

Measures (the same as the Swift example):
- thalamus_means: mean thalamus output per action over the last 0.1 s (t > 0.2 s);
- selected: the argmax of those means;
- selection_time_ms: the first sample time at which the thalamus output for action 0 exceeds
  every other action's by at least 0.5 and stays the argmax to the end of the run.

  python3 bench/nengo/examples/basal_ganglia.py [--seed S]

Prints one JSON line: {"name", "neurons", "build_s", "run_s", "metrics": {...}}.
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import argparse, json, time
import numpy as np
import nengo

UTILITIES = [0.8, 0.4, 0.6, 0.3, 0.5]
SECONDS = 0.3
MARGIN = 0.5


def selection_time(times, thalamus, action, margin):
    """First time `action` leads every other by `margin` and stays the argmax afterwards."""
    others = np.delete(thalamus, action, axis=1).max(axis=1)
    leads = thalamus[:, action] - others >= margin
    stays = np.flip(np.logical_and.accumulate(np.flip(thalamus[:, action] > others)))
    hits = np.flatnonzero(leads & stays)
    return float(times[hits[0]]) if hits.size else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    nengo.rc["decoder_cache"]["enabled"] = "False"

    with nengo.Network(label="basal-ganglia", seed=args.seed) as net:
        utilities = nengo.Node(UTILITIES, label="utilities")
        bg = nengo.networks.BasalGanglia(len(UTILITIES))
        thalamus = nengo.networks.Thalamus(len(UTILITIES))
        nengo.Connection(utilities, bg.input, synapse=None)
        nengo.Connection(bg.output, thalamus.input)
        thalamus_probe = nengo.Probe(thalamus.output, synapse=0.01)

    start = time.perf_counter()
    sim = nengo.Simulator(net, progress_bar=False)
    built = time.perf_counter()
    sim.run(SECONDS)
    finished = time.perf_counter()

    times = sim.trange()
    late = times > SECONDS - 0.1 + 1e-9
    thalamus_means = sim.data[thalamus_probe][late].mean(axis=0)
    t_select = selection_time(times, sim.data[thalamus_probe], 0, MARGIN)
    metrics = {
        "selected": int(np.argmax(thalamus_means)),
        "thalamus_means": [round(float(v), 4) for v in thalamus_means],
        "selection_time_ms": None if t_select is None else round(t_select * 1000, 1),
    }
    print(json.dumps({"name": "basal-ganglia", "neurons": net.n_neurons, "build_s": round(built - start, 4),
                      "run_s": round(finished - built, 4), "metrics": metrics}))


if __name__ == "__main__":
    main()
