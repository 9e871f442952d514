"""pes-learning: PES learns a 1-D communication channel (Examples/learning, shortened)."""
import nengo
import numpy as np

from .scoring import rmse


def channel(seed, seconds):
    """The learned channel of Examples/learning with a WhiteSignal of period `seconds`:
    returns (network, stimulus probe, post probe), both probes through Lowpass(0.01)."""
    with nengo.Network(label="learning", seed=seed) as net:
        stimulus = nengo.Node(nengo.processes.WhiteSignal(period=seconds, high=5, rms=0.5), label="stimulus")
        pre = nengo.Ensemble(100, 1, label="pre")
        post = nengo.Ensemble(100, 1, label="post")
        nengo.Connection(stimulus, pre)
        learned = nengo.Connection(pre, post, solver=nengo.solvers.NoSolver(),
                                   learning_rule_type=nengo.PES(learning_rate=1e-4))
        error = nengo.Node(size_in=1, label="error")
        nengo.Connection(post, error)
        nengo.Connection(pre, error, transform=-1)
        nengo.Connection(error, learned.learning_rule)
        stimulus_probe = nengo.Probe(stimulus, synapse=0.01)
        post_probe = nengo.Probe(post, synapse=0.01)
    return net, stimulus_probe, post_probe


def pes_learning(seed, seconds):
    """Examples/learning over the benchmark's run: WhiteSignal(period = run length, 5 Hz,
    rms 0.5) -> pre (100 LIF, 1-D); pre -> post (100 LIF) from zero decoders (NoSolver),
    PES(1e-4); error = post - pre. `rmse_last`: RMSE of post against the stimulus (both probed
    through 0.01) over the last fifth of the run (the example's last 2 of 10 s)."""
    net, stimulus_probe, post_probe = channel(seed, seconds)

    def score(sim):
        last = sim.trange() > 0.8 * sim.time
        return {"rmse_last": rmse(sim.data[post_probe][last], sim.data[stimulus_probe][last])}

    return net, score
