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

The last four columns read the average through a rule cleanup instead (Transformation.rule):
the known transformations R (shifts INC^k, k = -3..3, INC^0 the identity; number steps
ADD^+-1, ADD^+-2) and the average's similarity T . R to each. "wta" keeps the most similar
one (the winner-take-all selection the model uses), "thr" every one above a threshold (0.1
on the model's cells, whose items are at half a unit, so 0.4 here, where items are unit);
the kept transformations, summed, are applied to the query, `induced = query ⊛ Σ R`. The
average is the running one (weight 0.6), as in the model.

With --a7 it prints the same for A7's three row forms (BatteryPlan's: add `[n][n+1][n+2]`,
append `[d][dd][ddd]`, constant `[d][d][d]`; the average is learnt from the changes within
each row, the query is the last row's second cell), reading the answer at its own length and
at the last cell's, where the model's recall now ends.

Usage: python3 bench/spaun_lite_induction_ceiling.py [--trials 1000] [--seed 0] [--a7]
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


def power(vector, k):
    result = np.zeros_like(vector)
    result[0] = 1
    for _ in range(abs(k)):
        result = bind(result, vector if k > 0 else involution(vector))
    return result


def transformations(vectors):
    """The rule cleanup's transformations (SpaunVocabularies.transformationKeys)."""
    return [power(vectors["INC"], k) for k in range(-3, 4)] + [power(vectors["ADD"], k) for k in (-2, -1, 1, 2)]


def select(average, rules, rule):
    """The transformation applied: the average itself (rule None), the known transformation
    most like it ("wta"), or the sum of those above 0.4 ("thr")."""
    similarities = [np.dot(average, r) for r in rules]
    if rule == "wta":
        return rules[int(np.argmax(similarities))]
    if rule == "thr":
        return sum((r for r, s in zip(rules, similarities) if s > 0.4), np.zeros_like(average))
    return average


def written(induced, positions, digits, length):
    """The digits read from `induced` at positions 1…length (each the most similar)."""
    return [
        int(np.argmax([np.dot(bind(induced, involution(positions[k])), d) for d in digits])) for k in range(length)
    ]


def parts(vectors):
    """The positions POS1…POS7, the digits, the known transformations, and the list pointer
    Σ POSᵢ ⊛ itemᵢ of a list of digit indices."""
    positions = [vectors[f"POS{k}"] for k in range(1, 8)]
    digits = [vectors[d] for d in DIGITS]

    def pointer(items):
        return sum(bind(positions[i], digits[d]) for i, d in enumerate(items))

    return positions, digits, transformations(vectors), pointer


def battery(vectors, form, trials, rng, rate=None, rule=None):
    positions, digits, rules, pointer = parts(vectors)
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
        induced = bind(pointer(questions[-1]), select(average, rules, rule))
        right += written(induced, positions, digits, len(answers[-1])) == list(answers[-1])
    return right / trials


def fluid_reasoning(vectors, form, trials, rng, rule, at_cell_length):
    positions, digits, rules, pointer = parts(vectors)
    right = 0
    for _ in range(trials):
        if form == "add":
            start = rng.integers(0, 7)
            rows = [[[int(c) for c in str(start + r + k)] for k in range(3)] for r in range(3)]
        elif form == "append":
            rows = [[[d] * n for n in (1, 2, 3)] for d in rng.choice(10, 3, replace=False)]
        else:
            rows = [[[d]] * 3 for d in rng.choice(10, 3, replace=False)]
        average = np.zeros(len(positions[0]))
        for r, row in enumerate(rows):
            for k in (1, 2) if r < 2 else (1,):
                average += 0.6 * (bind(pointer(row[k]), involution(pointer(row[k - 1]))) - average)
        query, answer = rows[2][1], rows[2][2]
        induced = bind(pointer(query), select(average, rules, rule))
        length = len(query) if at_cell_length else len(answer)
        right += written(induced, positions, digits, length) == list(answer)
    return right / trials


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--a7", action="store_true", help="A7's row forms through the rule cleanup")
    args = parser.parse_args()
    if args.a7:
        print("exact-arithmetic A7 through the rule cleanup, fraction of whole answers right")
        print(f"{'D':>4} {'form':>9} {'wta':>6} {'thr':>6} {'wta, cell length':>17} {'thr, cell length':>17}")
        for dimensions in (64, 128, 256, 512):
            vectors = load(dimensions)
            rng = np.random.default_rng(args.seed)
            for form in ("add", "append", "constant"):
                results = [
                    fluid_reasoning(vectors, form, args.trials, rng, rule, at_cell)
                    for at_cell in (False, True)
                    for rule in ("wta", "thr")
                ]
                print(f"{dimensions:>4} {form:>9} " + " ".join(f"{r:>{w}.3f}" for r, w in zip(results, (6, 6, 17, 17))))
        return
    print("exact-arithmetic induction, fraction of whole answers right")
    print(
        f"{'D':>4} {'xB -> B':>9} {'AAxB -> xB':>11} {'AAxB, running average 0.6':>27}"
        f" {'xB, wta':>8} {'AAxB, wta':>10} {'xB, thr':>8} {'AAxB, thr':>10}"
    )
    for dimensions in (64, 128, 256, 512):
        vectors = load(dimensions)
        rng = np.random.default_rng(args.seed)
        simple = battery(vectors, "xB", args.trials, rng)
        spaun = battery(vectors, "AAxB", args.trials, rng)
        running = battery(vectors, "AAxB", args.trials, rng, rate=0.6)
        rules = [battery(vectors, form, args.trials, rng, rate=0.6, rule=rule) for rule in ("wta", "thr") for form in ("xB", "AAxB")]
        print(
            f"{dimensions:>4} {simple:>9.3f} {spaun:>11.3f} {running:>27.3f}"
            f" {rules[0]:>8.3f} {rules[1]:>10.3f} {rules[2]:>8.3f} {rules[3]:>10.3f}"
        )


if __name__ == "__main__":
    main()
