"""Predicts the seconds per simulated second of a model run across 1-1,024 MPI ranks, from
its partition report, its measured single-process speed and a latency/bandwidth model of the
interconnect; prints a table and draws a log-log SVG. Standard library only.

  brainkit-bench --only ring1m ring100k --partition-report 1,2,4,...,1024 --json ring.json
  spaun-lite partition --dimensions 512 --ranks 1,2,4,...,1024 --json spaun.json
  python3 bench/mpi_scaling.py --report ring.json --report spaun.json \\
      --calibration bench/mpi-scaling-calibration.json --out docs/mpi-scaling.svg

The model, per step (dt = 1 ms, so 1,000 steps per simulated second):

  T(N) = max over ranks r of (load_r * c + sum over r's messages of (alpha + bytes / beta))
         + ceil(log2 N) * alpha                      (a per-step collective status exchange)

c is the seconds per load unit (signal element touched) measured in one process
(calibration: s per simulated s / 1000 / total load); a message is sent by one rank and
received by another and is counted on both; bytes = 4 per value (Float32). Ranks fill nodes
in order (rank r on node r // cores-per-node); a message within a node costs the
shared-memory alpha and beta, one between nodes the interconnect's; the collective costs the
interconnect's alpha once the job spans nodes.

  python3 bench/mpi_scaling.py measure --after 'stimulus ' -- spaun-lite run ...

runs a command and prints the CPU seconds it used from the first output line containing
the text (or, with --last S, in the last S wall seconds) to its exit, against the wall
seconds: the single-process calibration on a shared machine (--samples FILE keeps every
sample: seconds before exit, CPU seconds so far).
"""
import argparse, io, json, math, os, pty, subprocess, sys, threading, time

from loglog_svg import LogLogChart

# Stated interconnects: (one-way latency per message in seconds, bandwidth in bytes/s).
SHARED_MEMORY = ("shared memory", 0.5e-6, 5e9)
INTERCONNECTS = [
    ("InfiniBand EDR", 1.5e-6, 12e9),
    ("10 GbE (TCP)", 30e-6, 1.1e9),
]
CORES_PER_NODE = 32
STEPS_PER_SIMULATED_SECOND = 1000
BYTES_PER_VALUE = 4

# nengo_mpi's published Spaun (D = 512, Nengo 2) figures: (processes, s per simulated s, label).
NENGO_MPI = [
    (4, 266, "nengo_mpi, 4 processes of a PC"),
    (1024, 196, "nengo_mpi, 1,024 cluster processes"),
]
NENGO_REFERENCE = (1, 4400, "Nengo reference simulator, 1 core")


def load_reports(paths):
    """Every report in the files (a report, or a list of them), by model name."""
    reports = {}
    for path in paths:
        with open(path) as f:
            data = json.load(f)
        for report in data if isinstance(data, list) else [data]:
            reports[report["network"]] = report
    return reports


def step_seconds(row, c, interconnect, cores_per_node):
    """Predicted seconds per step of one report row: the slowest rank plus the collective."""
    _, alpha_net, beta_net = interconnect
    _, alpha_shm, beta_shm = SHARED_MEMORY
    ranks = row["ranks"]
    times = [load * c for load in row["loads"]]
    for sender, peers in enumerate(row["sends"]):
        for receiver, values in peers:
            same_node = sender // cores_per_node == receiver // cores_per_node
            alpha, beta = (alpha_shm, beta_shm) if same_node else (alpha_net, beta_net)
            cost = alpha + values * BYTES_PER_VALUE / beta
            times[sender] += cost
            times[receiver] += cost
    collective_alpha = alpha_net if ranks > cores_per_node else alpha_shm
    return max(times) + math.ceil(math.log2(ranks)) * collective_alpha


def predictions(report, calibration, cores_per_node):
    """Rows of (ranks, compute-only s/sim-s, [s/sim-s per interconnect], busy ranks)."""
    c = calibration["s_per_sim_s"] / STEPS_PER_SIMULATED_SECOND / report["total_load"]
    rows = []
    for row in report["rows"]:
        compute = row["largest_load"] * c * STEPS_PER_SIMULATED_SECOND
        shared = step_seconds(row, c, SHARED_MEMORY, 10**9) * STEPS_PER_SIMULATED_SECOND
        networked = [step_seconds(row, c, i, cores_per_node) * STEPS_PER_SIMULATED_SECOND for i in INTERCONNECTS]
        rows.append((row["ranks"], compute, shared, networked, row))
    return c, rows


