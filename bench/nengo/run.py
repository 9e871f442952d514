"""The same standard networks as `brainkit-bench`, built and run with Nengo 4.1.

Prints the same JSON shape as `brainkit-bench --json`:
[{"name", "neurons", "build_s", "run_s_per_sim_s", "neuron_steps_per_s", "threads", "metrics"}]

  python3 bench/nengo/run.py [--only NAME ...] [--seconds S] [--repeats N] [--seed S] [--json FILE]

Nengo runs its reference simulator with single-threaded BLAS (set here through
OPENBLAS_NUM_THREADS before numpy loads), float64, no decoder cache, no progress bar.
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import argparse, json, sys, time
import numpy as np
import nengo

nengo.rc["decoder_cache"]["enabled"] = "False"
nengo.rc["progress"]["progress_bar"] = "False"


def squaring(seed):
    with nengo.Network(seed=seed) as net:
        value = nengo.Node(0.5)
        x = nengo.Ensemble(40, 1)
        sq = nengo.Ensemble(40, 1)
        nengo.Connection(value, x)
        nengo.Connection(x, sq, function=lambda v: v ** 2)
        px = nengo.Probe(x, synapse=0.03)
        ps = nengo.Probe(sq, synapse=0.03)

    def score(sim):
        late = sim.trange() > 0.5
        return {"x": float(sim.data[px][late].mean()), "x_squared": float(sim.data[ps][late].mean())}

    return net, score


def chain(seed, layers=4, pstc=0.01):
    with nengo.Network(seed=seed) as net:
        stim = nengo.Node(nengo.processes.WhiteSignal(1.0, high=5, rms=0.3))
        ens = [nengo.Ensemble(100, 1) for _ in range(layers)]
        nengo.Connection(stim, ens[0], synapse=None)
        for a, b in zip(ens[:-1], ens[1:]):
            nengo.Connection(a, b, synapse=pstc)
        p_in = nengo.Probe(stim)
        p_out = nengo.Probe(ens[-1], synapse=pstc)

    def score(sim):
        ideal = sim.data[p_in]
        for _ in range(layers):
            ideal = nengo.Lowpass(pstc).filt(ideal, dt=sim.dt)
        return {"rmse": float(np.sqrt(np.mean((sim.data[p_out] - ideal) ** 2)))}

    return net, score


def integrator(seed, tau=0.1):
    with nengo.Network(seed=seed) as net:
        u = nengo.Node(lambda t: 5.0 if t <= 0.1 else 0.0)
        a = nengo.Ensemble(100, 1)
        nengo.Connection(u, a, transform=tau, synapse=tau)
        nengo.Connection(a, a, synapse=tau)
        p = nengo.Probe(a, synapse=0.01)

    def score(sim):
        t = sim.trange()
        start = sim.data[p][(t > 0.1501) & (t <= 0.25)].mean()
        end = sim.data[p][t >= t[-1] - 0.0999].mean()
        return {"held": float(start), "drift": float(abs(end - start))}

    return net, score


def ring100k(seed):
    with nengo.Network(seed=seed) as net:
        noise = nengo.Node(nengo.processes.WhiteNoise(nengo.dists.Gaussian(0, 0.1)), size_out=16)
        ens = [nengo.Ensemble(1000, 16) for _ in range(100)]
        nengo.Connection(noise, ens[0])
        for i in range(100):
            nengo.Connection(ens[i], ens[(i + 1) % 100], synapse=0.01, transform=0.9)
        probe = nengo.Probe(ens[99], synapse=0.01)

    def score(sim):
        return {"final_norm": float(np.linalg.norm(sim.data[probe][-1]))}

    return net, score


NETWORKS = {"squaring": squaring, "chain": chain, "integrator": integrator, "ring100k": ring100k}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", default=list(NETWORKS))
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json")
    args = parser.parse_args()
    results = []
    for name in args.only:
        builds, runs, metrics, neurons = [], [], {}, 0
        for r in range(args.repeats):
            print(f"\r\033[K{name}: repetition {r + 1}/{args.repeats}", end="", file=sys.stderr, flush=True)
            net, score = NETWORKS[name](args.seed)
            neurons = net.n_neurons
            start = time.perf_counter()
            sim = nengo.Simulator(net, progress_bar=False)
            built = time.perf_counter()
            sim.run(args.seconds)
            finished = time.perf_counter()
            builds.append(built - start)
            runs.append((finished - built) / args.seconds)
            metrics = score(sim)
            sim.close()
        run = float(np.median(runs))
        results.append({"name": name, "neurons": neurons, "build_s": float(np.median(builds)),
                        "run_s_per_sim_s": run, "neuron_steps_per_s": neurons / (run * 1e-3),
                        "threads": 1, "metrics": metrics})
    print("\r\033[K", end="", file=sys.stderr)
    text = json.dumps(results, indent=1)
    print(text)
    if args.json:
        with open(args.json, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
