"""Reference AdEx traces from Brian2 2.9 for the AdEx tests (Tests/BrainBiophysicsTests/AdEx).

Run from this directory with the reference venv:

    venv-ref/bin/python make_adex_brian2.py

It writes adex_brian2.json: the talk's AdEx cell (Brette & Gerstner 2005 parameters, as in
Brian2's documentation example) driven by a constant 1.5 nA for 500 ms from vm = EL, w = 0, in
three runs:

- "euler_dt0.1":   dt = 0.1 ms with Brian2's default method (it logs that it picks 'euler');
- "euler_dt0.025": dt = 0.025 ms, same method;
- "rk4_dt0.1":     dt = 0.1 ms with method='rk4';
- "euler_dt0.1_refractory2": dt = 0.1 ms, default method, refractory = 2 ms with vm held
  (`(unless refractory)`) while w evolves.

Each run stores the method Brian2 used, dt, the spike times (ms, SpikeMonitor: the time t of
the step whose update crossed the threshold) and vm (mV) and w (nA) every 0.1 ms
(StateMonitor, recorded at the start of each step, i.e. before that step's update, so the
recorded voltage never shows the value above Vcut).
"""
import json
import logging
import os
import re

import brian2
from brian2 import (NeuronGroup, SpikeMonitor, StateMonitor, defaultclock, Network, ms, mV,
                    nA, nS, pF, prefs, start_scope)

prefs.codegen.target = "numpy"  # no compiler needed; numerics are float64 either way

C = 281 * pF
gL = 30 * nS
EL = -70.6 * mV
VT = -50.4 * mV
DeltaT = 2 * mV
Vcut = VT + 5 * DeltaT
tauw = 144 * ms
a = 4 * nS
b = 0.0805 * nA
Vr = -70.6 * mV
I_amp = 1.5 * nA
duration = 500 * ms

EQUATIONS = """
dvm/dt = (gL*(EL - vm) + gL*DeltaT*exp((vm - VT)/DeltaT) + I - w)/C : volt
dw/dt = (a*(vm - EL) - w)/tauw : amp
I : amp
"""

# The same cell with a refractory period during which vm is held (Brian's `(unless refractory)`)
# while w keeps evolving and no spike can occur.
REFRACTORY_EQUATIONS = EQUATIONS.replace(": volt", ": volt (unless refractory)")


DEFAULT_CHOICE = {}


class MethodCatcher(logging.Handler):
    """Collects Brian2's 'using method ...' log lines to record which method it chose."""

    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def run(dt, method, refractory=None):
    start_scope()
    defaultclock.dt = dt
    kwargs = {} if method is None else {"method": method}
    equations = EQUATIONS
    if refractory is not None:
        kwargs["refractory"] = refractory
        equations = REFRACTORY_EQUATIONS
    group = NeuronGroup(1, equations, threshold="vm > Vcut", reset="vm = Vr; w += b", **kwargs)
    group.vm = EL
    group.w = 0 * nA
    group.I = I_amp
    state = StateMonitor(group, ["vm", "w"], record=0, dt=0.1 * ms)
    spikes = SpikeMonitor(group)
    net = Network(group, state, spikes)
    catcher = MethodCatcher()
    logger = logging.getLogger("brian2.stateupdaters.base.method_choice")
    logger.addHandler(catcher)
    logger.setLevel(logging.DEBUG)
    net.run(duration)
    logger.removeHandler(catcher)
    # Brian2 logs its choice only the first time (it caches it); later default runs reuse it.
    chosen = method or DEFAULT_CHOICE.get("method")
    for message in catcher.messages:
        found = re.search(r"using (?:numerical integration )?method '?(\w+)'?", message)
        if found:
            chosen = found.group(1)
    if method is None:
        DEFAULT_CHOICE["method"] = chosen
    return {
        "method_requested": method or "default",
        "method_used": chosen,
        "log": catcher.messages,
        "dt_ms": float(dt / ms),
        "refractory_ms": 0.0 if refractory is None else float(refractory / ms),
        "spike_times_ms": [round(float(t), 6) for t in spikes.t / ms],
        "sample_dt_ms": 0.1,
        "vm_mV": [round(float(v), 6) for v in state.vm[0] / mV],
        "w_nA": [round(float(v), 7) for v in state.w[0] / nA],
    }


def main():
    result = {
        "brian2_version": brian2.__version__,
        "cell": {
            "C_pF": 281, "gL_nS": 30, "EL_mV": -70.6, "VT_mV": -50.4, "DeltaT_mV": 2,
            "Vcut_mV": float(Vcut / mV), "tauw_ms": 144, "a_nS": 4, "b_nA": 0.0805, "Vr_mV": -70.6,
            "I_nA": 1.5, "duration_ms": 500,
        },
        "runs": {
            "euler_dt0.1": run(0.1 * ms, None),
            "euler_dt0.025": run(0.025 * ms, None),
            "rk4_dt0.1": run(0.1 * ms, "rk4"),
            "euler_dt0.1_refractory2": run(0.1 * ms, None, refractory=2 * ms),
        },
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "adex_brian2.json")
    with open(path, "w") as f:
        json.dump(result, f, separators=(",", ":"))
    for name, r in result["runs"].items():
        print(name, r["method_used"], len(r["spike_times_ms"]), r["spike_times_ms"][:5], r["log"])


if __name__ == "__main__":
    main()
