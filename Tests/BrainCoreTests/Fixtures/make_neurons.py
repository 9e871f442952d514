"""Reference values from nengo 4.1.0 for BrainKit's neuron types (writes neurons.json).

- "steps": a few steps of each type's `step()` from a known state, for types and parameter
  sets not covered by make_fixtures.py. Populations of 19 neurons (two blocks of 8 plus a
  tail). Each case records the output and every state variable after each step, and the
  smallest distance to a decision threshold met on the way (`min_margin`: |v - 1| for LIF
  spikes, |v - 30| for Izhikevich, distance of v to an integer for SpikingRectifiedLinear),
  asserted large enough that a float32 kernel must make the same decisions.
- "izhikevich": Izhikevich rates (simulated) and the generic numeric gain_bias /
  max_rates_intercepts, for the default and a non-default parameter set.
State names and parameters are written in BrainKit's (Swift) spelling.
"""
import json, os, warnings
import numpy as np
import nengo

warnings.simplefilter("ignore")
OUT = os.path.dirname(os.path.abspath(__file__)) + "/"
N = 19


def tolist(x):
    """float64 array -> nested lists; non-finite values (NaN/inf) become JSON null."""
    a = np.asarray(x, dtype=float)
    if a.ndim == 0:
        return float(a) if np.isfinite(a) else None
    return [tolist(v) for v in a] if a.ndim > 1 else [float(v) if np.isfinite(v) else None for v in a]


SWIFT_STATE = {"voltage": "voltage", "refractory_time": "refractoryTime", "adaptation": "adaptation",
               "recovery": "recovery"}
SWIFT_PARAM = {"tau_rc": "tauRC", "tau_ref": "tauRef", "min_voltage": "minVoltage", "amplitude": "amplitude",
               "tau_n": "tauN", "inc_n": "incN", "tau_recovery": "tauRecovery", "coupling": "coupling",
               "reset_voltage": "resetVoltage", "reset_recovery": "resetRecovery"}


def margin(neuron, dt, J, state):
    """Distance to the decision the next step makes, computed from the pre-step state."""
    s = {k: v.copy() for k, v in state.items()}
    if isinstance(neuron, (nengo.LIF, nengo.AdaptiveLIF)):
        Jeff = J - s["adaptation"] if "adaptation" in s else J
        ref = s["refractory_time"] - dt
        delta = np.clip(dt - ref, 0, dt)
        v = s["voltage"] - (Jeff - s["voltage"]) * np.expm1(-delta / neuron.tau_rc)
        return np.min(np.abs(v - 1))
    if isinstance(neuron, nengo.Izhikevich):
        Jc = np.maximum(J, -30)
        v = s["voltage"]
        v = v + dt * (1000 * (0.04 * v ** 2 + 5 * v + 140 - s["recovery"] + Jc))
        return np.min(np.abs(v - 30))
    if isinstance(neuron, nengo.SpikingRectifiedLinear):
        v = s["voltage"] + np.maximum(J, 0) * dt
        return np.min(np.abs(v - np.round(v)))
    return np.inf


def simulate(neuron, dt, n_steps, J, initial, dtype):
    state = {k: np.array(v, dtype=dtype) for k, v in initial.items()}
    J = np.asarray(J, dtype=dtype)
    out = np.zeros(N, dtype=dtype)
    outputs, states, worst = [], {k: [] for k in state}, np.inf
    for _ in range(n_steps):
        worst = min(worst, margin(neuron, dt, J, state))
        neuron.step(dtype(dt), J, out, **state)
        outputs.append(out.astype(float))
        for k in state:
            states[k].append(state[k].astype(float))
    return np.array(outputs), {k: np.array(v) for k, v in states.items()}, worst


def run(neuron, params, dt, n_steps, J, initial):
    outputs, states, worst = simulate(neuron, dt, n_steps, J, initial, np.float64)
    assert worst > 1e-5, (type(neuron).__name__, worst)
    # The same steps in float32 must make the same decisions and stay close: the case is
    # well conditioned (no chaotic growth of rounding errors) for a float32 port.
    outputs32, states32, _ = simulate(neuron, dt, n_steps, J, initial, np.float32)
    assert np.array_equal(outputs32 != 0, outputs != 0), type(neuron).__name__
    for k in states:
        scale = max(1.0, np.abs(states[k]).max())
        assert np.abs(states32[k] - states[k]).max() <= 3e-5 * scale, (type(neuron).__name__, k)
    return {
        "type": type(neuron).__name__,
        "params": {SWIFT_PARAM[k]: v for k, v in params.items()},
        "dt": dt, "n_steps": n_steps, "J": tolist(J),
        "initial": {SWIFT_STATE[k]: tolist(v) for k, v in initial.items()},
        "output": tolist(outputs),
        "state": {SWIFT_STATE[k]: tolist(v) for k, v in states.items()},
        "min_margin": float(worst) if np.isfinite(worst) else None,
    }


rng = np.random.RandomState(1234)
steps = {}


def case(name, cls, params, dt, n_steps, J, initial):
    steps[name] = run(cls(**params), params, dt, n_steps, J, initial)


ref_choices = np.array([-0.01, 0.0, 0.0004, 0.0012, 0.002])
case("LIF_custom_dt_0.0005", nengo.LIF, dict(tau_rc=0.03, tau_ref=0.0015, min_voltage=-0.5, amplitude=0.7),
     0.0005, 80, rng.uniform(-2, 15, N),
     {"voltage": rng.uniform(-0.5, 0.95, N), "refractory_time": rng.choice(ref_choices, N)})