def table(report, calibration, cores_per_node):
    c, rows = predictions(report, calibration, cores_per_node)
    floor = report["largest_cluster"] * c * STEPS_PER_SIMULATED_SECOND
    lines = [
        f"{report['network']}: {report['neurons']:,} neurons, {report['clusters']:,} clusters; "
        f"{calibration['s_per_sim_s']:g} s per simulated s in one process -> {c * 1e9:.3f} ns per load unit; "
        f"largest cluster {report['largest_cluster']:,} of {report['total_load']:,} "
        f"(floor {floor:.3g} s per simulated s)",
        "| ranks | busy | largest load | max msgs/rank | max values/rank | compute only | one node (shared memory) | "
        + " | ".join(name for name, _, _ in INTERCONNECTS) + " |",
        "|---:|---:|---:|---:|---:|---:|---:|" + "---:|" * len(INTERCONNECTS),
    ]
    for ranks, compute, shared, networked, row in rows:
        lines.append(
            f"| {ranks:,} | {row['busy_ranks']:,} | {row['largest_load']:,} | {row['largest_messages']:,} | "
            f"{row['largest_values']:,} | {compute:.3g} | {shared:.3g} | "
            + " | ".join(f"{t:.3g}" for t in networked) + " |")
    return "\n".join(lines)


# MARK: - The plot

WIDTH, HEIGHT = 760, 480
LEFT, RIGHT, TOP, BOTTOM = 70, 270, 34, 56
MODEL_COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"]
DASHES = ["", "6,4"]


