"""(e) bg20: action selection among 20 actions."""
import nengo
import numpy as np

UTILITY_SEED = 7


def utilities(actions=20, seed=UTILITY_SEED):
    """U(0.3, 0.7) per action from `RandomState(seed)`, then the winner `randint(actions)` from
    the same generator set to 0.8. Fixed: the network seeds vary the neurons only."""
    rng = np.random.RandomState(seed)
    values = rng.uniform(0.3, 0.7, size=actions)
    winner = int(rng.randint(actions))
    values[winner] = 0.8
    return values, winner


def bg20(seed, seconds, actions=20):
    """(e) BasalGanglia(20) (100 neurons per ensemble, 10,000 neurons) fed the fixed utilities
    with no synapse; output probed through 0.01. Over t > 0.1 s: `correct` is the fraction of
    steps where the winner has the largest output, `margin` the mean of its output minus the
    largest other output."""
    values, winner = utilities(actions)
    with nengo.Network(seed=seed) as net:
        utility = nengo.Node(values)
        bg = nengo.networks.BasalGanglia(actions)
        nengo.Connection(utility, bg.input, synapse=None)
        probe = nengo.Probe(bg.output, synapse=0.01)

    def score(sim):
        output = sim.data[probe][sim.trange() > min(0.1, 0.5 * sim.time)]
        others = np.delete(output, winner, axis=1).max(axis=1)
        return {"correct": float(np.mean(output.argmax(axis=1) == winner)),
                "margin": float(np.mean(output[:, winner] - others))}

    return net, score
