"""Nengo 4.1's figures for the tutorial models in TutorialModelsTests.swift.

Each model is a Nengo tutorial network with a fixed seed; the decoded probe is sampled every
100 ms and printed as a Swift array literal, pasted into the test beside the Swift model.

  python3 make_tutorials.py
"""
import numpy as np
import nengo


def run(net, probe, seconds):
    with nengo.Simulator(net, progress_bar=False) as sim:
        sim.run(seconds)
    data = sim.data[probe]
    rows = data[99::100]  # t = 0.1, 0.2, ...
    return [[round(float(v), 6) for v in row] for row in rows]


def communication_channel():
    with nengo.Network(seed=11) as net:
        source = nengo.Node(np.sin)
        a = nengo.Ensemble(100, 1)
        b = nengo.Ensemble(100, 1)
        nengo.Connection(source, a)
        nengo.Connection(a, b)
        probe = nengo.Probe(b, synapse=0.01)
    return run(net, probe, 2.0)


def squaring():
    with nengo.Network(seed=5) as net:
        source = nengo.Node(lambda t: np.sin(2 * np.pi * t))
        a = nengo.Ensemble(100, 1)
        b = nengo.Ensemble(100, 1)
        nengo.Connection(source, a)
        nengo.Connection(a, b, function=np.square)
        probe = nengo.Probe(b, synapse=0.01)
    return run(net, probe, 2.0)


def integrator():
    tau = 0.1
    with nengo.Network(seed=3) as net:
        source = nengo.Node(nengo.processes.Piecewise({0: 0, 0.2: 1, 1: 0, 2: -2, 3: 0, 4: 1, 5: 0}))
        a = nengo.Ensemble(100, 1)
        nengo.Connection(a, a, transform=[[1]], synapse=tau)
        nengo.Connection(source, a, transform=[[tau]], synapse=tau)
        probe = nengo.Probe(a, synapse=0.01)
    return run(net, probe, 6.0)


def oscillator():
    with nengo.Network(seed=4) as net:
        kick = nengo.Node(nengo.processes.Piecewise({0: [1, 0], 0.1: [0, 0]}))
        osc = nengo.Ensemble(200, dimensions=2)
        nengo.Connection(kick, osc)
        nengo.Connection(osc, osc, transform=[[1, 1], [-1, 1]], synapse=0.1)
        probe = nengo.Probe(osc, synapse=0.02)
    return run(net, probe, 3.0)


for name, model in [("communicationChannel", communication_channel), ("squaring", squaring),
                    ("integrator", integrator), ("oscillator", oscillator)]:
    print(f"static let {name}: [[Double]] = {model()}")
