"""nengo_spa 2.0.0 reference values for BrainKit's BrainSPA tests (algebras, vocabularies,
expression parsing).

Writes three files beside this script:

* spa_algebras.json: for the HRR, VTB and TVTB algebras and a few dimensionalities, two random
  unit vectors a, b (a fresh numpy.random.RandomState(1000 + d): a = randn(d) normalised, then b)
  and what each algebra gives for them: superpose, bind both ways, the binding matrices
  (get_binding_matrix(b) and with swap_inputs=True; `matrix @ a` equals bind(a, b), resp.
  bind(b, a), as asserted below), and under `sidedness` ("left", "right", "two_sided") the
  inverse of a, the inversion matrix and the identity / negative identity / zero / absorbing
  elements. A call that raises is stored as null, with "ErrorClass: message" in the case's
  `notes`; a call that warns keeps its value and its key (e.g. "invert.two_sided") goes into
  `warnings` (the warning class and message into `notes`). Also make_unitary(a), sign(a) (its
  vector is null for an indefinite sign, which has none), abs(a), the sign of the zero vector,
  integer binding powers of the unitary vector and of a itself, HRR fractional powers of a
  positive unitary vector, and for VTB/TVTB a positive vector (create_vector(d, {"positive"},
  rng=RandomState(2000 + d))) with its sign, abs and fractional powers. `valid_dimensions` holds
  is_valid_dimensionality for some d: VTB/TVTB test sqrt(d) * sqrt(d) == d in floating point,
  which also holds for many non-squares (11, 14, 17, ..., 1000), on which every operation then
  raises ValueError (`identity_element_right`).
* spa_vocabulary.json: Vocabulary(d, strict=True, max_similarity=m,
  pointer_gen=RandomState(seed), algebra=...).populate(text) for several cases (keys, vectors,
  number and text of the warnings), Vocabulary.transform_to, create_subset, spa.text and
  spa.similarity. A call that raises stores null and its "ErrorClass: message" in `error`
  (spa.text with `terms` raises under numpy 2: nengo_spa calls np.array(list, copy=False)).
* spa_expressions.json: Vocabulary.parse(expression) on an HRR (d = 32) and a VTB (d = 16)
  vocabulary, covering every operator and precedence level. An expression that raises is stored
  as {"expression", "error": "ErrorClass", "message"} instead of a vector; `result_type` and
  `algebra` tell what parse returned (a scalar result becomes number * Identity of the *HRR*
  algebra, whatever the vocabulary's algebra).

Vectors are lists of floats, matrices lists of rows; floats are written with Python's repr so
they round-trip exactly. No NaN or Infinity is written (null stands for a missing value).

nengo_spa's Vocabulary.transform_to iterates a *set* of keys, so the order of its sums (and of the
keys it populates into the target) follows Python's string hashing. To make that deterministic
the script re-executes itself with PYTHONHASHSEED=0 and records the order as `key_order`.

Pinned: nengo_spa 2.0.0, nengo 4.1.0, numpy 2.4.6, scipy 1.17.1 (VTB/TVTB binding powers use
scipy.linalg.fractional_matrix_power, which for integer exponents is numpy.linalg.matrix_power).

Run from this folder: python3 make_spa.py
"""
import json
import math
import os
import re
import sys
import warnings

if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import nengo
import numpy as np
import scipy
import nengo_spa as spa
from nengo_spa.algebras import HrrAlgebra, TvtbAlgebra, VtbAlgebra
from nengo_spa.algebras.base import CommonProperties, ElementSidedness

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = (f"make_spa.py: nengo_spa {spa.__version__}, nengo {nengo.__version__}, "
             f"numpy {np.__version__}, scipy {scipy.__version__}")

ALGEBRAS = {"HRR": HrrAlgebra(), "VTB": VtbAlgebra(), "TVTB": TvtbAlgebra()}
SIDEDNESS = [("left", ElementSidedness.LEFT), ("right", ElementSidedness.RIGHT),
             ("two_sided", ElementSidedness.TWO_SIDED)]
