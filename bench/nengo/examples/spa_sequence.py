"""The nengo_spa sequence example in nengo_spa 2.0, the twin of BrainKit's `spa-sequence`
example (Examples/spa-sequence/main.swift).

A State "cortex" of D dimensions (default 16); five ifmax actions dot(cortex, X) → next letter
>> cortex (A→B→C→D→E→A); a Transcode gives A for the first 50 ms. The vocabulary is drawn
from RandomState(seed) with keys A..E, as the Swift example draws it. 1 s at dt = 1 ms;
cortex probed through Lowpass(0.01).

Measures (the same as the Swift example): a letter enters when it becomes the most similar key
and stays so for 3 ms; the order of entries and the mean time between them (period_ms).

  python3 bench/nengo/examples/spa_sequence.py [--seed S] [--dimensions D] [--seconds T]

Prints one JSON line: {"name", "neurons", "build_s", "run_s", "metrics": {...}}.
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import argparse, json, time
import numpy as np
import nengo
import nengo_spa as spa

LETTERS = ["A", "B", "C", "D", "E"]


def entries(similarities, times, hold=3):
    """(key index, time) whenever a key becomes the argmax and stays it for `hold` samples."""
    best = np.argmax(similarities, axis=1)
    found, current = [], None
    for row in range(len(best)):
        if best[row] != current and row + hold <= len(best) and np.all(best[row:row + hold] == best[row]):
            found.append((int(best[row]), float(times[row])))
            current = best[row]
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dimensions", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=1.0)
    args = parser.parse_args()
    nengo.rc["decoder_cache"]["enabled"] = "False"
    vocab = spa.Vocabulary(args.dimensions, pointer_gen=np.random.RandomState(args.seed))
    vocab.populate("; ".join(LETTERS))

    with spa.Network(label="spa-sequence", seed=args.seed) as model:
        cortex = spa.State(vocab, label="cortex")
        with spa.ActionSelection():
            for current, following in zip(LETTERS, LETTERS[1:] + LETTERS[:1]):
                spa.ifmax(spa.dot(cortex, spa.sym(current)), spa.sym(following) >> cortex)
        spa.Transcode(lambda t: "A" if t < 0.05 else "0", output_vocab=vocab) >> cortex
        probe = nengo.Probe(cortex.output, synapse=0.01)

    start = time.perf_counter()
    sim = nengo.Simulator(model, progress_bar=False)
    built = time.perf_counter()
    sim.run(args.seconds)
    finished = time.perf_counter()

    found = entries(spa.similarity(sim.data[probe], vocab), sim.trange())
    gaps = np.diff([t for _, t in found])
    print(json.dumps({
        "name": "spa-sequence", "neurons": int(sum(e.n_neurons for e in model.all_ensembles)),
        "build_s": built - start, "run_s": finished - built,
        "metrics": {"order": [LETTERS[k] for k, _ in found],
                    "period_ms": float(gaps.mean() * 1000) if gaps.size else 0.0},
    }))


if __name__ == "__main__":
    main()
