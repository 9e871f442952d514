"""Draws run time against neuron count for the ring series (ring10k, ring100k, ring1m) as a
log-log SVG, from the JSON that `brainkit-bench --json` and `bench/nengo/run.py --json` write.
Standard library only (no matplotlib).

  .build-native/release/brainkit-bench --only ring10k ring100k ring1m --seeds 1 --threads 2 --json bk.json
  python3 bench/nengo/run.py --only ring10k ring100k --seeds 1 --json nengo.json
  python3 bench/plot_scaling.py --brainkit bk.json --nengo nengo.json --out docs/ring-scaling.svg

Each series is one polyline of `run_s_per_sim_s` against `neurons`; a dashed line through the
first BrainKit point shows linear growth.
"""
import argparse, json, math

from loglog_svg import LogLogChart

WIDTH, HEIGHT = 640, 420
LEFT, RIGHT, TOP, BOTTOM = 80, 170, 30, 60
COLOURS = {"BrainKit": "#1f77b4", "Nengo": "#d62728"}


def series(path, label):
    with open(path) as f:
        results = [r for r in json.load(f) if r["name"].startswith("ring")]
    points = sorted((r["neurons"], r["run_s_per_sim_s"]) for r in results)
    threads = sorted({r.get("threads_used", r.get("threads", 1)) for r in results})
    return f"{label} ({', '.join(map(str, threads))} thread{'s' if threads != [1] else ''})", points


def decades(low, high):
    return range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1)


def svg(all_series, title):
    xs = [x for _, pts in all_series for x, _ in pts]
    ys = [y for _, pts in all_series for _, y in pts]
    x_decades, y_decades = decades(min(xs), max(xs)), decades(min(ys), max(ys))
    x0, x1 = x_decades[0], x_decades[-1]
    y0, y1 = y_decades[0], y_decades[-1]

    chart = LogLogChart(WIDTH, HEIGHT, (LEFT, RIGHT, TOP, BOTTOM), (x0, x1), (y0, y1))
    px, py = chart.px, chart.py
    out = chart.frame(title, [(10 ** d, f"{10 ** d:,}") for d in x_decades], "neurons",
                      "run seconds per simulated second")
    # Linear growth through the first BrainKit point.
    bx, by = all_series[0][1][0]
    line_end = 10 ** x1
    out.append(f'<line x1="{px(bx):.1f}" y1="{py(by):.1f}" x2="{px(line_end):.1f}" '
               f'y2="{py(by * line_end / bx):.1f}" stroke="#888" stroke-dasharray="5,4"/>')
    legend_y = TOP + 10
    for label, points in all_series:
        colour = next((c for k, c in COLOURS.items() if label.startswith(k)), "black")
        path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for x, y in points:
            out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="4" fill="{colour}"/>')
            out.append(f'<text x="{px(x) + 7:.1f}" y="{py(y) - 7:.1f}" fill="{colour}">{y:.3g}</text>')
        out.append(f'<line x1="{WIDTH - RIGHT + 15}" y1="{legend_y}" x2="{WIDTH - RIGHT + 35}" y2="{legend_y}" '
                   f'stroke="{colour}" stroke-width="2"/>')
        out.append(f'<text x="{WIDTH - RIGHT + 40}" y="{legend_y + 4}">{label}</text>')
        legend_y += 20
    out.append(f'<line x1="{WIDTH - RIGHT + 15}" y1="{legend_y}" x2="{WIDTH - RIGHT + 35}" y2="{legend_y}" '
               f'stroke="#888" stroke-dasharray="5,4"/>')
    out.append(f'<text x="{WIDTH - RIGHT + 40}" y="{legend_y + 4}">linear growth</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--brainkit", required=True, help="brainkit-bench --json output with the ring series")
    parser.add_argument("--nengo", help="bench/nengo/run.py --json output with (some of) the ring series")
    parser.add_argument("--out", required=True, help="the SVG file to write")
    parser.add_argument("--title", default="Ring of 1000-neuron 16-D ensembles: cost against size")
    args = parser.parse_args()
    all_series = [series(args.brainkit, "BrainKit")]
    if args.nengo:
        all_series.append(series(args.nengo, "Nengo 4.1"))
    with open(args.out, "w") as f:
        f.write(svg(all_series, args.title))


if __name__ == "__main__":
    main()
