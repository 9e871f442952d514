"""The standard networks of `brainkit-bench`, built and run with Nengo 4.1 (bench/nengo/standard/).

Prints the same JSON as `brainkit-bench --json`, a list with one object per benchmark:
  {"name", "neurons", "build_s", "run_s_per_sim_s", "neuron_steps_per_s", "threads",
   "metrics": {name: mean over seeds}, "metrics_min", "metrics_max", "metrics_per_seed",
   "seeds", "seconds", "runs", "build_s_min", "run_s_per_sim_s_min", "simulator"}
Times are medians over every run (seeds x repeats); metrics are per seed.

  python3 bench/nengo/run.py [--only NAME ...] [--seconds S] [--seed S] [--seeds N | --seeds A,B,C]
                             [--repeats N] [--quick] [--json FILE] [--markdown] [--list]

Nengo runs its reference simulator with single-threaded BLAS (set here through
OPENBLAS_NUM_THREADS before numpy loads), float64, no decoder cache, no progress bar. Build is
`nengo.Simulator(net)`, run is `sim.run(seconds)`.
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import argparse, json, statistics, sys, time
import numpy as np
import nengo

from standard import EXTRA, NETWORKS

nengo.rc["decoder_cache"]["enabled"] = "False"
nengo.rc["progress"]["progress_bar"] = "False"


def seed_list(text, first):
    """`--seeds N` means N seeds from `first` on; `--seeds A,B,C` lists them."""
    seeds = [int(s) for s in text.split(",")] if "," in text else list(range(first, first + int(text)))
    if not seeds:
        raise ValueError(f"--seeds: expected a count >= 1 or a comma-separated list, got '{text}'")
    return seeds


def progress(line):
    print(f"\r\033[K{line}", end="", file=sys.stderr, flush=True)


def measure(name, seeds, repeats, seconds):
    builds, runs, per_seed, neurons = [], [], {}, 0
    total = len(seeds) * repeats
    for s, seed in enumerate(seeds):
        for r in range(repeats):
            progress(f"nengo {name}: seed {seed} ({s * repeats + r + 1}/{total})")
            net, score = {**NETWORKS, **EXTRA}[name](seed, seconds)
            neurons = net.n_neurons
            start = time.perf_counter()
            sim = nengo.Simulator(net, progress_bar=False)
            built = time.perf_counter()
            sim.run(seconds)
            finished = time.perf_counter()
            builds.append(built - start)
            runs.append((finished - built) / seconds)
            metrics = score(sim)
            sim.close()
        for key, value in metrics.items():
            per_seed.setdefault(key, []).append(float(value))
    run = statistics.median(runs)
    return {
        "name": name, "neurons": neurons, "build_s": statistics.median(builds), "run_s_per_sim_s": run,
        "neuron_steps_per_s": neurons / (run * 1e-3), "threads": 1,
        "metrics": {k: float(np.mean(v)) for k, v in per_seed.items()},
        "metrics_min": {k: min(v) for k, v in per_seed.items()},
        "metrics_max": {k: max(v) for k, v in per_seed.items()},
        "metrics_per_seed": per_seed, "seeds": seeds, "seconds": seconds, "runs": len(runs),
        "build_s_min": min(builds), "run_s_per_sim_s_min": min(runs), "simulator": f"nengo {nengo.__version__}",
    }


def markdown(results):
    lines = ["| benchmark | neurons | build s | run s per sim s | real-time factor | neuron-steps/s | "
             "metrics (mean [min, max] over seeds) |",
             "|---|---:|---:|---:|---:|---:|---|"]
    for r in results:
        metrics = ", ".join(f"{k} {r['metrics'][k]:.4g} [{r['metrics_min'][k]:.4g}, {r['metrics_max'][k]:.4g}]"
                            for k in sorted(r["metrics"]))
        lines.append(f"| {r['name']} | {r['neurons']} | {r['build_s']:.3f} | {r['run_s_per_sim_s']:.4f} | "
                     f"{1 / r['run_s_per_sim_s']:.1f} | {r['neuron_steps_per_s']:.3g} | {metrics} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", default=list(NETWORKS), metavar="NAME",
                        help="benchmarks to run (default: all but the extra ring sizes ring10k, ring1m)")
    parser.add_argument("--seconds", type=float, default=1.0, help="simulated seconds per run")
    parser.add_argument("--seed", type=int, default=0, help="the first network seed")
    parser.add_argument("--seeds", default="3", help="a count of seeds from --seed on, or a comma-separated list")
    parser.add_argument("--repeats", type=int, default=1, help="runs per seed (times are medians over all runs)")
    parser.add_argument("--quick", action="store_true", help="one seed, one run of 0.2 simulated seconds")
    parser.add_argument("--json", help="write the results to this file")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table instead of JSON")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = parser.parse_args()
    if args.list:
        for name, build in NETWORKS.items():
            print(f"{name}: {' '.join(build.__doc__.split(chr(10) * 2)[0].split())}")
        return
    known = {**NETWORKS, **EXTRA}
    unknown = sorted(set(args.only) - set(known))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    try:
        seeds = [args.seed] if args.quick else seed_list(args.seeds, args.seed)
    except ValueError as error:
        parser.error(str(error))
    repeats = 1 if args.quick else max(args.repeats, 1)
    seconds = 0.2 if args.quick else args.seconds
    results = [measure(name, seeds, repeats, seconds) for name in args.only]
    progress("")
    print(markdown(results) if args.markdown else json.dumps(results, indent=1))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
