"""Reference runs of Brian2 2.9 for the EquationNeuron tests (equations_brian2.json) and
Brian2's table of unit names (equations_units_brian2.json).

Run with the reference venv (from this directory):
    venv-ref/bin/python make_equations_brian2.py

Every model is one neuron run for 500 ms at dt = 0.1 ms with numpy code generation. Traces
are the StateMonitor's samples (recorded at the start of each step, before the update) for
every step, in mV (voltages) and nA (currents); spike times are the SpikeMonitor's (the
start of the step in which the threshold held), in ms. The method Brian2 picks by default
for the AdEx equations is read from its log ("method_choice").
"""
import json
import logging

from brian2 import (
    NeuronGroup, SpikeMonitor, StateMonitor, Network, defaultclock, prefs, ms, mV, nA, pF, nS, Mohm,
    BrianLogger,
)
from brian2.core.namespace import DEFAULT_UNITS

prefs.codegen.target = "numpy"
DT = 0.1 * ms
DURATION = 500 * ms

ADEX_EQUATIONS = """
dvm/dt = (gL*(EL - vm) + gL*DeltaT*exp((vm - VT)/DeltaT) + I - w)/C : volt
dw/dt = (a*(vm - EL) - w)/tauw : amp
I : amp
"""
ADEX_PARAMETERS = {
    "C": 281 * pF, "gL": 30 * nS, "EL": -70.6 * mV, "VT": -50.4 * mV, "DeltaT": 2 * mV,
    "tauw": 144 * ms, "a": 4 * nS, "b": 0.0805 * nA, "Vr": -70.6 * mV,
}
ADEX_PARAMETERS["Vcut"] = ADEX_PARAMETERS["VT"] + 5 * ADEX_PARAMETERS["DeltaT"]

LIF_EQUATIONS = """
dv/dt = (EL - v + R*I)/tau : volt (unless refractory)
I : amp
"""
LIF_PARAMETERS = {"tau": 10 * ms, "EL": -70 * mV, "R": 100 * Mohm, "Vt": -50 * mV, "Vr": -65 * mV}

ADAPTIVE_LIF_EQUATIONS = """
dv/dt = (EL - v + R*(I - w))/tau : volt (unless refractory)
dw/dt = (a*(v - EL) - w)/tauw : amp
I : amp
"""
ADAPTIVE_LIF_PARAMETERS = dict(LIF_PARAMETERS, a=2 * nS, tauw=100 * ms, b=0.05 * nA)


class MethodLog(logging.Handler):
    """Collects Brian2's log lines about the integration method it chooses."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        message = record.getMessage()
        if "method" in message:
            self.lines.append(message)


def run(name, equations, parameters, threshold, reset, method, current, refractory=None, initial=None,
        record=("v",), scales=None):
    log = MethodLog()
    logging.getLogger("brian2").addHandler(log)
    kwargs = {"threshold": threshold, "reset": reset, "namespace": parameters}
    if method is not None:
        kwargs["method"] = method
    if refractory is not None:
        kwargs["refractory"] = refractory
    group = NeuronGroup(1, equations, **kwargs)
    for variable, value in (initial or {}).items():
        setattr(group, variable, value)
    group.I = current
    spikes = SpikeMonitor(group)
    states = StateMonitor(group, list(record), record=0)
    defaultclock.dt = DT
    network = Network(group, spikes, states)
    network.run(DURATION, namespace=parameters)
    logging.getLogger("brian2").removeHandler(log)
    scales = scales or {}
    traces = {
        variable: [round(float(x), 9) for x in getattr(states, variable)[0] / scales.get(variable, mV)]
        for variable in record
    }
    chosen = [line.split("integration method ")[1].split(" ")[0] for line in log.lines
              if "using numerical integration method" in line][0]
    return {
        "name": name,
        "method": str(method) if method is not None else None,
        "brian2_method": str(chosen),
        "brian2_log": log.lines,
        "dt_ms": float(DT / ms),
        "duration_ms": float(DURATION / ms),
        "current_nA": float(current / nA),
        "spike_times_ms": [round(float(t), 9) for t in spikes.t / ms],
        "traces": traces,
    }


def main():
    BrianLogger.log_level_debug()
    models = []
    adex_initial = {"vm": ADEX_PARAMETERS["EL"], "w": 0 * nA}
    adex_scales = {"vm": mV, "w": nA}
    models.append(run("adex_default", ADEX_EQUATIONS, ADEX_PARAMETERS, "vm > Vcut", "vm = Vr; w += b", None,
                      1.5 * nA, initial=adex_initial, record=("vm", "w"), scales=adex_scales))
    models.append(run("adex_rk4", ADEX_EQUATIONS, ADEX_PARAMETERS, "vm > Vcut", "vm = Vr; w += b", "rk4",
                      1.5 * nA, initial=adex_initial, record=("vm",), scales=adex_scales))
    lif_initial = {"v": LIF_PARAMETERS["EL"]}
    models.append(run("lif_exact", LIF_EQUATIONS, LIF_PARAMETERS, "v > Vt", "v = Vr", "exact", 0.3 * nA,
                      refractory=2 * ms, initial=lif_initial))
    models.append(run("lif_rk4", LIF_EQUATIONS, LIF_PARAMETERS, "v > Vt", "v = Vr", "rk4", 0.3 * nA,
                      refractory=2 * ms, initial=lif_initial))
    models.append(run("adaptive_lif_exact", ADAPTIVE_LIF_EQUATIONS, ADAPTIVE_LIF_PARAMETERS, "v > Vt",
                      "v = Vr; w += b", "exact", 0.5 * nA, refractory=2 * ms, initial=lif_initial,
                      record=("v", "w"), scales={"v": mV, "w": nA}))
    with open("equations_brian2.json", "w") as f:
        json.dump({"generator": "make_equations_brian2.py", "brian2": __import__("brian2").__version__,
                   "models": models}, f, separators=(",", ":"))

    units = []
    for name in sorted(DEFAULT_UNITS):
        unit = DEFAULT_UNITS[name]
        dim = unit.dim
        exponents = [int(dim._dims[i]) if float(dim._dims[i]).is_integer() else float(dim._dims[i]) for i in range(7)]
        units.append([name, float(unit), exponents])
    with open("equations_units_brian2.json", "w") as f:
        json.dump({"generator": "make_equations_brian2.py", "order": ["m", "kg", "s", "A", "K", "mol", "cd"],
                   "units": units}, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
