"""Nengo 4.1's own figures for BrainCore's behavioural tests, over several seeds.

Writes behaviour.json. The Swift tests use the issue's thresholds; this file records what
Nengo itself achieves on the same networks, measured the same way, for comparison.

  python3 make_behaviour.py
"""
import json, os
import numpy as np
import nengo

OUT = os.path.dirname(os.path.abspath(__file__)) + "/behaviour.json"
SEEDS = [0, 1, 2, 3, 4]


def squaring(seed):
    with nengo.Network(seed=seed) as net:
        value = nengo.Node(0.5)
        x = nengo.Ensemble(40, 1)
        sq = nengo.Ensemble(40, 1)
        nengo.Connection(value, x)
        nengo.Connection(x, sq, function=lambda v: v ** 2)
        px = nengo.Probe(x, synapse=0.03)
        ps = nengo.Probe(sq, synapse=0.03)
    with nengo.Simulator(net, progress_bar=False) as sim:
        sim.run(1.0)
    late = sim.trange() > 0.5
    return {"x": float(sim.data[px][late].mean()), "x_squared": float(sim.data[ps][late].mean())}


def chain(seed, layers=4, neurons=100, pstc=0.01):
    """nengo_benchmarks' comm_channel: input -> 4 ensembles (synapse None into the first),
    probe on the last with synapse pstc; ideal = input low-passed `layers` times."""
    with nengo.Network(seed=seed) as net:
        stim = nengo.Node(nengo.processes.WhiteSignal(1.0, high=5, rms=0.3))
        ens = [nengo.Ensemble(neurons, 1) for _ in range(layers)]
        nengo.Connection(stim, ens[0], synapse=None)
        for a, b in zip(ens[:-1], ens[1:]):
            nengo.Connection(a, b, synapse=pstc)
        p_in = nengo.Probe(stim)
        p_out = nengo.Probe(ens[-1], synapse=pstc)
    with nengo.Simulator(net, progress_bar=False) as sim:
        sim.run(1.0)
    ideal = sim.data[p_in]
    for _ in range(layers):
        ideal = nengo.Lowpass(pstc).filt(ideal, dt=sim.dt)
    return float(np.sqrt(np.mean((sim.data[p_out] - ideal) ** 2)))


def integrator(seed, tau=0.1):
    """A 1-D recurrent integrator (100 LIF, tau 0.1) driven to 0.5 by an input of 5 for
    0.1 s, then holding for 1 s: drift = |mean over the last 0.1 s - mean over 0.1-0.2 s|."""
    with nengo.Network(seed=seed) as net:
        u = nengo.Node(lambda t: 5.0 if t <= 0.1 else 0.0)
        a = nengo.Ensemble(100, 1)
        nengo.Connection(u, a, transform=tau, synapse=tau)
        nengo.Connection(a, a, synapse=tau)
        p = nengo.Probe(a, synapse=0.01)
    with nengo.Simulator(net, progress_bar=False) as sim:
        sim.run(1.2)
    t = sim.trange()
    start = sim.data[p][(t > 0.15) & (t <= 0.25)].mean()
    end = sim.data[p][t > 1.1].mean()
    return {"held_start": float(start), "held_end": float(end), "drift": float(abs(end - start))}


result = {
    "description": "Nengo 4.1 on BrainCore's behavioural-test networks, seeds " + str(SEEDS),
    "squaring": [squaring(s) for s in SEEDS],
    "chain_rmse": [chain(s) for s in SEEDS],
    "integrator": [integrator(s) for s in SEEDS],
    "_generator": f"nengo {nengo.__version__}, numpy {np.__version__}",
}
with open(OUT, "w") as f:
    json.dump(result, f, indent=1)
print(json.dumps(result, indent=1))
