"""Reference values for BrainKit's synapse math (LinearFilter, tf2ss, discretisation, expm, filt)
from nengo 4.1.0. Run: python3 make_synapses.py  -> synapses.json"""
import json, os, warnings
import mpmath
import numpy as np
import scipy.linalg
import nengo
import nengo.utils.filter_design as fd

warnings.simplefilter("ignore")
OUT = os.path.dirname(os.path.abspath(__file__)) + "/"
DT = 0.001
STEPS = 120
t = np.arange(1, STEPS + 1) * DT
# A test input: a step at k = 10, a 40 Hz sine and an impulse at k = 60 (1-based).
u = np.where(np.arange(1, STEPS + 1) >= 10, 1.0, 0.0) + 0.5 * np.sin(2 * np.pi * 40 * t)
u[59] += 1 / DT


def tolist(x):
    return np.asarray(x, dtype=float).tolist()


def case(name, num, den, analog=True, method="zoh", alpha=None, dt=DT):
    f = nengo.LinearFilter(num, den, analog=analog, method=method if alpha is None else "zoh")
    if alpha is not None:
        A, B, C, D = fd.cont2discrete(fd.tf2ss(num, den), dt, method="gbt", alpha=alpha)[:4]
        y = None
    else:
        A, B, C, D = f._get_ss(dt)
        y = f.filt(u[:, None], dt=dt, y0=0)[:, 0]
    exact = None
    if analog and alpha is None and method == "zoh" and len(A) > 0:
        # The zero-order hold computed with 60-digit arithmetic (mpmath.expm), to tell which
        # of two double-precision results is closer to the truth for stiff filters.
        a, b = fd.tf2ss(num, den)[:2]
        n = len(a)
        m = np.zeros((n + 1, n + 1))
        m[:n, :n] = a * dt
        m[:n, n] = b[:, 0] * dt
        mpmath.mp.dps = 60
        e = mpmath.expm(mpmath.matrix(m.tolist()))
        exact = {"A": [[float(e[i, j]) for j in range(n)] for i in range(n)], "B": [float(e[i, n]) for i in range(n)]}
    return {
        "name": name, "exact_zoh": exact, "numerator": num, "denominator": den, "analog": analog,
        "method": method if alpha is None else "gbt", "alpha": alpha, "dt": dt,
        "A": tolist(np.atleast_2d(A)), "B": tolist(np.ravel(B)), "C": tolist(np.ravel(C)),
        "D": float(np.ravel(D)[0]), "filt": None if y is None else tolist(y),
    }


# Second order with nonzero feed-through: H(s) = (0.5 s^2 + 30 s + 2e4) / (1e-4 s^2 + 0.01 s + 1)
second = ([0.5, 30.0, 2e4], [1e-4, 0.01, 1.0])
cases = [
    case("second_order_zoh", *second),
    case("second_order_euler", *second, method="euler"),
    case("second_order_bilinear", *second, method="bilinear"),
    case("second_order_backward_diff", *second, method="backward_diff"),
    case("second_order_gbt_0.3", *second, alpha=0.3),
    # Third order, strictly proper, numerator with leading zeros, zoh.
    case("third_order_zoh", [0.0, 0.0, 2.0, 1000.0], [1e-6, 3e-4, 0.03, 1.0]),
    # Already discrete (z-domain) filter.
    case("discrete_first_order", [0.2, 0.1], [1.0, -0.7], analog=False),
    case("discrete_second_order", [0.0, 0.05, 0.02], [2.0, -1.2, 0.4], analog=False),
    # Stiff filters whose augmented matrix needs scaling and squaring in expm.
    case("lowpass_tau_1e-5", [1.0], [1e-5, 1.0]),
    case("alpha_tau_1e-4", [1.0], [1e-8, 2e-4, 1.0]),
    # Lowpass(0): no state.
    case("lowpass_tau_0", [1.0], [0.0, 1.0]),
]

# expm references (nengo's own expm and scipy's) for matrices of growing norm.
rng = np.random.RandomState(0)
base = rng.normal(size=(4, 4))
expms = []
for norm in [0.01, 0.2, 0.9, 2.0, 5.0, 40.0, 300.0]:
    m = base / np.abs(base).sum(axis=0).max() * norm
    expms.append({"norm": norm, "matrix": tolist(m), "nengo_expm": tolist(fd.expm(m)),
                  "scipy_expm": tolist(scipy.linalg.expm(m))})

# Triangle with a longer window and a non-default dt, and Triangle(0).
tri = {}
for tt, dt in [(0.0123, 0.001), (0.01, 0.0005), (0.0, 0.001), (0.0025, 0.001)]:
    tri[f"{tt}_{dt}"] = {"t": tt, "dt": dt,
                         "filt": tolist(nengo.Triangle(tt).filt(u[:, None], dt=dt, y0=0)[:, 0])}

res = {
    "description": "LinearFilter discretisations (A, B, C, D from LinearFilter._get_ss or cont2discrete for gbt) "
                   "and filt(u) outputs (no delay) for the input 'u' (steps x 1, dt per case); expm references; "
                   "Triangle filt for several t/dt.",
    "u": tolist(u), "cases": cases, "expm": expms, "triangle": tri,
    "_generator": f"nengo {nengo.__version__}, numpy {np.__version__}",
}
with open(OUT + "synapses.json", "w") as f:
    json.dump(res, f, indent=1)
