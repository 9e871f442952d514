"""Runs each example program and its Nengo twin (bench/nengo/examples/), alternating, and
prints one Markdown table of build and run times (medians over the rounds) with the headline
figures of the last round.

  python3 bench/examples.py [--only NAME ...] [--rounds N]

Build the examples first (`swift build -c release`). Each Swift example prints a JSON object
as its last line (headline figures plus "build_s" and "run_s"); each Nengo twin prints
{"name", "neurons", "build_s", "run_s", "metrics"}.
"""
import argparse, json, os, statistics, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EXAMPLES = {
    "basal-ganglia": "basal_ganglia.py",
    "circular-convolution": "circular_convolution.py",
    "integrator": "integrator.py",
    "controlled-oscillator": "controlled_oscillator.py",
    "learning": "learning.py",
    "spa-sequence": "spa_sequence.py",
    "question-memory": "question_memory.py",
    "question-control": "question_control.py",
}


def last_json(command):
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    output = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", default=list(EXAMPLES))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rows = []
    for name in args.only:
        swift_cmd = [os.path.join(ROOT, ".build/release", name)]
        nengo_cmd = [sys.executable, os.path.join(HERE, "nengo/examples", EXAMPLES[name])]
        ours, theirs = [], []
        for r in range(args.rounds):
            print(f"{name}: round {r + 1}/{args.rounds}", file=sys.stderr)
            ours.append(last_json(swift_cmd))
            theirs.append(last_json(nengo_cmd))
        median = lambda runs, key: statistics.median(run[key] for run in runs)
        our_metrics = {k: v for k, v in ours[-1].items() if k not in ("build_s", "run_s")}
        rows.append((name, median(theirs, "build_s"), median(ours, "build_s"), median(theirs, "run_s"),
                     median(ours, "run_s"), theirs[-1].get("metrics", {}), our_metrics))

    def show(metrics):
        def value(v):
            if isinstance(v, float):
                return f"{v:.4g}"
            if isinstance(v, list):
                return "[" + ", ".join(value(x) for x in v) + "]"
            return str(v)
        return ", ".join(f"{k} {value(v)}" for k, v in sorted(metrics.items()))

    print("| example | Nengo build s | BrainKit build s | build ratio | Nengo run s | BrainKit run s | run ratio "
          "| Nengo figures | BrainKit figures |")
    print("|---|---:|---:|---:|---:|---:|---:|---|---|")
    for name, nb, bb, nr, br, nm, bm in rows:
        print(f"| {name} | {nb:.3f} | {bb:.3f} | {nb / bb:.1f}x | {nr:.3f} | {br:.4f} | {nr / br:.1f}x "
              f"| {show(nm)} | {show(bm)} |")


if __name__ == "__main__":
    main()
