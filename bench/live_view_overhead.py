#!/usr/bin/env python3
"""The live view's overhead on the talk's oscillator (docs/benchmarks.md, "The live view").

usage: bench/live_view_overhead.py [--binary PATH] [--pairs N] [--seconds S] [--warm-up S]

Each pair runs, in alternating order:
  plain  `brainkit-view oscillator --without-view S`: the model alone (`Simulator.run(steps:)`),
         steps per wall-clock second and per CPU second of the process;
  live   `brainkit-view oscillator --speed 0` (as fast as possible) with ten plots opened by
         the page, the page shown by headless Chromium on the same machine; steps per
         wall-clock second over S seconds after a warm-up, and steps per CPU second of the
         simulation thread, from the view's statistics lines.
Steps per wall-clock second is what a user sees; steps per CPU second is the work of a step,
whatever share of a core the simulation got (on a machine whose cores are all busy the browser
takes CPU from the simulation, which the first shows and the second does not).
Prints every run with the load average, then the medians and live / plain of each.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

PLOTS = [
    "oscillator:value", "oscillator:xy", "oscillator:spikes", "oscillator:voltage",
    "shape:value", "shape:spikes", "shape:voltage", "stimulus:value", "kick:value", "oscillator:xy",
]
DT = 0.001


def load():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def plain(binary, seconds):
    out = subprocess.run([binary, "oscillator", "--without-view", str(seconds)], capture_output=True, text=True,
                         check=True).stdout
    fields = out.split("without the view:")[1].replace(",", "").split()
    return float(fields[0]), float(fields[2])


def live(binary, seconds, warm_up, port, chromium):
    command = [binary, "oscillator", "--speed", "0", "--port", str(port), "--statistics-every", "1"]
    for plot in PLOTS:
        command += ["--plot", plot]
    view = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    lines = []  # (wall clock, simulated time, frames sent and steps per CPU s since the last line, channels)

    def read():
        for line in view.stdout:
            if line.startswith("t "):
                fields = line.replace(",", "").split()
                lines.append((time.monotonic(), float(fields[1]), int(fields[15]), int(fields[-2]), float(fields[10])))
            elif "open http" in line:
                lines.append(line.split("open ")[1].split()[0])

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    while not lines:
        if view.poll() is not None:
            sys.exit("brainkit-view ended before it listened")
        time.sleep(0.05)
    url = lines.pop()
    profile = tempfile.mkdtemp(prefix="live-view-overhead-")
    browser = subprocess.Popen(
        [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--window-size=1600,1200", "--hide-scrollbars", f"--user-data-dir={profile}", url],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(warm_up + seconds + 3)
    finally:
        browser.terminate()
        browser.wait()
        view.terminate()
        view.wait()
        subprocess.run(["rm", "-rf", profile])
    start = lines[0][0] + warm_up
    window = [entry for entry in lines if start <= entry[0] <= start + seconds + 0.5]
    if len(window) < 2 or any(entry[3] != 8 for entry in window):
        sys.exit(f"the page did not watch its 8 channels (statistics: {lines[-3:]})")
    (w0, t0, *_), (w1, t1, *_) = window[0], window[-1]
    # Each statistics line counts the frames sent and the steps per CPU second since the line before.
    frames = sum(entry[2] for entry in window[1:]) / (w1 - w0)
    return (t1 - t0) / DT / (w1 - w0), statistics.median(entry[4] for entry in window[1:]), frames


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/release/brainkit-view")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--warm-up", type=float, default=4)
    parser.add_argument("--port", type=int, default=8391)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    runs = {"plain": [], "live": []}
    for pair in range(args.pairs):
        for kind in (["plain", "live"] if pair % 2 == 0 else ["live", "plain"]):
            before = load()
            if kind == "plain":
                rate, cpu = plain(args.binary, args.seconds)
                note = ""
            else:
                rate, cpu, frames = live(args.binary, args.seconds, args.warm_up, args.port, args.chromium)
                note = f", {frames:.1f} frames/s sent"
            runs[kind].append((rate, cpu))
            print(f"pair {pair + 1} {kind:5} {rate:,.0f} steps/s, {cpu:,.0f} steps per CPU s{note} (load {before:.2f})",
                  flush=True)
    for index, what in enumerate(["steps/s", "steps per CPU s"]):
        plains = [run[index] for run in runs["plain"]]
        lives = [run[index] for run in runs["live"]]
        ratios = [live / plain for live, plain in zip(lives, plains)]
        print(f"{what}: median plain {statistics.median(plains):,.0f}, live {statistics.median(lives):,.0f}; "
              f"live / plain per pair {', '.join(f'{r:.3f}' for r in ratios)} (median {statistics.median(ratios):.3f})")


if __name__ == "__main__":
    main()
