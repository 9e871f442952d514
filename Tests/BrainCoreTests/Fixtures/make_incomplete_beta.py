"""Reference roots of the regularized incomplete beta function for BrainKit's tests.

`inverse` holds columns a, b, p, x with I_x(a, b) = p, where x is the exact root (computed by
mpmath to 50 significant digits) rounded to a Double. The grid covers the shapes the sct
transform uses (b = 1/2, a = k/2 up to 20 and a few larger a up to 1000), ten other shapes,
and p from 1e-300 to 1 - 1e-10, including quasirandom values of p such as the sct transform
produces. Roots that are not normal Doubles (x <= 1e-300) are left out. Above x = 1/2 the root
is computed as x = 1 - w from I_w(b, a) = 1 - p, with 1 - p exact, so x is the correctly
rounded root of the given Double p.

Run from anywhere: python3 make_incomplete_beta.py  (writes incomplete_beta.json beside this file).
"""
import json
import os

import mpmath

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "incomplete_beta.json")
mpmath.mp.dps = 50


def lower_root(a, b, target):
    """The u in (0, 1/2] with I_u(a, b) = target, by bisection in ln u and Newton polishing."""
    log_target = mpmath.log(target)

    def residual(t):
        return mpmath.log(mpmath.betainc(a, b, 0, mpmath.exp(t), regularized=True)) - log_target

    low, high = mpmath.mpf(-1000), mpmath.log(mpmath.mpf(0.5))
    for _ in range(60):
        middle = (low + high) / 2
        if residual(middle) < 0:
            low = middle
        else:
            high = middle
    t = (low + high) / 2
    for _ in range(8):
        u = mpmath.exp(t)
        value = mpmath.betainc(a, b, 0, u, regularized=True)
        slope = u ** a * (1 - u) ** (b - 1) / (mpmath.beta(a, b) * value)  # d ln I / d ln u
        step = -(mpmath.log(value) - log_target) / slope
        t += step
        if abs(step) < mpmath.mpf(10) ** -45 * max(1, abs(t)):
            return mpmath.exp(t)
    raise RuntimeError(f"no convergence for a={a}, b={b}, target={target}")


def root(a, b, p):
    # Enough digits that 1 - p and 1 - I keep 50 significant digits however small p is.
    with mpmath.workdps(50 + int(-mpmath.log10(min(p, 1 - p)))):
        a, b, p = mpmath.mpf(a), mpmath.mpf(b), mpmath.mpf(p)
        if p <= mpmath.betainc(a, b, 0, 0.5, regularized=True):
            return lower_root(a, b, p)
        return 1 - lower_root(b, a, 1 - p)


p_values = [1e-300, 1e-100, 1e-30, 1e-10, 1e-4, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.9999, 1 - 1e-10]
# Quasirandom p in (0, 1) (golden-ratio steps), as the sct transform's 2 min(y, 1 - y).
p_values += [round(((0.5 + i * 0.6180339887498949) % 1.0), 15) for i in range(1, 11)]
shapes = [(k / 2, 0.5) for k in range(1, 41)] + [(a, 0.5) for a in (37.5, 50.0, 125.0, 250.0, 500.0, 1000.0)]
shapes += [(2.0, 3.0), (0.7, 4.5), (12.0, 30.0), (3.0, 0.2), (0.5, 0.5), (1.0, 1.0), (50.0, 50.0),
           (0.2, 200.0), (200.0, 0.2), (0.05, 0.05)]
rows = []
for a, b in shapes:
    for p in p_values:
        x = root(a, b, p)
        if x > mpmath.mpf(1e-300):
            rows.append((a, b, p, float(x)))

out = {
    "description": "inverse = columns a, b, p, x with I_x(a, b) = p: x is the root computed by mpmath "
                   "at 50 significant digits, rounded to a Double (see make_incomplete_beta.py).",
    "inverse": {k: [r[i] for r in rows] for i, k in enumerate(("a", "b", "p", "x"))},
    "_generator": f"make_incomplete_beta.py: mpmath {mpmath.__version__}",
}
with open(OUT, "w") as f:
    json.dump(out, f, indent=1)
print(len(rows), "roots")
