#!/usr/bin/env python3
"""2 ranks x 1 thread against 1 rank x 2 threads (docs/benchmarks.md, "Across processes").

usage: bench/mpi_speed.py [--binary PATH] [--only NAME ...] [--pairs N] [--seconds S]

For each benchmark, N pairs run in alternating order (which side goes first alternates too):
  one process  `brainkit-bench --only NAME --threads 2 --seeds 1 --seconds S`
  two ranks    `mpirun -np 2 brainkit-bench --mpi --only NAME --threads 1 --seconds S`
Both time `run` only (not the build), in seconds per simulated second. Prints every run with
the load average, then the medians and speed of two ranks / speed of one process (> 1: the two
ranks are faster). Build the binary as users get it: `swift build -c release`.
"""
import argparse
import os
import statistics
import subprocess


def load():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def one_process(binary, name, seconds):
    out = subprocess.run([binary, "--only", name, "--threads", "2", "--seeds", "1", "--seconds", str(seconds)],
                         capture_output=True, text=True, check=True).stdout
    return float(out.split(" run ")[1].split()[0])


def two_ranks(binary, name, seconds):
    environment = dict(os.environ, OMPI_MCA_btl_vader_single_copy_mechanism="none")
    command = ["mpirun", "--allow-run-as-root", "-np", "2", binary, "--mpi", "--only", name,
               "--threads", "1", "--seconds", str(seconds)]
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=environment).stdout
    line = next(l for l in out.splitlines() if l.startswith(name + ":"))
    return float(line.split(" run ")[1].split()[0]), line


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/release/brainkit-bench")
    parser.add_argument("--only", nargs="+", default=["ring100k", "cconv64"])
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=2.0)
    arguments = parser.parse_args()
    for name in arguments.only:
        single, split = [], []
        for pair in range(arguments.pairs):
            order = ["one", "two"] if pair % 2 == 0 else ["two", "one"]
            for side in order:
                before = load()
                if side == "one":
                    seconds = one_process(arguments.binary, name, arguments.seconds)
                    single.append(seconds)
                    print(f"{name} pair {pair + 1}: 1 rank x 2 threads  {seconds:.4f} s/sim-s  (load {before:.2f})")
                else:
                    seconds, line = two_ranks(arguments.binary, name, arguments.seconds)
                    split.append(seconds)
                    print(f"{name} pair {pair + 1}: 2 ranks x 1 thread  {seconds:.4f} s/sim-s  (load {before:.2f})")
                    if pair == 0:
                        print("    " + line)
        ratios = [s / m for s, m in zip(single, split)]
        print(f"{name}: median 1 rank x 2 threads {statistics.median(single):.4f} s/sim-s, "
              f"2 ranks x 1 thread {statistics.median(split):.4f} s/sim-s; speed of 2 ranks / 1 rank per pair "
              + ", ".join(f"{r:.3f}" for r in ratios) + f", median {statistics.median(ratios):.3f}")


if __name__ == "__main__":
    main()