def svg(models, cores_per_node, title):
    x0, x1 = 0, math.log2(1024)
    ys = [t for _, rows in models for _, compute, _, networked, _ in rows for t in [compute] + networked]
    ys += [p[1] for p in NENGO_MPI] + [NENGO_REFERENCE[1], 1.0]
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))

    chart = LogLogChart(WIDTH, HEIGHT, (LEFT, RIGHT, TOP, BOTTOM), (x0, x1), (y0, y1), x_base=2)
    px, py = chart.px, chart.py
    out = chart.frame(title, [(2 ** power, f"{2 ** power:,}") for power in range(0, 11)],
                      f"MPI ranks (1 core each; {cores_per_node} per node)", "wall seconds per simulated second")
    # Real time.
    out.append(f'<line x1="{LEFT}" y1="{py(1):.1f}" x2="{WIDTH - RIGHT}" y2="{py(1):.1f}" stroke="#2a2a2a" '
               f'stroke-width="1.5"/>')
    out.append(f'<text x="{LEFT + 6}" y="{py(1) - 5:.1f}">real time</text>')

    legend = []
    for index, (name, rows) in enumerate(models):
        colour = MODEL_COLOURS[index % len(MODEL_COLOURS)]
        compute = " ".join(f"{px(r):.1f},{py(t):.1f}" for r, t, _, _, _ in rows)
        out.append(f'<polyline points="{compute}" fill="none" stroke="{colour}" stroke-width="1.2" '
                   f'stroke-dasharray="1.5,3"/>')
        legend.append((f"{name}: compute only", colour, "1.5,3", 1.2))
        for k, (interconnect, _, _) in enumerate(INTERCONNECTS):
            points = " ".join(f"{px(r):.1f},{py(n[k]):.1f}" for r, _, _, n, _ in rows)
            dash = DASHES[k % len(DASHES)]
            out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2" '
                       + (f'stroke-dasharray="{dash}"' if dash else "") + "/>")
            legend.append((f"{name}: {interconnect}", colour, dash, 2))
    for ranks, seconds, label in NENGO_MPI:
        x, y = px(ranks), py(seconds)
        out.append(f'<path d="M{x - 6:.1f},{y:.1f} L{x:.1f},{y - 6:.1f} L{x + 6:.1f},{y:.1f} L{x:.1f},{y + 6:.1f} Z" '
                   f'fill="#d62728"/>')
        out.append(f'<text x="{x - 9:.1f}" y="{y + 4:.1f}" text-anchor="end" fill="#d62728">{seconds:g}</text>')
    ranks, seconds, _ = NENGO_REFERENCE
    out.append(f'<rect x="{px(ranks) - 5:.1f}" y="{py(seconds) - 5:.1f}" width="10" height="10" fill="#8c564b"/>')
    out.append(f'<text x="{px(ranks) + 9:.1f}" y="{py(seconds) + 4:.1f}" fill="#8c564b">{seconds:,}</text>')

    lx, ly = WIDTH - RIGHT + 14, TOP + 8
    for label, colour, dash, width in legend:
        out.append(f'<line x1="{lx}" y1="{ly}" x2="{lx + 26}" y2="{ly}" stroke="{colour}" stroke-width="{width}" '
                   + (f'stroke-dasharray="{dash}"' if dash else "") + "/>")
        out.append(f'<text x="{lx + 32}" y="{ly + 4}">{label}</text>')
        ly += 19
    ly += 6
    out.append(f'<path d="M{lx + 7},{ly} l6,-6 l6,6 l-6,6 Z" fill="#d62728"/>')
    out.append(f'<text x="{lx + 32}" y="{ly + 4}">nengo_mpi, Spaun D = 512</text>')
    out.append(f'<text x="{lx + 32}" y="{ly + 19}" font-size="11">(4 PC processes; 1,024 on a cluster)</text>')
    ly += 38
    out.append(f'<rect x="{lx + 8}" y="{ly - 5}" width="10" height="10" fill="#8c564b"/>')
    out.append(f'<text x="{lx + 32}" y="{ly + 4}">Nengo reference, Spaun D = 512</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


# MARK: - Measuring CPU time

def cpu_seconds(pid):
    """The user + system CPU seconds of a process (its threads, not its children)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(int(fields[i]) for i in (11, 12)) / ticks


def measure(args):
    # A terminal for standard output, so that the command writes each line as it prints it.
    leader, follower = pty.openpty()
    process = subprocess.Popen(args.command, stdout=follower)
    os.close(follower)
    output = io.TextIOWrapper(io.FileIO(leader, closefd=True), errors="replace")
    samples, marker = [], []

    def sample():
        while process.poll() is None:
            try:
                samples.append((time.monotonic(), cpu_seconds(process.pid)))
            except (OSError, IndexError):
                break
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    while True:
        try:
            line = output.readline()
        except OSError:  # the terminal closes when the command exits
            break
        if not line:
            break
        sys.stdout.write(line)
        sys.stdout.flush()
        if args.after and not marker and args.after in line:
            marker.append((time.monotonic(), cpu_seconds(process.pid)))
    process.wait()
    sampler.join()
    if not samples:
        sys.exit("measure: the command ended before its first sample")
    end_time, end_cpu = samples[-1]
    if args.after:
        if not marker:
            sys.exit(f"measure: no output line contained {args.after!r}")
        start_time, start_cpu = marker[0]
    else:
        start_time, start_cpu = next(s for s in samples if s[0] >= end_time - args.last)
    wall, cpu = end_time - start_time, end_cpu - start_cpu
    print(f"measure: {cpu:.2f} CPU s in {wall:.2f} wall s ({cpu / wall:.2f} of a core); "
          f"load average {os.getloadavg()[0]:.2f}")
    if args.samples:
        with open(args.samples, "w") as f:
            f.writelines(f"{t - end_time:.2f} {c:.2f}\n" for t, c in samples)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "measure":
        parser = argparse.ArgumentParser(prog="mpi_scaling.py measure")
        parser.add_argument("--after", help="count from the first output line containing this text")
        parser.add_argument("--last", type=float, default=10, help="else: the last S wall seconds before exit")
        parser.add_argument("--samples", help="write the samples (seconds before exit, CPU seconds) to this file")
        parser.add_argument("command", nargs=argparse.REMAINDER)
        args = parser.parse_args(sys.argv[2:])
        if args.command and args.command[0] == "--":
            args.command = args.command[1:]
        measure(args)
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="append", required=True, help="a partition report JSON (repeatable)")
    parser.add_argument("--calibration", required=True, help="JSON: model name -> {s_per_sim_s, ...}")
    parser.add_argument("--cores-per-node", type=int, default=CORES_PER_NODE)
    parser.add_argument("--plot", action="append", help="the models to draw (default: all calibrated)")
    parser.add_argument("--out", help="the SVG file to write")
    parser.add_argument("--title", default="Predicted speed across MPI ranks, one process per core (a model)")
    args = parser.parse_args()
    reports = load_reports(args.report)
    with open(args.calibration) as f:
        calibrations = {k: v for k, v in json.load(f).items() if not k.startswith("_")}
    print(f"shared memory: alpha {SHARED_MEMORY[1] * 1e6:g} us, beta {SHARED_MEMORY[2] / 1e9:g} GB/s; "
          + "; ".join(f"{n}: alpha {a * 1e6:g} us, beta {b / 1e9:g} GB/s" for n, a, b in INTERCONNECTS)
          + f"; {args.cores_per_node} cores per node\n")
    models = []
    for name, report in reports.items():
        if name not in calibrations:
            print(f"{name}: no calibration, skipped\n")
            continue
        print(table(report, calibrations[name], args.cores_per_node) + "\n")
        if args.plot is None or name in args.plot:
            label = calibrations[name].get("label", name)
            models.append((label, predictions(report, calibrations[name], args.cores_per_node)[1]))
    if args.out:
        with open(args.out, "w") as f:
            f.write(svg(models, args.cores_per_node, args.title))


if __name__ == "__main__":
    main()
