"""Question answering with memory in nengo_spa 2.0, the twin of BrainKit's `question-memory`
example (Examples/question-memory/main.swift).

RED and CIRCLE for 0.25 s, then BLUE and SQUARE for 0.25 s; colour * shape >> conv, a State
(subdimensions 4, feedback 1, feedback synapse 0.4) that holds RED*CIRCLE + BLUE*SQUARE; from
0.5 s a cue cycles through 0, CIRCLE, RED, 0, SQUARE, BLUE (1/6 s each) and conv * ~cue >> out.
D = 32, dt = 1 ms, 1.5 s. The vocabulary is drawn from RandomState(seed) with the keys in the
order RED, BLUE, CIRCLE, SQUARE, as the Swift example draws it.

Measures (the same as the Swift example): for each cue, the mean similarity of `out` (probe
Lowpass(0.03)) to each key over the last 50 ms of its window: the best key, the similarity (dot
product) to the right answer and the cosine similarity to it.

  python3 bench/nengo/examples/question_memory.py [--seed S] [--seconds T]

Prints one JSON line: {"name", "neurons", "build_s", "run_s", "metrics": {...}}.
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import argparse, json, time
import numpy as np
import nengo
import nengo_spa as spa

CUES = ["0", "CIRCLE", "RED", "0", "SQUARE", "BLUE"]
ANSWERS = {"CIRCLE": "RED", "RED": "CIRCLE", "SQUARE": "BLUE", "BLUE": "SQUARE"}
WINDOW = 1.0 / len(CUES)


def cue(t):
    if t < 0.5:
        return "0"
    return CUES[int((t - 0.5) // WINDOW) % len(CUES)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=1.5)
    args = parser.parse_args()
    nengo.rc["decoder_cache"]["enabled"] = "False"
    vocab = spa.Vocabulary(32, pointer_gen=np.random.RandomState(args.seed))
    vocab.populate("RED; BLUE; CIRCLE; SQUARE")

    with spa.Network(label="question-memory", seed=args.seed) as model:
        colour = spa.Transcode(lambda t: "RED" if t < 0.25 else "BLUE" if t < 0.5 else "0", output_vocab=vocab)
        shape = spa.Transcode(lambda t: "CIRCLE" if t < 0.25 else "SQUARE" if t < 0.5 else "0", output_vocab=vocab)
        question = spa.Transcode(cue, output_vocab=vocab)
        conv = spa.State(vocab, subdimensions=4, feedback=1.0, feedback_synapse=0.4)
        out = spa.State(vocab)
        colour * shape >> conv
        conv * ~question >> out
        out_probe = nengo.Probe(out.output, synapse=0.03)

    start = time.perf_counter()
    sim = nengo.Simulator(model, progress_bar=False)
    built = time.perf_counter()
    sim.run(args.seconds)
    finished = time.perf_counter()

    times = sim.trange()
    similarities = spa.similarity(sim.data[out_probe], vocab)
    cosines = spa.similarity(sim.data[out_probe], vocab, normalize=True)
    best, right, cosine = {}, {}, {}
    window_start = 0.5
    while window_start + WINDOW <= args.seconds + 1e-9:
        shown = cue(window_start + WINDOW / 2)
        end = window_start + WINDOW
        if shown in ANSWERS:
            rows = (times > end - 0.05) & (times <= end)
            means = similarities[rows].mean(axis=0)
            best[shown] = list(vocab.keys())[int(np.argmax(means))]
            right[shown] = float(means[list(vocab.keys()).index(ANSWERS[shown])])
            cosine[shown] = float(cosines[rows].mean(axis=0)[list(vocab.keys()).index(ANSWERS[shown])])
        window_start = end
    print(json.dumps({
        "name": "question-memory", "neurons": int(sum(e.n_neurons for e in model.all_ensembles)),
        "build_s": built - start, "run_s": finished - built,
        "metrics": {"answers": best, "similarities": right, "cosines": cosine},
    }))


if __name__ == "__main__":
    main()
