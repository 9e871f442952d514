"""Reference draws of Nengo 4.1 distributions for BrainKit's Distribution tests.

Every case draws from a fresh numpy.random.RandomState(seed) and stores the (n, d) result,
row-major, under `values`. ScatteredHypersphere cases for d >= 2 use method='sct' (the exact
inverse-CDF spherical transform), which BrainKit implements; Nengo's default 'sct-approx'
interpolates a tabulated betaincinv instead. CosineSimilarity, SubvectorLength and SqrtBeta
cases exercise numpy's legacy beta and standard_gamma, also drawn directly (numpy_* cases).
`betaincinv` holds scipy.special.betaincinv(a, b, y)
on a grid, and `betainc` the forward function (from mpmath), to test BrainKit's own incomplete
beta.

Run from anywhere: python3 make_distributions.py  (writes distributions.json beside this file).
"""
import json
import os
import warnings

import mpmath
import numpy as np
import nengo
import scipy
from nengo import dists
from scipy.special import betaincinv

warnings.simplefilter("ignore")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "distributions.json")


def draw(dist, n, d, seed, scalar=False):
    """sample(n, d); with scalar=True, sample(n) (d = None) stored as an (n, 1) column."""
    rng = np.random.RandomState(seed)
    if scalar:
        values = np.asarray(dist.sample(n, rng=rng), dtype=float).reshape(n, 1)
    else:
        values = np.asarray(dist.sample(n, d, rng=rng), dtype=float)
    assert values.shape == (n, d)
    return {"seed": seed, "n": n, "d": d, "repr": repr(dist), "values": values.tolist()}


cases = {}

# Element-wise distributions.
cases["uniform"] = draw(dists.Uniform(-1.0, 0.9), 40, 3, 11)
cases["uniform_integer"] = draw(dists.Uniform(-3, 7, integer=True), 30, 2, 12)
cases["gaussian"] = draw(dists.Gaussian(0.5, 2.0), 41, 3, 13)
cases["exponential"] = draw(dists.Exponential(1.7), 60, 2, 14)
cases["exponential_clipped"] = draw(dists.Exponential(0.8, shift=0.3, high=1.2), 200, 1, 15)

# Choice: scalar and vector options with weights; 12 weights exercise numpy's pairwise sum.
choice_scalar_options = [0.5, -1.0, 2.0, 3.5]
choice_scalar_weights = [1.0, 3.0, 0.5, 2.0]
cases["choice_scalar"] = draw(
    dists.Choice(choice_scalar_options, weights=choice_scalar_weights), 50, 1, 16, scalar=True)
cases["choice_scalar"].update(options=choice_scalar_options, weights=choice_scalar_weights)
choice_vector_options = [[1.0, 0.0, -1.0], [0.25, 0.5, 0.75], [-2.0, 2.0, 0.0]]
choice_vector_weights = [0.2, 0.5, 0.3]
cases["choice_vector"] = draw(
    dists.Choice(choice_vector_options, weights=choice_vector_weights), 50, 3, 17)
cases["choice_vector"].update(options=choice_vector_options, weights=choice_vector_weights)
choice_many_options = [float(i) for i in range(12)]
choice_many_weights = [0.1 * (i + 1) + 1e-3 * i * i for i in range(12)]
cases["choice_many"] = draw(
    dists.Choice(choice_many_options, weights=choice_many_weights), 400, 1, 18, scalar=True)
cases["choice_many"].update(options=choice_many_options, weights=choice_many_weights)

# UniformHypersphere: ball and surface for d = 1, 3 (and 16, whose norms use pairwise sums).
for d in (1, 3, 16):
    cases[f"uniform_hypersphere_ball_d{d}"] = draw(dists.UniformHypersphere(), 40, d, 20 + d)
    cases[f"uniform_hypersphere_surface_d{d}"] = draw(
        dists.UniformHypersphere(surface=True), 40, d, 40 + d)
cases["uniform_hypersphere_ball_min_magnitude_d3"] = draw(
    dists.UniformHypersphere(min_magnitude=0.4), 40, 3, 60)

# QuasirandomSequence (R_d sequence).
for d, n in ((1, 37), (2, 50), (5, 64)):
    cases[f"quasirandom_d{d}"] = draw(dists.QuasirandomSequence(), n, d, 70 + d)

# ScatteredHypersphere, d = 1 (no betaincinv, no rotation): must match bit for bit.
for n in (7, 50, 750):
    cases[f"scattered_surface_d1_n{n}"] = draw(dists.ScatteredHypersphere(surface=True), n, 1, 80 + n)
    cases[f"scattered_ball_d1_n{n}"] = draw(dists.ScatteredHypersphere(), n, 1, 90 + n)
