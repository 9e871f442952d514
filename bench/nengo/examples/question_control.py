"""Question answering with control in nengo_spa 2.0, the twin of BrainKit's `question-control`
example (Examples/question-control/main.swift).

A vision Transcode shows 0.10-0.30 s STATEMENT+RED*CIRCLE, 0.35-0.50 s STATEMENT+BLUE*SQUARE,
0.60-0.80 s QUESTION+BLUE, 0.90-1.10 s QUESTION+CIRCLE into a State `visual`; two ifmax actions:
dot(visual, STATEMENT) -> visual - STATEMENT >> memory (a State with feedback 1) and
dot(visual, QUESTION) -> memory * ~(visual - QUESTION) >> motor. The vocabulary is drawn from
RandomState(seed) with keys STATEMENT, QUESTION, RED, BLUE, CIRCLE, SQUARE, as the Swift
example draws it. D = 32 by default, dt = 1 ms, 1.2 s.

Measures (the same as the Swift example): motor's mean similarities (probe Lowpass(0.03)) over
the last 50 ms of each question: the best key and the similarity to the right answer.

  python3 bench/nengo/examples/question_control.py [--seed S] [--dimensions D]

Prints one JSON line: {"name", "neurons", "build_s", "run_s", "metrics": {...}}.
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import argparse, json, time
import numpy as np
import nengo
import nengo_spa as spa

SCHEDULE = [(0.10, 0.30, "STATEMENT + RED*CIRCLE"), (0.35, 0.50, "STATEMENT + BLUE*SQUARE"),
            (0.60, 0.80, "QUESTION + BLUE"), (0.90, 1.10, "QUESTION + CIRCLE")]
QUESTIONS = [(0.80, "BLUE", "SQUARE"), (1.10, "CIRCLE", "RED")]


def vision(t):
    for start, end, text in SCHEDULE:
        if start <= t < end:
            return text
    return "0"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dimensions", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=1.2)
    args = parser.parse_args()
    nengo.rc["decoder_cache"]["enabled"] = "False"
    vocab = spa.Vocabulary(args.dimensions, pointer_gen=np.random.RandomState(args.seed))
    vocab.populate("STATEMENT; QUESTION; RED; BLUE; CIRCLE; SQUARE")

    with spa.Network(label="question-control", seed=args.seed) as model:
        visual = spa.State(vocab, label="visual")
        memory = spa.State(vocab, feedback=1.0, label="memory")
        motor = spa.State(vocab, label="motor")
        spa.Transcode(vision, output_vocab=vocab) >> visual
        with spa.ActionSelection():
            spa.ifmax(spa.dot(visual, spa.sym.STATEMENT), visual - spa.sym.STATEMENT >> memory)
            spa.ifmax(spa.dot(visual, spa.sym.QUESTION), memory * ~(visual - spa.sym.QUESTION) >> motor)
        probe = nengo.Probe(motor.output, synapse=0.03)

    start = time.perf_counter()
    sim = nengo.Simulator(model, progress_bar=False)
    built = time.perf_counter()
    sim.run(args.seconds)
    finished = time.perf_counter()

    times = sim.trange()
    similarities = spa.similarity(sim.data[probe], vocab)
    keys = list(vocab.keys())
    best, right = {}, {}
    for end, item, answer in QUESTIONS:
        rows = (times > end - 0.05) & (times <= end)
        means = similarities[rows].mean(axis=0)
        best[item] = keys[int(np.argmax(means))]
        right[item] = float(means[keys.index(answer)])
    print(json.dumps({
        "name": "question-control", "neurons": int(sum(e.n_neurons for e in model.all_ensembles)),
        "build_s": built - start, "run_s": finished - built,
        "metrics": {"answers": best, "similarities": right},
    }))


if __name__ == "__main__":
    main()
