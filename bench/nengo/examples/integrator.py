"""Nengo 4.1 twin of Examples/integrator (networks spec D4): an integrator of 100 LIF neurons
(recurrent Lowpass(0.1 s), input scaled by 0.1 s) driven by 1 from 0.2 s to 0.7 s through the
same lowpass to 0.5, then holding for a second.

Nengo 4 no longer ships `nengo.networks.Integrator`; the subnetwork below is Nengo 3.2's
definition plus an output node fed by the ensemble with no synapse, which is BrainKit's
`Integrator.output` port, so that one seed draws the same neurons on both sides.

  python3 bench/nengo/examples/integrator.py

Prints one JSON line: {"name", "neurons", "build_s", "run_s", "metrics": {"held_value",
"drift_per_s"}}; build is `nengo.Simulator(net)` (decoder cache off), run is `sim.run(1.9)`.
"""
import os

os.environ["OPENBLAS_NUM_THREADS"] = "1"
import json, time
import numpy as np
import nengo

nengo.rc["decoder_cache"]["enabled"] = "False"

TAU, SEED, T = 0.1, 0, 1.9


def integrator(recurrent_tau, n_neurons, dimensions):
    with nengo.Network(label="Integrator") as sub:
        sub.input = nengo.Node(size_in=dimensions, label="input")
        sub.ensemble = nengo.Ensemble(n_neurons, dimensions, label="integrator")
        nengo.Connection(sub.ensemble, sub.ensemble, synapse=recurrent_tau)
        nengo.Connection(sub.input, sub.ensemble, transform=recurrent_tau, synapse=None)
        sub.output = nengo.Node(size_in=dimensions, label="output")
        nengo.Connection(sub.ensemble, sub.output, synapse=None)
    return sub


with nengo.Network(label="integrator", seed=SEED) as net:
    stimulus = nengo.Node(nengo.processes.Piecewise({0: 0, 0.2: 1, 0.7: 0}), label="input")
    memory = integrator(TAU, 100, 1)
    nengo.Connection(stimulus, memory.input, synapse=TAU)
    probe = nengo.Probe(memory.output, synapse=0.01)

start = time.perf_counter()
sim = nengo.Simulator(net, progress_bar=False)
built = time.perf_counter()
sim.run(T)
finished = time.perf_counter()
sim.close()

t, x = sim.trange(), sim.data[probe][:, 0]
held = float(x[(t > 0.85) & (t <= 0.9)].mean())
later = float(x[(t > 1.85) & (t <= 1.9)].mean())
print(json.dumps({"name": "integrator", "neurons": net.n_neurons, "build_s": built - start,
                  "run_s": finished - built,
                  "metrics": {"held_value": held, "drift_per_s": (later - held) / 1.0}}))