cases["scattered_ball_min_magnitude_d1"] = draw(
    dists.ScatteredHypersphere(min_magnitude=0.25), 51, 1, 99)

# ScatteredHypersphere, d >= 2, exact 'sct' method (with the random rotation).
for d in (2, 3, 16):
    cases[f"scattered_sct_surface_d{d}"] = draw(
        dists.ScatteredHypersphere(surface=True, method="sct"), 60, d, 100 + d)
    cases[f"scattered_sct_ball_d{d}"] = draw(dists.ScatteredHypersphere(method="sct"), 60, d, 200 + d)
cases["scattered_sct_ball_min_magnitude_d3"] = draw(
    dists.ScatteredHypersphere(min_magnitude=0.3, method="sct"), 60, 3, 300)

# CosineSimilarity, SubvectorLength and SqrtBeta, all through numpy's legacy RandomState.beta
# (Johnk's algorithm when both shapes are <= 1, else a ratio of legacy standard gammas).
# `parameters` holds the constructor's arguments.
def with_parameters(case, **parameters):
    case["parameters"] = parameters
    return case


for m, first_seed in ((3, 400), (18, 410), (34, 420), (66, 430)):
    for d in (1, 3, 16):
        cases[f"cosine_similarity_m{m}_d{d}"] = with_parameters(
            draw(dists.CosineSimilarity(m), 40, d, first_seed + d), dimensions=m)
# sample(n) (no d); m = 2 is Beta(1/2, 1/2), the arcsine distribution.
for m, seed in ((2, 440), (18, 441)):
    cases[f"cosine_similarity_m{m}_scalar"] = with_parameters(
        draw(dists.CosineSimilarity(m), 50, 1, seed, scalar=True), dimensions=m)

subvector_lengths = ((16, 1, 1, 450), (16, 1, 3, 451), (16, 4, 3, 452), (5, 3, 16, 453), (64, 32, 3, 454))
for dimensions, subdimensions, d, seed in subvector_lengths:
    cases[f"subvector_length_{dimensions}_{subdimensions}_d{d}"] = with_parameters(
        draw(dists.SubvectorLength(dimensions, subdimensions), 40, d, seed),
        dimensions=dimensions, subdimensions=subdimensions)

# SqrtBeta(n, m) draws Beta(m/2, n/2): (1, 1), (2, 2), (1, 2) use Johnk's algorithm; the others
# standard gammas of shape < 1 (0.5), = 1 (exponential) and > 1 (Marsaglia-Tsang) in both slots.
sqrt_betas = ((1, 1), (2, 2), (1, 2), (200, 1), (3, 2), (1, 4), (2, 3), (1, 3), (50, 30), (300, 300))
for i, (n, m) in enumerate(sqrt_betas):
    for j, d in enumerate((1, 3, 16)):
        cases[f"sqrt_beta_n{n}_m{m}_d{d}"] = with_parameters(
            draw(dists.SqrtBeta(n, m), 40, d, 500 + 10 * i + j), n=n, m=m)


# numpy's legacy RandomState.beta and standard_gamma drawn directly (size = n, stored as a column).
def numpy_draw(method, n, seed, **parameters):
    rng = np.random.RandomState(seed)
    values = np.asarray(getattr(rng, method)(*parameters.values(), size=n), dtype=float)
    return {"seed": seed, "n": n, "d": 1, "repr": f"RandomState({seed}).{method}{tuple(parameters.values())}",
            "parameters": parameters, "values": values.reshape(n, 1).tolist()}


# a = b = 0.001 and 0.002: u^(1/a) + v^(1/b) often underflows to 0 (the log-space branch) or
# to subnormals.
betas = ((0.5, 0.5), (1.0, 1.0), (0.3, 0.9), (1.0, 0.25), (0.001, 0.001), (0.002, 0.002),
         (0.5, 100.0), (2.0, 0.5), (1.0, 1.5), (1.5, 1.0), (15.0, 25.0), (0.05, 3.0), (300.0, 0.2))
for i, (a, b) in enumerate(betas):
    cases[f"numpy_beta_{i}"] = numpy_draw("beta", 60, 600 + i, a=a, b=b)
gamma_shapes = (0.0, 0.05, 0.3, 0.5, 0.999, 1.0, 1.001, 1.5, 2.0, 7.5, 100.0, 1e4)
for i, shape in enumerate(gamma_shapes):
    cases[f"numpy_standard_gamma_{i}"] = numpy_draw("standard_gamma", 60, 700 + i, shape=shape)
