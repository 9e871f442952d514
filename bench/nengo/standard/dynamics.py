"""(d) lorenz and the controlled oscillator: recurrent dynamics."""
import nengo
import numpy as np


def lorenz(seed, seconds, neurons=2000, tau=0.1, sigma=10.0, beta=8.0 / 3, rho=28.0):
    """(d) nengo_benchmarks' lorenz: one ensemble of 2000 LIF, 3-D, radius 30, fed back through
    Lowpass(0.1) with the Lorenz system (z shifted by -rho) as `x + tau * dx/dt`; state probed
    through 0.1. `mean`/`std`: the time mean/std of each dimension, averaged over dimensions."""

    def feedback(x):
        dx0 = -sigma * x[0] + sigma * x[1]
        dx1 = -x[0] * x[2] - x[1]
        dx2 = x[0] * x[1] - beta * (x[2] + rho) - rho
        return [dx0 * tau + x[0], dx1 * tau + x[1], dx2 * tau + x[2]]

    with nengo.Network(seed=seed) as net:
        state = nengo.Ensemble(neurons, 3, radius=30)
        nengo.Connection(state, state, function=feedback, synapse=tau)
        probe = nengo.Probe(state, synapse=tau)

    def score(sim):
        data = sim.data[probe]
        return {"mean": float(data.mean(axis=0).mean()), "std": float(data.std(axis=0).mean())}

    return net, score


COMMANDED_HZ, MAX_FREQUENCY = 2.0, 20.0


def controlled_oscillator_network(neurons=500, tau=0.1, max_frequency=10.0, radius=1.7):
    """BrainKit's `ControlledOscillator`, object for object (ports are passthrough nodes, no
    synapse inside): one 3-D ensemble (x0, x1, w) fed back through Lowpass(tau) with
    (x0 - w*w_max*tau*x1, x1 + w*w_max*tau*x0, 0)."""
    with nengo.Network(label="ControlledOscillator") as sub:
        sub.input = nengo.Node(size_in=2, label="input")
        sub.control = nengo.Node(size_in=1, label="control")
        sub.ensemble = nengo.Ensemble(neurons, 3, radius=radius, label="oscillator")
        turn = max_frequency * tau
        nengo.Connection(sub.ensemble, sub.ensemble, synapse=tau,
                         function=lambda x: [x[0] - x[2] * turn * x[1], x[1] + x[2] * turn * x[0], 0])
        nengo.Connection(sub.input, sub.ensemble[:2], synapse=None)
        nengo.Connection(sub.control, sub.ensemble[2], synapse=None)
        sub.output = nengo.Node(size_in=2, label="output")
        nengo.Connection(sub.ensemble[:2], sub.output, synapse=None)
    return sub


def measured_frequency(t, x, after):
    """The least-squares slope of the unwrapped phase atan2(x1, x0) over t > after, in Hz."""
    late = t > after
    phase = np.unwrap(np.arctan2(x[late, 1], x[late, 0]))
    return float(np.polyfit(t[late], phase, 1)[0] / (2 * np.pi))


def controlled_oscillator(seed, seconds):
    """Examples/controlled-oscillator: 500 LIF (x0, x1, w), radius 1.7, tau 0.1, w_max 20 rad/s,
    kicked with [1, 0] for 0.15 s, commanded to 2 Hz; output probed through 0.03. Frequency
    measured over the second half of the run; `relative_error` = measured / commanded - 1."""
    command = 2 * np.pi * COMMANDED_HZ / MAX_FREQUENCY
    with nengo.Network(label="controlled oscillator", seed=seed) as net:
        kick = nengo.Node(nengo.processes.Piecewise({0: [1, 0], 0.15: [0, 0]}), label="kick")
        speed = nengo.Node(command, label="command")
        oscillator = controlled_oscillator_network(max_frequency=MAX_FREQUENCY)
        nengo.Connection(kick, oscillator.input)
        nengo.Connection(speed, oscillator.control)
        probe = nengo.Probe(oscillator.output, synapse=0.03)

    def score(sim):
        measured = measured_frequency(sim.trange(), sim.data[probe], 0.5 * sim.time)
        return {"measured_hz": measured, "relative_error": measured / COMMANDED_HZ - 1}

    return net, score
