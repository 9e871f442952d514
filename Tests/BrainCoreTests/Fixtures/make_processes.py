"""Reference outputs of nengo 4.1.0 processes for BrainKit: make_step(shape_in, shape_out, dt,
rng=np.random.RandomState(seed), state) called at t = k*dt (k = 1..steps) unless times are given.
Run: python3 make_processes.py  -> processes.json"""
import json, os, warnings
import numpy as np
import nengo
from nengo.dists import Choice, Gaussian, Uniform
from nengo.processes import Piecewise, PresentInput, WhiteNoise, WhiteSignal

warnings.simplefilter("ignore")
OUT = os.path.dirname(os.path.abspath(__file__)) + "/"


def tolist(x):
    return np.asarray(x, dtype=float).tolist()


def run(process, size_out, dt, seed, times):
    rng = np.random.RandomState(seed)
    state = process.make_state((0,), (size_out,), dt)
    step = process.make_step((0,), (size_out,), dt, rng, state)
    out = np.array([np.array(step(t), dtype=float).ravel() for t in times])
    return out, rng


def white_signal(name, period, high, rms, y0, dt, d, seed, steps=None, sampled=None):
    k = np.arange(1, steps + 1) if sampled is None else np.array(sampled)
    out, rng = run(WhiteSignal(period, high, rms=rms, y0=y0), d, dt, seed, k * dt)
    return {"name": name, "period": period, "high": high, "rms": rms, "y0": y0, "dt": dt, "size": d,
            "seed": seed, "steps": tolist(k), "output": tolist(out),
            "next_standard_normal": float(rng.standard_normal())}


signals = [
    white_signal("wraps_period", 1.0, 10.0, 0.5, None, 0.001, 2, 3, steps=2100),
    white_signal("odd_dimensions", 0.5, 5.0, 0.3, None, 0.002, 3, 1, steps=300),
    white_signal("y0", 1.0, 10.0, 0.5, 0.2, 0.001, 3, 4, steps=50),
    white_signal("y0_negative", 0.2, 20.0, 1.0, -0.3, 0.001, 2, 8, steps=50),
    white_signal("prime_length_at_nyquist", 0.0333, 500.0, 0.5, None, 0.001, 1, 5, steps=40),
    white_signal("power_of_two_length", 0.256, 50.0, 0.5, None, 0.001, 2, 9, steps=300),
    white_signal("long_16d", 10.0, 5.0, 0.5, None, 0.001, 16, 11,
                 sampled=[1, 2, 3, 4, 5, 2500, 4999, 5000, 5001, 9999, 10000, 10001]),
    white_signal("long_full_band", 10.0, 500.0, 0.5, None, 0.001, 4, 12,
                 sampled=[1, 2, 3, 777, 5000, 9999, 10000]),
]


def white_noise(name, dist, dist_spec, scale, dt, d, seed, steps=8):
    kw = {} if dist is None else {"dist": dist}
    out, _ = run(WhiteNoise(scale=scale, **kw), d, dt, seed, np.arange(1, steps + 1) * dt)
    return {"name": name, "distribution": dist_spec, "scale": scale, "dt": dt, "size": d, "seed": seed,
            "output": tolist(out)}


noises = [
    white_noise("default", None, {"type": "default"}, True, 0.001, 3, 5),
    white_noise("gaussian_unscaled", Gaussian(1.0, 2.0), {"type": "gaussian", "mean": 1.0, "std": 2.0}, False,
                0.002, 2, 6),
    white_noise("uniform", Uniform(-1.0, 1.0), {"type": "uniform", "low": -1.0, "high": 1.0}, True, 0.001, 3, 7),
    white_noise("uniform_integer", Uniform(0, 10, integer=True),
                {"type": "uniform_integer", "low": 0.0, "high": 10.0}, False, 0.001, 2, 13),
    white_noise("choice_rows", Choice([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], weights=[0.2, 0.5, 0.3]),
                {"type": "choice", "options": [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], "weights": [0.2, 0.5, 0.3]},
                True, 0.001, 2, 10),
]

presents = []
for name, inputs, T, dt, steps in [("fractional", [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], 0.0015, 0.001, 20),
                                   ("whole_steps", [[0.5], [-1.5], [2.5], [7.0]], 0.003, 0.001, 30),
                                   ("long", [[1.0, 0.0, -1.0], [0.25, 0.5, 0.75]], 0.1, 0.001, 450)]:
    out, _ = run(PresentInput(np.array(inputs), T), len(inputs[0]), dt, 0, np.arange(1, steps + 1) * dt)
    presents.append({"name": name, "inputs": inputs, "presentation_time": T, "dt": dt, "output": tolist(out)})

piecewise = []
times = np.concatenate([np.arange(0, 31) * 0.001, [0.0015, 0.0025, 0.01, 0.0123, 0.02, 0.0205, -0.001]])
for name, data, interp in [
        ("zero", {0.0015: [1.0, 2.0], 0.0025: [3.0, 4.0], 0.005: [-1.0, 0.5], 0.02: [9.0, -9.0]}, "zero"),
        ("zero_negative_key", {-0.5: [7.0], 0.0123: [3.0]}, "zero"),
        ("linear", {0.0: [1.0, 2.0], 0.0025: [3.0, 4.0], 0.005: [-1.0, 0.5], 0.02: [9.0, -9.0]}, "linear"),
        ("linear_late_start", {0.0015: [1.0], 0.0123: [4.0], 0.0205: [-2.0]}, "linear")]:
    d = len(next(iter(data.values())))
    out, _ = run(Piecewise(dict(data), interpolation=interp), d, 0.001, 0, times)
    piecewise.append({"name": name, "times": sorted(data), "values": [tolist(data[k]) for k in sorted(data)],
                      "interpolation": interp, "dt": 0.001, "step_times": tolist(times), "output": tolist(out)})

res = {
    "description": "nengo process outputs from make_step with rng=np.random.RandomState(seed), at t = k*dt for the "
                   "listed steps k (WhiteSignal, WhiteNoise, PresentInput) or at step_times (Piecewise). "
                   "next_standard_normal: rng.standard_normal() after make_step (checks how much was drawn).",
    "white_signal": signals, "white_noise": noises, "present_input": presents, "piecewise": piecewise,
    "_generator": f"nengo {nengo.__version__}, numpy {np.__version__}",
}
with open(OUT + "processes.json", "w") as f:
    json.dump(res, f, indent=1)