MATRIX_MAX_D = 16


def algebra_name(algebra):
    for name, alg in ALGEBRAS.items():
        if alg is algebra:
            return name
    return type(algebra).__name__


def clean(x):
    """numpy -> plain JSON types; refuses non-finite floats."""
    if isinstance(x, np.ndarray):
        return clean(x.tolist())
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        x = float(x)
        if not math.isfinite(x):
            raise ValueError("non-finite float")
        return x
    if isinstance(x, dict):
        return {str(k): clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    return x


def attempt(fn, *args, **kwargs):
    """Calls fn; returns (value or None, "Error: message" or None, ["Warning: message", ...])."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value, error = fn(*args, **kwargs), None
        except Exception as e:  # noqa: BLE001 - every raise is part of the reference behaviour
            # Drop memory addresses ("vocab at 0x7f...") so the output is reproducible.
            value, error = None, re.sub(r" ?at 0x[0-9a-f]+", "", f"{type(e).__name__}: {e}")
    return value, error, [f"{w.category.__name__}: {w.message}" for w in caught]


def write(name, payload):
    payload = dict(payload)
    payload["_generator"] = GENERATOR
    path = os.path.join(HERE, name)
    with open(path, "w") as f:
        json.dump(clean(payload), f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"{name}: {os.path.getsize(path)} bytes")


def unit_pair(d):
    rng = np.random.RandomState(1000 + d)
    a = rng.randn(d)
    a /= np.linalg.norm(a)
    b = rng.randn(d)
    b /= np.linalg.norm(b)
    return a, b


# ---------------------------------------------------------------------------------------------
# 1. spa_algebras.json

def sign_record(sign, d):
    vector, error, _ = attempt(sign.to_vector, d)
    record = {
        "repr": repr(sign),
        "is_positive": sign.is_positive(),
        "is_negative": sign.is_negative(),
        "is_zero": sign.is_zero(),
        "is_indefinite": sign.is_indefinite(),
        "vector": vector,
    }
    if error:
        record["vector_error"] = error
    return record


def algebra_case(name, alg, d):
    a, b = unit_pair(d)
    notes, warned = {}, []

    def rec(key, fn, *args, **kwargs):
        value, error, ws = attempt(fn, *args, **kwargs)
        msgs = ([error] if error else []) + ws
        if msgs:
            notes[key] = "; ".join(msgs)
        if ws:
            warned.append(key)
        return value

    case = {
        "dimensions": d,
        "is_valid_dimensionality": alg.is_valid_dimensionality(d),
        "a": a,
        "b": b,
        "superpose": rec("superpose", alg.superpose, a, b),
        "bind": rec("bind", alg.bind, a, b),
        "bind_reversed": rec("bind_reversed", alg.bind, b, a),
    }

    m = rec("binding_matrix", alg.get_binding_matrix, b)
    ms = rec("binding_matrix_swapped", alg.get_binding_matrix, b, swap_inputs=True)
    # Semantics: get_binding_matrix(b) @ a == bind(a, b); with swap_inputs, == bind(b, a).
    assert np.max(np.abs(m @ a - case["bind"])) <= 1e-12, (name, d)
    assert np.max(np.abs(ms @ a - case["bind_reversed"])) <= 1e-12, (name, d)
    small = d <= MATRIX_MAX_D
    case["binding_matrix"] = m if small else None
    case["binding_matrix_swapped"] = ms if small else None

    sided = {}
    for label, s in SIDEDNESS:
        inv_m = rec(f"inversion_matrix.{label}", alg.get_inversion_matrix, d, s)
        inv = rec(f"invert.{label}", alg.invert, a, s)
        if inv is not None and inv_m is not None:
            assert np.array_equal(inv_m @ a, inv), (name, d, label)
        sided[label] = {
            "invert": inv,
            "inversion_matrix": inv_m if small else None,
            "identity": rec(f"identity.{label}", alg.identity_element, d, s),
            "negative_identity": rec(f"negative_identity.{label}",
                                     alg.negative_identity_element, d, s),
            "zero": rec(f"zero.{label}", alg.zero_element, d, s),
            "absorbing": rec(f"absorbing.{label}", alg.absorbing_element, d, s),
        }
    case["sidedness"] = sided

    u = rec("make_unitary", alg.make_unitary, a)
    case["unitary_a"] = u
    sign = rec("sign_a", alg.sign, a)
    case["sign_a"] = None if sign is None else sign_record(sign, d)
    if sign is not None and "vector_error" in case["sign_a"]:
        notes["sign_a.vector"] = case["sign_a"]["vector_error"]
    case["abs_a"] = rec("abs_a", alg.abs, a)

    exponents = [0, 1, 2, 3, -1, -2]
    case["binding_power"] = {str(e): rec(f"binding_power.{e}", alg.binding_power, u, e)
                             for e in exponents}
    case["binding_power_a"] = {str(e): rec(f"binding_power_a.{e}", alg.binding_power, a, e)
                               for e in exponents}

    if name == "HRR":
        p = alg.make_unitary(alg.abs(a))
        case["positive_unitary"] = p
        case["sign_positive_unitary"] = sign_record(alg.sign(p), d)
        case["fractional_power"] = {
            str(e): rec(f"fractional_power.{e}", alg.binding_power, p, e)
            for e in [0.5, 1.5, -0.5]
        }
        # Fractional powers of a non-positive vector raise (ValueError) unless a is positive.
        case["fractional_power_a"] = {"0.5": rec("fractional_power_a.0.5",
                                                 alg.binding_power, a, 0.5)}
        if d == 16:
            z = alg.absorbing_element(d)
            za = alg.bind(z, a)
            case["absorbing_bind_a"] = za
            case["absorbing_bind_a_factor"] = float(np.dot(za, z))  # za == factor * z
            assert np.allclose(za, np.dot(za, z) * z, atol=1e-14)
    else:
        case["positive_unitary"] = None
        case["sign_positive_unitary"] = None
        case["fractional_power"] = None
        case["fractional_power_a"] = None
        # A random a is indefinite for d >= 4, so also a positive (symmetric positive definite
        # binding matrix) vector: create_vector(d, {"positive"}, rng=RandomState(2000 + d)),
        # i.e. randn(d) normalised, reshaped to M (sub_d x sub_d), sqrtm(M M^T) flattened.
        p = alg.create_vector(d, {CommonProperties.POSITIVE}, rng=np.random.RandomState(2000 + d))
        case["positive"] = {
            "vector": p,
            "sign": sign_record(alg.sign(p), d),
            "abs": rec("positive.abs", alg.abs, p),
            "sign_negated": sign_record(alg.sign(-p), d),
            "abs_negated": rec("positive.abs_negated", alg.abs, -p),
            "fractional_power": {str(e): rec(f"positive.fractional_power.{e}",
                                             alg.binding_power, p, e)
                                 for e in [0.5, 1.5, -0.5, 2]},
        }
    case["sign_zero"] = sign_record(alg.sign(np.zeros(d)), d)

    case["warnings"] = warned
    case["notes"] = notes
    return case


def make_algebras():
    dims = {"HRR": [1, 2, 7, 16, 64], "VTB": [1, 4, 16, 64], "TVTB": [1, 4, 16, 64]}
    out = {"description": __doc__.strip()}
    for name, alg in ALGEBRAS.items():
        out[name] = [algebra_case(name, alg, d) for d in dims[name]]
    # VTB/TVTB test `sqrt(d) * sqrt(d) == d` in floating point, which also holds for many
    # non-squares (11, 14, 17, ..., 1000): those are reported valid, yet every operation on such
    # a vector raises ValueError ("Vector dimensionality must be a square number.").
    square_dims = [-4, 0] + list(range(1, 21)) + [64, 1000]
    checked = {"HRR": [-1, 0, 1, 2, 5, 7, 64], "VTB": square_dims, "TVTB": square_dims}
    out["valid_dimensions"] = {name: {str(d): ALGEBRAS[name].is_valid_dimensionality(d)
                                      for d in ds} for name, ds in checked.items()}
    out["identity_element_right"] = {}
    for name in ["VTB", "TVTB"]:
        results = {}
        for d in [11, 14, 16, 1000]:
            value, error, _ = attempt(ALGEBRAS[name].identity_element, d, ElementSidedness.RIGHT)
            results[str(d)] = {"is_valid_dimensionality": ALGEBRAS[name].is_valid_dimensionality(d),
                               "raises": error, "length": None if value is None else len(value)}
        out["identity_element_right"][name] = results
    write("spa_algebras.json", out)


# ---------------------------------------------------------------------------------------------
# 2. spa_vocabulary.json

def make_vocab(d, seed, text, max_similarity=0.1, algebra="HRR"):
    vocab = spa.Vocabulary(d, strict=True, max_similarity=max_similarity,
                           pointer_gen=np.random.RandomState(seed), algebra=ALGEBRAS[algebra])
    _, error, ws = attempt(vocab.populate, text)
    assert error is None, error
    return vocab, ws


def vocab_record(vocab):
    return {"dimensions": vocab.dimensions, "keys": list(vocab.keys()),
            "vectors": vocab.vectors.copy()}


COLOURS_SHAPES = ("RED; BLUE; GREEN; YELLOW; PURPLE; ORANGE; BLACK; WHITE; CIRCLE; SQUARE; "
                  "TRIANGLE; STAR; HEXAGON; OVAL; SMALL; LARGE; TINY; HUGE; DOG; CAT; BIRD; "
                  "FISH; HORSE; MOUSE")

VOCAB_CASES = [
    ("letters16", 16, 0, 0.1, "HRR", "A; B; C; D; E"),
    ("words64", 64, 1, 0.1, "HRR", COLOURS_SHAPES),
    ("crowded8", 8, 2, 0.1, "HRR", "A; B; C; D; E; F; G; H; I; J; K; L"),
    ("derived32", 32, 3, 0.1, "HRR",
     "A.unitary(); B; C = (A*B).normalized(); D = A + 2*B; E = ~A; "
     "F = A.unitary().normalized(); G = A**2; H = -B*C + 0.5*D"),
    ("vtb16", 16, 4, 0.1, "VTB", "X; Y; Z = X*Y; W = Y*X; V = X.rinv()"),
    ("tvtb16", 16, 6, 0.1, "TVTB", "X; Y; Z = X*Y; V = ~X"),
    ("letters32_m005", 32, 7, 0.05, "HRR", "A; B; C; D; E; F; G; H"),
]


def make_vocabulary():
    assert len(COLOURS_SHAPES.split(";")) == 24
    out = {"description": "nengo_spa Vocabulary reference values; see make_spa.py.",
           "randn": {"seed": 5, "values": np.random.RandomState(5).randn(25)}}

    cases, built = [], {}
    for label, d, seed, m, alg, text in VOCAB_CASES:
        vocab, ws = make_vocab(d, seed, text, m, alg)
        built[label] = vocab
        case = {"name": label, "dimensions": d, "seed": seed, "max_similarity": m,
                "algebra": alg, "populate": text, "keys": list(vocab.keys()),
                "vectors": vocab.vectors.copy(), "warnings": len(ws),
                "warning_messages": ws}
        if label == "letters16":
            # The first pointer is RandomState(0).randn(16) / norm: the raw draw, for checking
            # MT19937 + polar Gaussian draws separately from normalisation.
            case["first_raw"] = np.random.RandomState(0).randn(16)
        cases.append(case)
    out["vocabularies"] = cases

    # transform_to, every scenario on freshly built vocabularies. transform_to sums over
    # `set(keys) - missing_keys` in that set's iteration order; `key_order` records it (as
    # replayed here with the same hashing), and the asserts check the replay is exact.
    src_spec, dst_spec = (16, 10, "A; B; C"), (32, 11, "A; B; C; D")

    def fresh_pair(dst=dst_spec):
        return make_vocab(*src_spec)[0], make_vocab(*dst)[0]

    def key_order(src, dst, keys=None, populate=None):
        keys = set(src.keys() if keys is None else keys)
        missing = set() if populate else set(k for k in keys if k not in dst)
        return list(keys - missing)

    def outer_sum(src, dst, order):
        return np.dot(np.array([dst[k].v for k in order]).T, np.array([src[k].v for k in order]))

    v16, v32 = fresh_pair()
    tr = {"source": dict(seed=10, populate=src_spec[2], **vocab_record(v16)),
          "target": dict(seed=11, populate=dst_spec[2], **vocab_record(v32))}
    tr["key_order"] = key_order(v16, v32)
    tr["matrix"] = v16.transform_to(v32)
    assert np.array_equal(tr["matrix"], outer_sum(v16, v32, tr["key_order"]))
    v16, v32 = fresh_pair()
    tr["key_order_AB"] = key_order(v16, v32, keys=["A", "B"])
    tr["matrix_keys_AB"] = v16.transform_to(v32, keys=["A", "B"])
    assert np.array_equal(tr["matrix_keys_AB"], outer_sum(v16, v32, tr["key_order_AB"]))
    v16, v32 = fresh_pair()
    # solver(from_vectors, to_vectors)[0].T, rows of both in key_order.
    value, error, ws = attempt(v16.transform_to, v32, solver=nengo.solvers.Lstsq())
    tr["matrix_lstsq"] = value
    tr["matrix_lstsq_note"] = error or "; ".join(ws) or None

    # Target lacking C: populate=None (ignores C, warns), False (ignores C), True (adds C to
    # the target with the target's own pointer_gen, then maps all three keys).
    missing_spec = (32, 11, "A; B; D")
    missing = {"target_seed": 11, "target_populate": missing_spec[2]}
    for label, populate in [("populate_none", None), ("populate_false", False),
                            ("populate_true", True)]:
        v16, target = fresh_pair(missing_spec)
        order = key_order(v16, target, populate=populate)
        value, error, ws = attempt(v16.transform_to, target, populate=populate)
        assert error is None and np.array_equal(value, outer_sum(v16, target, order))
        missing[label] = {"key_order": order, "matrix": value, "error": error, "warnings": ws,
                          "target_after": vocab_record(target)}
    tr["missing_key"] = missing
    out["transform_to"] = tr

    words = built["words64"]
    subset = words.create_subset(["BLUE", "RED"])
    out["subset"] = {"source": "words64", "keys_requested": ["BLUE", "RED"],
                     **vocab_record(subset)}

    vocab = built["letters16"]
    A, B, C = (vocab[k].v for k in "ABC")
    text_cases = [
        (A, {}),
        (0.6 * A + 0.4 * B, {}),
        (0.05 * A, {}),
        (0.05 * A, {"minimum_count": 0}),
        (A + B + C, {"maximum_count": 2}),
        (A + B + C, {}),
        (A + B + C, {"normalize": True}),
        (0.05 * A, {"normalize": True}),
        (0.6 * A + 0.4 * B, {"threshold": None}),
        (0.6 * A + 0.4 * B, {"join": ", ", "terms": ["B", "C"]}),
    ]
    texts = []
    for v, options in text_cases:
        value, error, ws = attempt(spa.text, v, vocab, **options)
        texts.append({"vocabulary": "letters16", "vector": v, "options": options,
                      "text": value, "error": error, "warnings": ws})
    out["text"] = texts

    data = np.array([A, B, 0.5 * A + 0.5 * C])
    sims = []
    for normalize in (False, True):
        value, error, ws = attempt(spa.similarity, data, vocab, normalize=normalize)
        sims.append({"vocabulary": "letters16", "data": data, "normalize": normalize,
                     "similarity": value, "error": error, "warnings": ws})
    out["similarity"] = sims
    write("spa_vocabulary.json", out)


# ---------------------------------------------------------------------------------------------
# 3. spa_expressions.json

HRR_EXPRESSIONS = [
    "A", "A+B", "A-B", "A*B", "A*B+C", "A+B*C", "A-B-C", "A*B*C", "(A+B)*C", "A*(B+C)",
    "A+B+C+D", "A*B-C*D", "-A", "+A", "--A", "-A*B", "~A", "~-A", "~A*B", "~(A*B)", "~A*~B",
    "A*~A", "A**2", "A**3", "A**0", "A**1", "-A**2", "A**-1", "A**-2", "A**0.5", "2*A", "A*2",
    "2*(A+B)", "A/2", "A/2/4", "A*B/2", "0.5*A+0.25*B", ".5*A", "1e-1*A", "A*B.normalized()",
    "(A*B).normalized()", "A.normalized()", "(A+B).unitary()", "A.unitary()", "A.linv()",
    "A.rinv()", "A.abs()", "A.copy()", "A-(B*C)*3+~C", "Identity", "Zero", "AbsorbingElement",
    "A*Identity", "A+Zero", "A*Zero", "A*AbsorbingElement", "2", "0", "1.7", "3*Identity+A",
    "A@B", "(A@B)*C", "A@B*C", "C*(A@B)", "(A+B)@(A+B)", "A+1", "A*B*E", "A/0",
]

VTB_EXPRESSIONS = [
    "X", "X+Y", "X-Y", "-X", "2*X", "X*Y", "Y*X", "X.rinv()", "X.linv()", "~X", "X*Y*Z",
    "X*(Y*Z)", "(X*Y)*X.rinv()", "(X*Y)*Y.rinv()", "X*X.rinv()", "X.rinv()*X", "X**2", "X**0",
    "X**-1", "X.unitary()", "X.normalized()", "X.abs()", "Identity", "X*Identity",
    "Identity*X", "Zero", "AbsorbingElement", "2", "X@Y", "(X@Y)*Z",
]


def parse_cases(vocab, expressions):
    cases = []
    for expr in expressions:
        value, error, ws = attempt(vocab.parse, expr)
        if error is not None:
            cls, _, msg = error.partition(": ")
            cases.append({"expression": expr, "error": cls, "message": msg, "warnings": ws})
        else:
            cases.append({"expression": expr, "vector": value.v, "result_type":
                          type(value).__name__, "algebra": algebra_name(value.algebra),
                          "warnings": ws})
    return cases


def make_expressions():
    hrr, ws = make_vocab(32, 20, "A; B; C; D")
    assert not ws
    vtb, ws = make_vocab(16, 21, "X; Y; Z", algebra="VTB")
    assert not ws
    out = {
        "description": "nengo_spa Vocabulary.parse reference values; see make_spa.py. "
                       "Vocabularies are strict, max_similarity 0.1, pointer_gen "
                       "RandomState(seed). A scalar result is parse's number * Identity.",
        "dimensions": 32, "seed": 20, "algebra": "HRR", "populate": "A; B; C; D",
        "keys": list(hrr.keys()), "vectors": hrr.vectors.copy(),
        "cases": parse_cases(hrr, HRR_EXPRESSIONS),
        "vtb": {"dimensions": 16, "seed": 21, "algebra": "VTB", "populate": "X; Y; Z",
                "keys": list(vtb.keys()), "vectors": vtb.vectors.copy(),
                "cases": parse_cases(vtb, VTB_EXPRESSIONS)},
    }
    write("spa_expressions.json", out)


if __name__ == "__main__":
    make_algebras()
    make_vocabulary()
    make_expressions()
