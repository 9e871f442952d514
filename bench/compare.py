"""Runs brainkit-bench and the Nengo scripts on the same networks, alternating, and prints one
table with the medians and the Nengo/BrainKit ratios.

  python3 bench/compare.py [--only NAME ...] [--rounds N] [--threads T] [--seconds S]

Each round runs BrainKit then Nengo once per benchmark (each repeating its own run
`--repeats` times and reporting its median), so machine drift affects both alike. BrainKit
must be built first (`swift build -c release`); Nengo 4.1 must be importable.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_json(command):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        path = f.name
    subprocess.run(command + ["--json", path], check=True, stdout=subprocess.DEVNULL)
    with open(path) as f:
        results = json.load(f)
    os.unlink(path)
    return {r["name"]: r for r in results}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", default=["squaring", "chain", "ring100k"])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    common = ["--only", *args.only, "--seconds", str(args.seconds), "--seed", str(args.seed),
              "--repeats", str(args.repeats)]
    brainkit_cmd = [os.path.join(ROOT, ".build/release/brainkit-bench"), *common, "--threads", str(args.threads)]
    nengo_cmd = [sys.executable, os.path.join(HERE, "nengo/run.py"), *common]
    rounds = {"brainkit": [], "nengo": []}
    for r in range(args.rounds):
        print(f"round {r + 1}/{args.rounds}", file=sys.stderr)
        rounds["brainkit"].append(run_json(brainkit_cmd))
        rounds["nengo"].append(run_json(nengo_cmd))

    def median(side, name, key):
        return statistics.median(result[name][key] for result in rounds[side])

    print(f"| benchmark | neurons | Nengo build s | BrainKit build s | build ratio | Nengo run s/sim-s | "
          f"BrainKit run s/sim-s ({args.threads} thread{'s' if args.threads > 1 else ''}) | run ratio | "
          f"Nengo metrics | BrainKit metrics |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for name in args.only:
        nb, bb = median("nengo", name, "build_s"), median("brainkit", name, "build_s")
        nr, br = median("nengo", name, "run_s_per_sim_s"), median("brainkit", name, "run_s_per_sim_s")
        nm = rounds["nengo"][-1][name]["metrics"]
        bm = rounds["brainkit"][-1][name]["metrics"]
        fmt = lambda m: ", ".join(f"{k} {v:.4f}" for k, v in sorted(m.items()))
        neurons = rounds["brainkit"][-1][name]["neurons"]
        print(f"| {name} | {neurons} | {nb:.3f} | {bb:.3f} | {nb / bb:.1f}x | {nr:.4f} | {br:.4f} | "
              f"{nr / br:.1f}x | {fmt(nm)} | {fmt(bm)} |")


if __name__ == "__main__":
    main()
