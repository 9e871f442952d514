"""Nengo 4.1 twin of Examples/controlled-oscillator: the docs' controlled oscillator (500 LIF
neurons representing (x0, x1, w), radius 1.7, recurrent function
(x0 - w*w_max*tau*x1, x1 + w*w_max*tau*x0, 0) through Lowpass(0.1 s)) with w_max = 20 rad/s and
the command w = 4*pi/20 (2 Hz), kicked with [1, 0] for 0.15 s, run for 4 s. The frequency is the
least-squares slope of the unwrapped phase atan2(x1, x0) over t > 2 s, divided by 2*pi.

The subnetwork mirrors BrainKit's `ControlledOscillator` (input, control and output nodes,
no synapse inside) so that one seed draws the same neurons on both sides.

  python3 bench/nengo/examples/controlled_oscillator.py

Prints one JSON line: {"name", "neurons", "build_s", "run_s", "metrics": {"commanded_hz",
"measured_hz"}}; build is `nengo.Simulator(net)` (decoder cache off), run is `sim.run(4)`.
"""
import os

os.environ["OPENBLAS_NUM_THREADS"] = "1"
import json, sys, time
import numpy as np
import nengo

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from standard.dynamics import controlled_oscillator_network, measured_frequency

nengo.rc["decoder_cache"]["enabled"] = "False"

COMMANDED_HZ, MAX_FREQUENCY, TAU, SEED, T = 2.0, 20.0, 0.1, 0, 4.0




command = 2 * np.pi * COMMANDED_HZ / MAX_FREQUENCY
with nengo.Network(label="controlled oscillator", seed=SEED) as net:
    kick = nengo.Node(nengo.processes.Piecewise({0: [1, 0], 0.15: [0, 0]}), label="kick")
    speed = nengo.Node(command, label="command")
    oscillator = controlled_oscillator_network(tau=TAU, max_frequency=MAX_FREQUENCY)
    nengo.Connection(kick, oscillator.input)
    nengo.Connection(speed, oscillator.control)
    probe = nengo.Probe(oscillator.output, synapse=0.03)

start = time.perf_counter()
sim = nengo.Simulator(net, progress_bar=False)
built = time.perf_counter()
sim.run(T)
finished = time.perf_counter()
sim.close()

measured = measured_frequency(sim.trange(), sim.data[probe], T - 2)
print(json.dumps({"name": "controlled_oscillator", "neurons": net.n_neurons, "build_s": built - start,
                  "run_s": finished - built,
                  "metrics": {"commanded_hz": COMMANDED_HZ, "measured_hz": measured}}))