case("AdaptiveLIF_default", nengo.AdaptiveLIF, {}, 0.001, 60, rng.uniform(0, 20, N),
     {"voltage": rng.uniform(0, 0.95, N), "refractory_time": np.zeros(N), "adaptation": rng.uniform(0, 3, N)})
case("AdaptiveLIF_custom", nengo.AdaptiveLIF,
     dict(tau_n=0.05, inc_n=0.5, tau_rc=0.03, tau_ref=0.001, min_voltage=-1.0, amplitude=2.0), 0.001, 60,
     rng.uniform(-3, 25, N),
     {"voltage": rng.uniform(-1, 0.95, N), "refractory_time": rng.choice(ref_choices, N),
      "adaptation": rng.uniform(0, 2, N)})
case("AdaptiveLIFRate_default", nengo.AdaptiveLIFRate, {}, 0.001, 30, rng.uniform(-1, 20, N),
     {"adaptation": rng.uniform(0, 3, N)})
case("AdaptiveLIFRate_custom", nengo.AdaptiveLIFRate,
     dict(tau_n=0.05, inc_n=0.2, tau_rc=0.05, tau_ref=0.001, amplitude=0.5), 0.001, 30, rng.uniform(-1, 20, N),
     {"adaptation": rng.uniform(0, 3, N)})
case("SpikingRectifiedLinear_default", nengo.SpikingRectifiedLinear, {}, 0.001, 40, rng.uniform(-50, 3000, N),
     {"voltage": rng.uniform(0, 1, N)})
case("SpikingRectifiedLinear_amp_0.5", nengo.SpikingRectifiedLinear, dict(amplitude=0.5), 0.001, 40,
     rng.uniform(-50, 800, N), {"voltage": rng.uniform(0, 1, N)})
# Physiological states and inputs: with very negative input the 1 ms Euler step is unstable
# below about -87.5 mV and rounding errors grow chaotically (in Nengo as in float32).
v0 = rng.uniform(-75, 20, N)
case("Izhikevich_default", nengo.Izhikevich, {}, 0.001, 40, rng.uniform(-5, 40, N),
     {"voltage": v0, "recovery": 0.2 * v0 + rng.uniform(-3, 3, N)})
case("Izhikevich_custom", nengo.Izhikevich,
     dict(tau_recovery=0.1, coupling=0.26, reset_voltage=-60.0, reset_recovery=0.5), 0.001, 40,
     rng.uniform(-5, 40, N), {"voltage": v0, "recovery": 0.26 * v0 + rng.uniform(-3, 3, N)})
case("LIFRate_custom", nengo.LIFRate, dict(tau_rc=0.05, tau_ref=0.001, amplitude=0.5), 0.001, 1,
     rng.uniform(-1, 30, N), {})
case("RectifiedLinear_amp_2", nengo.RectifiedLinear, dict(amplitude=2.0), 0.001, 1, rng.uniform(-10, 30, N), {})
case("Sigmoid_tau_ref_0.004", nengo.Sigmoid, dict(tau_ref=0.004), 0.001, 1, rng.uniform(-10, 10, N), {})
case("Tanh_tau_ref_0.005", nengo.Tanh, dict(tau_ref=0.005), 0.001, 1, rng.uniform(-3, 3, N), {})

izh = {}
for name, params in [("default", {}),
                     ("custom", dict(tau_recovery=0.1, coupling=0.26, reset_voltage=-60.0, reset_recovery=0.5))]:
    neuron = nengo.Izhikevich(**params)
    J = np.array([-40.0, -5.0, 0.0, 3.0, 3.7, 4.0, 5.0, 7.5, 10.0, 20.0, 50.0, 100.0, 300.0, 1000.0, 3000.0])
    max_rates = np.array([5.0, 20.0, 50.0, 100.0, 150.0, 200.0, 300.0, 400.0])
    intercepts = np.array([-0.9, -0.5, -0.1, 0.0, 0.2, 0.5, 0.7, 0.9])
    gain, bias = neuron.gain_bias(max_rates, intercepts)
    rt_rates, rt_intercepts = neuron.max_rates_intercepts(gain, bias)
    izh[name] = {
        "params": {SWIFT_PARAM[k]: v for k, v in params.items()},
        "J": tolist(J), "rates": tolist(neuron.rates(J, np.ones(1), np.zeros(1)).ravel()),
        "max_rates": tolist(max_rates), "intercepts": tolist(intercepts),
        "gain": tolist(gain), "bias": tolist(bias),
        "roundtrip_max_rates": tolist(rt_rates), "roundtrip_intercepts": tolist(rt_intercepts),
    }
unreachable = 1e5
try:
    nengo.Izhikevich().gain_bias(np.array([unreachable]), np.array([0.0]))
    raise AssertionError("expected a ValidationError")
except nengo.exceptions.ValidationError:
    pass

with open(OUT + "neurons.json", "w") as f:
    json.dump({
        "description": "Neuron step kernels from known states (outputs and state after each step), and "
                       "Izhikevich rates and numeric gain_bias / max_rates_intercepts. See make_neurons.py.",
        "steps": steps,
        "izhikevich": izh,
        "izhikevich_unreachable_max_rate": unreachable,
        "_generator": f"nengo {nengo.__version__}, numpy {np.__version__}",
    }, f, indent=1)
