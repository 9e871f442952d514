"""Reference decoders from nengo 4.1.0's solvers (solvers.json), for Tests/BrainCoreTests/Solvers.

Each case holds activities A (m x n) and targets Y (m x d), and for every solver (keyed by
its repr) the decoders D (n x d) and the rmses nengo reports. The fixture_c case does not store
A: it is recomputed from c_ensemble_1d.json (LIF rates of gain * (eval_points . encoders) + bias)
and its targets are [x, x**2].
"""
import json, os, warnings
import numpy as np
import nengo
from nengo.solvers import Lstsq, LstsqL2, LstsqL2nz, Nnls, NnlsL2, NnlsL2nz

warnings.simplefilter("ignore")
HERE = os.path.dirname(os.path.abspath(__file__)) + "/"


def tolist(x):
    return np.asarray(x, dtype=float).tolist()


def solve_all(A, Y, solvers):
    results = {}
    for solver in solvers:
        D, info = solver(A, Y)
        results[repr(solver)] = {"decoders": tolist(D), "rmses": tolist(info["rmses"])}
    return results


def case(A, Y, solvers, store=True):
    out = {"results": solve_all(A, Y, solvers)}
    if store:
        out["activities"] = tolist(A)
        out["targets"] = tolist(Y)
    return out


rng = np.random.RandomState(17)
all_solvers = [LstsqL2(), LstsqL2nz(), Lstsq(), Nnls(), NnlsL2(), NnlsL2nz()]

# Rate-like activities (>= 0, with zeros), more eval points than neurons.
# Neuron 7 never fires: its sigma in LstsqL2nz is 0 (replaced), Lstsq sees a rank-deficient A.
tall_A = np.maximum(0, 120 * rng.randn(40, 12) + 60)
tall_Y = rng.randn(40, 3)
tall_A[:, 7] = 0.0

# Fewer eval points than neurons: LstsqL2 takes its transposed (m x m) branch.
wide_A = np.maximum(0, 120 * rng.randn(10, 25) + 60)
wide_Y = rng.randn(10, 2)

# Mixed signs, max|A| > max(A), and a column that is never positive but still gets a positive
# non-negative decoder: tells apart |A| and A, "!= 0" and "> 0", and the value that replaces
# a zero sigma (the largest sigma in LstsqL2nz, 1 in NnlsL2nz).
mixed_A = rng.randn(30, 8)
mixed_Y = rng.randn(30, 2)
mixed_A[:, 2] = np.where(mixed_Y[:, 0] <= 0, -3 * np.abs(mixed_A[:, 2]), 0.0)
mixed_A[:5, 5] = 0.0
mixed_A[0, 0] = -9.0

# Fixture c: 50 LIF neurons, 750 eval points.
c = json.load(open(HERE + "c_ensemble_1d.json"))
x = np.array(c["eval_points"]).reshape(-1, 1)
encoders = np.array(c["encoders"]).reshape(-1, 1)
c_A = nengo.LIF().rates(x @ encoders.T, np.array(c["gain"]), np.array(c["bias"]))
c_Y = np.hstack([x, x ** 2])

cases = {
    "tall": case(tall_A, tall_Y, all_solvers + [LstsqL2(reg=0.01), Lstsq(rcond=0.001), NnlsL2(reg=0.05)]),
    "wide": case(wide_A, wide_Y, all_solvers),
    "mixed": case(mixed_A, mixed_Y, all_solvers + [Lstsq(rcond=0.2)]),
    "fixture_c": case(c_A, c_Y, all_solvers, store=False),
}
cases["fixture_c"]["activities_sum"] = float(c_A.sum())

with open(HERE + "solvers.json", "w") as f:
    json.dump({
        "description": __doc__.strip(),
        "cases": cases,
        "_generator": f"make_solvers.py: nengo {nengo.__version__}, numpy {np.__version__}, scipy "
                      + __import__("scipy").__version__,
    }, f, indent=1)
