"""Runs brainkit-bench and the Nengo 4.1 scripts on the same networks, alternating, and prints
one Markdown table: build and run times with the Nengo/BrainKit ratios, and every accuracy
metric as mean [min, max] over the seeds on both sides.

  python3 bench/compare.py [--only NAME ...] [--seeds N] [--rounds N] [--threads T]
                           [--seconds S] [--quiet-below CORES] [--brainkit PATH]
                           [--beside PATH [--beside-label LABEL]]

With --beside, a second brainkit-bench (for example the native-CPU build) runs right after the
first on every benchmark, and the table gains its run time and ratio to Nengo in the same
round; the first build's figures stay the headline.

For each round and benchmark, BrainKit runs all its seeds, then Nengo does, so machine drift
affects both alike. Before each of those runs the script waits (up to --quiet-timeout
seconds) until other processes use fewer than --quiet-below cores. Times are medians over the
seeds (and rounds); the ratio is Nengo's time over BrainKit's. The last column says whether
BrainKit's mean lies within Nengo's seed-to-seed range ("yes"; the range widened by 0.1 % for
float32 against float64 rounding), only the two ranges overlap ("overlap"), or neither ("no").
BrainKit must be built first (`swift build -c release`); Nengo 4.1 must be importable
(`make bench-compare` does both).
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BUILT_BRAINKIT = os.path.join(ROOT, ".build/release/brainkit-bench")
NENGO = os.path.join(HERE, "nengo/run.py")


def busy_cores(interval=1.0):
    """Cores in use by every process over `interval` seconds, from /proc/stat."""
    def sample():
        with open("/proc/stat") as f:
            fields = [int(v) for v in f.readline().split()[1:]]
        idle = fields[3] + fields[4]
        return sum(fields) - idle, sum(fields)

    busy0, total0 = sample()
    time.sleep(interval)
    busy1, total1 = sample()
    return (busy1 - busy0) / max(total1 - total0, 1) * os.cpu_count()


def wait_until_quiet(threshold, timeout):
    """Waits until other processes use fewer than `threshold` cores (or `timeout` seconds pass)."""
    start = time.time()
    while True:
        busy = busy_cores()
        if busy < threshold:
            return
        if time.time() - start > timeout:
            print(f"\r\033[Kstill {busy:.1f} cores busy after {timeout:.0f} s; measuring anyway", file=sys.stderr)
            return
        print(f"\r\033[Kwaiting for a quiet machine ({busy:.1f} cores busy)", end="", file=sys.stderr, flush=True)


def run_json(command):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        path = f.name
    try:
        subprocess.run(command + ["--json", path], check=True, stdout=subprocess.DEVNULL)
        with open(path) as f:
            return {r["name"]: r for r in json.load(f)}
    finally:
        os.unlink(path)


def benchmark_names(brainkit):
    """The default benchmarks of `brainkit-bench --list` (not those listed as "only with --only")."""
    output = subprocess.run([brainkit, "--list"], check=True, capture_output=True, text=True).stdout
    return [line.split(":")[0] for line in output.splitlines() if line and not line.endswith("(only with --only)")]


def spread_verdict(ours, theirs, tolerance=1e-3):
    """For metric k: "yes" when BrainKit's mean lies in Nengo's range over the seeds, "overlap"
    when only the two ranges overlap, else "no". Nengo's range is widened by `tolerance` times
    its largest magnitude, for float32 against float64 rounding (and ranges of one seed)."""
    def verdict(k):
        slack = tolerance * max(abs(theirs["metrics_min"][k]), abs(theirs["metrics_max"][k]))
        low, high = theirs["metrics_min"][k] - slack, theirs["metrics_max"][k] + slack
        if low <= ours["metrics"][k] <= high:
            return "yes"
        return "overlap" if ours["metrics_min"][k] <= high and low <= ours["metrics_max"][k] else "no"

    return verdict


def summary(result, key):
    mean, low, high = result["metrics"][key], result["metrics_min"][key], result["metrics_max"][key]
    if mean is None:
        return "–"
    return f"{mean:.4g} [{low:.4g}, {high:.4g}]"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", metavar="NAME", help="benchmarks to run (default: all)")
    parser.add_argument("--seeds", default="3", help="seeds per side: a count from 0, or a comma-separated list")
    parser.add_argument("--rounds", type=int, default=1, help="times each side runs every benchmark")
    parser.add_argument("--threads", type=int, default=1, help="BrainKit simulator threads")
    parser.add_argument("--seconds", type=float, default=1.0, help="simulated seconds per run")
    parser.add_argument("--quiet-below", type=float, default=0.3, help="wait until others use fewer cores")
    parser.add_argument("--quiet-timeout", type=float, default=300, help="longest wait for quiet, seconds")
    parser.add_argument("--brainkit", default=BUILT_BRAINKIT, help="the brainkit-bench executable to run")
    parser.add_argument("--beside", metavar="PATH", help="a second brainkit-bench, run beside the first")
    parser.add_argument("--beside-label", default="native", help="the second build's name in the table")
    args = parser.parse_args()

    names = args.only or benchmark_names(args.brainkit)
    common = ["--seeds", args.seeds, "--seconds", str(args.seconds)]
    results = {"brainkit": {}, "beside": {}, "nengo": {}}
    sides = [("brainkit", [args.brainkit, "--threads", str(args.threads)])]
    if args.beside:
        sides.append(("beside", [args.beside, "--threads", str(args.threads)]))
    sides.append(("nengo", [sys.executable, NENGO]))
    for r in range(args.rounds):
        for name in names:
            for side, command in sides:
                wait_until_quiet(args.quiet_below, args.quiet_timeout)
                print(f"\r\033[Kround {r + 1}/{args.rounds}: {side} {name}", end="", file=sys.stderr, flush=True)
                result = run_json(command + ["--only", name] + common)[name]
                results[side].setdefault(name, []).append(result)
    print("\r\033[K", end="", file=sys.stderr)

    def median(side, name, key):
        return statistics.median(result[key] for result in results[side][name])

    threads = f"{args.threads} thread{'s' if args.threads > 1 else ''}"
    print(f"{args.seeds} seeds per side, {args.seconds:g} s simulated, {args.rounds} round(s); "
          f"BrainKit on {threads}, Nengo {results['nengo'][names[0]][0]['simulator'].split()[-1]} (1 BLAS thread)\n")
    beside_columns = (f" {args.beside_label} run s/sim-s | {args.beside_label} run ratio |"
                      if args.beside else "")
    print(f"| benchmark | neurons | Nengo build s | BrainKit build s | build ratio | Nengo run s/sim-s | "
          f"BrainKit run s/sim-s | run ratio |{beside_columns} metric | Nengo mean [min, max] | "
          f"BrainKit mean [min, max] | in Nengo's spread |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|" + ("---:|---:|" if args.beside else "") + "---|---|---|---|")
    for name in names:
        ours, theirs = results["brainkit"][name][-1], results["nengo"][name][-1]
        nb, bb = median("nengo", name, "build_s"), median("brainkit", name, "build_s")
        nr, br = median("nengo", name, "run_s_per_sim_s"), median("brainkit", name, "run_s_per_sim_s")
        verdict = spread_verdict(ours, theirs)
        # The simulator runs small models on one thread whatever was asked.
        used = f" ({ours['threads_used']} thread)" if ours["threads_used"] < args.threads else ""
        for i, key in enumerate(sorted(theirs["metrics"])):
            timing = (f"{name} | {ours['neurons']} | {nb:.3f} | {bb:.3f} | {nb / bb:.1f}x | {nr:.4f} | "
                      f"{br:.4f}{used} | {nr / br:.1f}x" if i == 0 else " | | | | | | | ")
            if args.beside:
                sr = median("beside", name, "run_s_per_sim_s")
                timing += f" | {sr:.4f} | {nr / sr:.1f}x" if i == 0 else " | | "
            print(f"| {timing} | {key} | {summary(theirs, key)} | {summary(ours, key)} | {verdict(key)} |")


if __name__ == "__main__":
    main()
