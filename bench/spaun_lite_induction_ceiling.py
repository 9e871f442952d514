#!/usr/bin/env python3
"""How well can A6 (rapid variable creation) be solved at all by Spaun's induction with exact
arithmetic, in the vocabularies Spaun-lite ships?

Spaun (and Spaun-lite) infer the rule of A6 from example pairs by averaging the change
`T = answer ⊛ ~question` over the examples (MBAve) and apply it to the query:
`induced = query ⊛ T`, then read each position `induced ⊛ ~POSk` through a cleanup to the
digits. This script does exactly that with exact HRR arithmetic (no neurons), with the
main vocabulary files of Vocab/Files (the ones the model loads), for the two forms of the
battery:

- `xB → B`: two examples such as `[12][2][82][2]`, query `[42]` (answer `2`);
- `AAxB → xB`: three examples such as `[8812][12][8842][42][8862][62]`, query `[8832]`
  (answer `32`), the design study's pass battery.

It prints the fraction of trials whose whole answer is right: the ceiling a neural model
of that dimension can approach, but not pass, with this mechanism.

Usage: python3 bench/spaun_lite_induction_ceiling.py [--trials 1000] [--seed 0]
"""

import argparse
import pathlib

import numpy as np

DIGITS = ["ZER", "ONE", "TWO", "THR", "FOR", "FIV", "SIX", "SEV", "EIG", "NIN"]
VOCAB = pathlib.Path(__file__).resolve().parent.parent / "Vocab" / "Files"


def load(dimensions):
    vectors = {}
    for line in (VOCAB / f"main-{dimensions}.vocab").read_text().splitlines():
        key, _, values = line.partition(":")
        if key.isupper() and len(values.split()) == dimensions:
            vectors[key] = np.array([float(v) for v in values.split()])
    return vectors


def bind(a, b):
    return np.real(np.fft.ifft(np.fft.fft(a) * np.fft.fft(b)))


def involution(a):
    return np.concatenate([a[:1], a[1:][::-1]])


def battery(vectors, form, trials, rng, rate=None):
    positions = [vectors[f"POS{k}"] for k in range(1, 8)]
    digits = [vectors[d] for d in DIGITS]

    def pointer(items):
        return sum(bind(positions[i], digits[d]) for i, d in enumerate(items))

    right = 0
    for _ in range(trials):
        if form == "xB":
            b = rng.integers(10)
            xs = rng.choice(10, 3, replace=False)
            questions, answers = [[x, b] for x in xs], [[b]] * 3
        else:
            a, b = rng.integers(10), rng.integers(10)
            xs = rng.choice(10, 4, replace=False)
            questions, answers = [[a, a, x, b] for x in xs], [[x, b] for x in xs]
        changes = [bind(pointer(ans), involution(pointer(q))) for q, ans in zip(questions[:-1], answers[:-1])]
        if rate is None:
            average = np.mean(changes, axis=0)
        else:
            average = np.zeros_like(changes[0])
            for change in changes:
                average += rate * (change - average)
        induced = bind(pointer(questions[-1]), average)
        written = [
            int(np.argmax([np.dot(bind(induced, involution(positions[k])), d) for d in digits]))
            for k in range(len(answers[-1]))
        ]
        right += written == list(answers[-1])
    return right / trials


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print("exact-arithmetic induction, fraction of whole answers right")
    print(f"{'D':>4} {'xB -> B':>9} {'AAxB -> xB':>11} {'AAxB, running average 0.6':>27}")
    for dimensions in (64, 128, 256, 512):
        vectors = load(dimensions)
        rng = np.random.default_rng(args.seed)
        simple = battery(vectors, "xB", args.trials, rng)
        spaun = battery(vectors, "AAxB", args.trials, rng)
        running = battery(vectors, "AAxB", args.trials, rng, rate=0.6)
        print(f"{dimensions:>4} {simple:>9.3f} {spaun:>11.3f} {running:>27.3f}")


if __name__ == "__main__":
    main()
