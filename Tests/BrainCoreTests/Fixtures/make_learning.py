"""Nengo 4.1 reference traces for BrainCore's learning rules (PES on neuron-to-neuron weights,
BCM, Oja, Voja).

Every case is a small deterministic network: rate neurons (RectifiedLinear pre, LIFRate post)
with gains, biases and encoders given explicitly, given decoders (NoSolver) or dense
transforms, and node inputs that are plain functions of time. Each case runs 100 steps of
dt = 0.001 and records the learned quantity every step: Probe(conn, "weights") for the weight
rules, Probe(post, "scaled_encoders") for Voja. The Swift tests rebuild the same networks from
the inputs stored here and compare every step.

Writes learning.json.

  python3 make_learning.py
"""
import json, os
import numpy as np
import nengo

OUT = os.path.dirname(os.path.abspath(__file__)) + "/learning.json"
STEPS = 100
N_PRE, N_POST, D = 8, 6, 2

rng = np.random.RandomState(7)


def unit_rows(m):
    return m / np.linalg.norm(m, axis=1, keepdims=True)


PARAMS = {
    "pre_gain": rng.uniform(40, 80, N_PRE),
    "pre_bias": rng.uniform(0, 30, N_PRE),
    "pre_encoders": unit_rows(rng.normal(size=(N_PRE, D))),
    "post_gain": rng.uniform(1, 4, N_POST),
    "post_bias": rng.uniform(1.2, 3, N_POST),
    "post_encoders": unit_rows(rng.normal(size=(N_POST, D))),
    "decoders": rng.uniform(-2e-3, 2e-3, (N_PRE, D)),
    "neuron_weights": rng.uniform(-4e-3, 4e-3, (N_POST, N_PRE)),
}


def stimulus(t):
    """The pre input (also the Voja input): two slow sines."""
    return [0.6 * np.sin(2 * np.pi * 3 * t), 0.5 * np.cos(2 * np.pi * 2 * t)]


def error_signal(t):
    """The error fed to PES: a smooth 2-D signal with a nonzero mean."""
    return [0.3 * np.sin(5 * t) + 0.1, 0.2 * np.cos(30 * t) - 0.05]


def learning_signal(t):
    """Added to Voja's learning signal (reset to 1 each step): off for 20 ms, then halved."""
    return -1.0 if 0.03 < t <= 0.05 else (-0.5 if t > 0.08 else 0.0)


def base_network():
    net = nengo.Network(seed=3)
    with net:
        stim = nengo.Node(stimulus)
        pre = nengo.Ensemble(N_PRE, D, neuron_type=nengo.RectifiedLinear(), gain=PARAMS["pre_gain"],
                             bias=PARAMS["pre_bias"], encoders=PARAMS["pre_encoders"])
        post = nengo.Ensemble(N_POST, D, neuron_type=nengo.LIFRate(), gain=PARAMS["post_gain"],
                              bias=PARAMS["post_bias"], encoders=PARAMS["post_encoders"])
        nengo.Connection(stim, pre)
    return net, stim, pre, post


def run(net, probe):
    with nengo.Simulator(net, progress_bar=False) as sim:
        sim.run_steps(STEPS)
    return sim.data[probe].reshape(STEPS, -1).tolist()


def pes_case(kind):
    net, stim, pre, post = base_network()
    with net:
        rule = nengo.PES(learning_rate=5e-3)
        if kind == "weights_solver":
            conn = nengo.Connection(pre, post, solver=nengo.solvers.NoSolver(PARAMS["decoders"], weights=True),
                                    learning_rule_type=rule)
        elif kind == "to_neurons":
            conn = nengo.Connection(pre, post.neurons[1:5], transform=PARAMS["neuron_weights"][1:5, :D],
                                    solver=nengo.solvers.NoSolver(PARAMS["decoders"]), learning_rule_type=rule)
        elif kind == "from_neurons":
            conn = nengo.Connection(pre.neurons, post, transform=PARAMS["neuron_weights"][:D], learning_rule_type=rule)
        error = nengo.Node(error_signal)
        nengo.Connection(error, conn.learning_rule)
        probe = nengo.Probe(conn, "weights")
    return run(net, probe)


def bcm_case():
    net, stim, pre, post = base_network()
    with net:
        rule = nengo.BCM(learning_rate=1e-8, pre_synapse=nengo.Lowpass(0.01), post_synapse=nengo.Lowpass(0.003),
                         theta_synapse=nengo.Lowpass(0.5))
        conn = nengo.Connection(pre.neurons, post.neurons, transform=PARAMS["neuron_weights"], learning_rule_type=rule)
        probe = nengo.Probe(conn, "weights")
    return run(net, probe)


def oja_case():
    net, stim, pre, post = base_network()
    with net:
        conn = nengo.Connection(pre, post, solver=nengo.solvers.NoSolver(PARAMS["decoders"], weights=True),
                                learning_rule_type=nengo.Oja(learning_rate=1e-6, beta=0.5))
        probe = nengo.Probe(conn, "weights")
    return run(net, probe)


def voja_case():
    net, stim, pre, post = base_network()
    with net:
        conn = nengo.Connection(stim, post, learning_rule_type=nengo.Voja(learning_rate=5e-2))
        # A second input into post: Voja's x is the post's whole decoded input.
        nengo.Connection(pre, post, solver=nengo.solvers.NoSolver(PARAMS["decoders"]))
        control = nengo.Node(learning_signal)
        nengo.Connection(control, conn.learning_rule, synapse=None)
        probe = nengo.Probe(post, "scaled_encoders")
    return run(net, probe)


def main():
    cases = {
        "pes_weights_solver": pes_case("weights_solver"),
        "pes_to_neurons": pes_case("to_neurons"),
        "pes_from_neurons": pes_case("from_neurons"),
        "bcm": bcm_case(),
        "oja": oja_case(),
        "voja": voja_case(),
    }
    out = {
        "_generator": "make_learning.py (nengo %s, numpy %s)" % (nengo.__version__, np.__version__),
        "description": "Learned weights (Probe(conn, 'weights'), row-major, one row per step) and Voja's scaled "
                       "encoders after each of %d steps for small rate networks with given parameters." % STEPS,
        "steps": STEPS,
    }
    out.update({k: np.asarray(v).tolist() for k, v in PARAMS.items()})
    out.update(cases)
    with open(OUT, "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