# Gammas of shape > 1 use the cached polar Gaussian: 7 gammas, then 5 standard normals.
rng = np.random.RandomState(800)
gammas_then_normals = np.concatenate([rng.standard_gamma(2.5, size=7), rng.standard_normal(5)])
cases["numpy_standard_gamma_then_normal"] = {
    "seed": 800, "n": 12, "d": 1, "repr": "RandomState(800): standard_gamma(2.5, 7), standard_normal(5)",
    "parameters": {"shape": 2.5, "gammas": 7, "normals": 5},
    "values": gammas_then_normals.reshape(12, 1).tolist()}

# scipy's incomplete beta and its inverse, with b = 1/2 as the sct transform uses it.
a_values = [k / 2 for k in range(1, 41)] + [37.5, 50.0, 125.0, 250.0, 500.0]
y_values = [1e-300, 1e-100, 1e-30, 1e-10, 1e-4, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99,
            0.9999, 1 - 1e-10]
rows = []
for a in a_values:
    for y in y_values:
        x = float(betaincinv(a, 0.5, y))
        # Keep cases whose answer is a normal Double (scipy is inaccurate once x underflows).
        if x > 1e-300:
            rows.append((a, 0.5, y, x))
# Some other shapes, b != 1/2.
for a, b in ((2.0, 3.0), (0.7, 4.5), (12.0, 30.0), (3.0, 0.2)):
    for y in (1e-8, 0.05, 0.5, 0.95):
        rows.append((a, b, y, float(betaincinv(a, b, y))))
# The forward function comes from mpmath at 50 digits: scipy's betainc loses up to ~1e-12
# relative near x = 1 (e.g. betainc(0.5, 0.5, 1 - 1e-9)), and betainc(b, a, 1 - x) would
# inherit the rounding of 1 - x.
mpmath.mp.dps = 50
forward = []
for a, b in ((0.5, 0.5), (1.5, 0.5), (8.0, 0.5), (250.0, 0.5), (2.0, 3.0), (30.0, 12.0)):
    for x in (1e-12, 1e-3, 0.2, 0.5, 0.8, 0.99, 1 - 1e-9):
        value = mpmath.betainc(a, b, 0, mpmath.mpf(x), regularized=True)
        complement = mpmath.betainc(b, a, 0, 1 - mpmath.mpf(x), regularized=True)
        forward.append((a, b, x, float(value), float(complement)))

# numpy's pairwise summation order (np.sum of float64), which Choice and the hypersphere norms
# reproduce; prefixes of several lengths, each of which differs from a left-to-right sum.
summands = np.random.RandomState(7).uniform(0, 1, 1000) * 10.0 ** np.random.RandomState(8).randint(-8, 8, 1000)
sum_lengths = []
for length in (9, 17, 100, 128, 129, 300, 1000):
    naive = 0.0
    for v in summands[:length]:
        naive += float(v)
    if float(np.sum(summands[:length])) != naive:
        sum_lengths.append(length)
assert len(sum_lengths) >= 4

out = {
    "description": "Reference draws of nengo.dists with numpy RandomState(seed) (see make_distributions.py). "
                   "cases[name] = {seed, n, d, repr, values (n x d)}; choice cases add options and weights; "
                   "cosine_similarity, subvector_length and sqrt_beta cases add the constructor's parameters; "
                   "numpy_beta and numpy_standard_gamma cases are RandomState(seed).beta(a, b, n) and "
                   ".standard_gamma(shape, n) with their parameters. "
                   "betaincinv = columns a, b, y, x with x = scipy.special.betaincinv(a, b, y). "
                   "betainc = columns a, b, x, value = I_x(a, b) and complement = 1 - I_x(a, b) = I_(1-x)(b, a), "
                   "by mpmath at 50 digits. pairwise_sum: np.sum of the first lengths[i] values is sums[i].",
    "cases": cases,
    "betaincinv": {k: [r[i] for r in rows] for i, k in enumerate(("a", "b", "y", "x"))},
    "betainc": {k: [r[i] for r in forward]
                for i, k in enumerate(("a", "b", "x", "value", "complement"))},
    "pairwise_sum": {"values": summands.tolist(), "lengths": sum_lengths,
                     "sums": [float(np.sum(summands[:k])) for k in sum_lengths]},
    "_generator": f"make_distributions.py: nengo {nengo.__version__}, numpy {np.__version__}, "
                  f"scipy {scipy.__version__}, mpmath {mpmath.__version__}",
}
with open(OUT, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", OUT)
