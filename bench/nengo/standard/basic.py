"""(a) chain, the squaring model and the integrator: small 1-D networks."""
import nengo
import numpy as np

from .scoring import lowpassed, rmse


def squaring(seed, seconds):
    """The talk's model: 0.5 -> 40 LIF (x) -> x^2 -> 40 LIF; probes through 0.03; the means of both
    over the second half of the run."""
    with nengo.Network(seed=seed) as net:
        value = nengo.Node(0.5)
        x = nengo.Ensemble(40, 1)
        squared = nengo.Ensemble(40, 1)
        nengo.Connection(value, x)
        nengo.Connection(x, squared, function=lambda v: v ** 2)
        x_probe = nengo.Probe(x, synapse=0.03)
        squared_probe = nengo.Probe(squared, synapse=0.03)

    def score(sim):
        late = sim.trange() > 0.5 * sim.time
        return {"x": float(sim.data[x_probe][late].mean()),
                "x_squared": float(sim.data[squared_probe][late].mean())}

    return net, score


def chain(seed, seconds, layers=4, pstc=0.01):
    """(a) WhiteSignal(1 s, 5 Hz, rms 0.3) -> 4 x 100 LIF, 1-D, synapse 0.01; RMSE of the last
    (probe 0.01) against the input low-passed four times."""
    with nengo.Network(seed=seed) as net:
        stimulus = nengo.Node(nengo.processes.WhiteSignal(1.0, high=5, rms=0.3))
        ensembles = [nengo.Ensemble(100, 1) for _ in range(layers)]
        nengo.Connection(stimulus, ensembles[0], synapse=None)
        for a, b in zip(ensembles[:-1], ensembles[1:]):
            nengo.Connection(a, b, synapse=pstc)
        input_probe = nengo.Probe(stimulus)
        output_probe = nengo.Probe(ensembles[-1], synapse=pstc)

    def score(sim):
        ideal = lowpassed(sim.data[input_probe], pstc, layers, sim.dt)
        return {"rmse": rmse(sim.data[output_probe], ideal)}

    return net, score


def integrator(seed, seconds, tau=0.1):
    """100 LIF, recurrent tau 0.1, driven to 0.5 by an input of 5 for 0.1 s, then holding.
    `held`: mean over 0.15-0.25 s; `drift`: |mean over the last 0.1 s - held|."""
    with nengo.Network(seed=seed) as net:
        drive = nengo.Node(lambda t: 5.0 if t <= 0.1 else 0.0)
        memory = nengo.Ensemble(100, 1)
        nengo.Connection(drive, memory, transform=tau, synapse=tau)
        nengo.Connection(memory, memory, synapse=tau)
        probe = nengo.Probe(memory, synapse=0.01)

    def score(sim):
        t = sim.trange()
        held = sim.data[probe][(t >= 0.1501) & (t <= 0.25)].mean()
        end = sim.data[probe][t >= t[-1] - 0.0999].mean()
        return {"held": float(held), "drift": float(abs(end - held))}

    return net, score
