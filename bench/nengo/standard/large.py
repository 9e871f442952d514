"""(g) ring100k and watts-strogatz: cost benchmarks with many neurons."""
import nengo
import numpy as np
import scipy.sparse


def ring(ensembles):
    """(g) `ensembles` x Ensemble(1000, 16) in a decoded ring (transform 0.9, synapse 0.01), 16-D
    white noise (sd 0.1) into the first; one probe on the last. `final_norm`: |state| of the
    last ensemble at the end."""

    def build(seed, seconds):
        with nengo.Network(seed=seed) as net:
            noise = nengo.Node(nengo.processes.WhiteNoise(nengo.dists.Gaussian(0, 0.1)), size_out=16)
            members = [nengo.Ensemble(1000, 16) for _ in range(ensembles)]
            nengo.Connection(noise, members[0])
            for i in range(ensembles):
                nengo.Connection(members[i], members[(i + 1) % ensembles], synapse=0.01, transform=0.9)
            probe = nengo.Probe(members[-1], synapse=0.01)

        def score(sim):
            return {"final_norm": float(np.linalg.norm(sim.data[probe][-1]))}

        return net, score

    build.__doc__ = f"(g) {ensembles} x Ensemble(1000, 16) in a decoded ring (the scaling series).\n\n" + ring.__doc__
    return build


ring100k = ring(100)
ring100k.__doc__ = "(g) 100 x Ensemble(1000, 16) in a decoded ring, 16-D white noise into the first, one probe."
ring10k = ring(10)
ring1m = ring(1000)


WS_NEURONS, WS_FAN_OUT, WS_REWIRE, WS_WEIGHT, WS_TAU, WS_PROBED = 50_000, 8, 0.2, 2e-4, 0.1, 1000


def watts_strogatz_weights(n, seed, fan_out=WS_FAN_OUT, rewire=WS_REWIRE, weight=WS_WEIGHT):
    """Directed Watts-Strogatz connectivity, an n x n CSR matrix W (W[i, j]: from neuron j to
    neuron i): neuron i receives from i+1 ... i+fan_out (mod n). Then, from `RandomState(seed)`,
    `random_sample(n * fan_out)` decides per edge (by row, then by offset) whether it is
    rewired (< rewire), and `randint(0, n, size=rewired)` draws the new sources in that order.
    Every edge weighs `weight`; repeated pairs are summed."""
    rng = np.random.RandomState(seed)
    rows = np.repeat(np.arange(n), fan_out)
    columns = (rows + np.tile(np.arange(1, fan_out + 1), n)) % n
    rewired = rng.random_sample(rows.size) < rewire
    columns[rewired] = rng.randint(0, n, size=int(rewired.sum()))
    matrix = scipy.sparse.coo_matrix((np.full(rows.size, weight), (rows, columns)), shape=(n, n)).tocsr()
    matrix.sum_duplicates()
    return matrix


def watts_strogatz(seed, seconds, n=WS_NEURONS):
    """nengo_ocl's benchmark_wattsstrogatz (fan-out 8): one Ensemble(50,000, 1) of LIF(tau_ref
    0.001) with a recurrent neuron-to-neuron Sparse transform (weight 2e-4 per edge, synapse
    0.1), and a spike probe on the first 1000 neurons. The weight lets the recurrence raise
    the spontaneous activity by about a third and settle (1e-3 saturates it, 0 leaves it alone).
    `rate_hz`: the probed neurons' mean rate over the second half; `active`: the fraction that
    spiked then."""
    with nengo.Network(seed=seed) as net:
        ensemble = nengo.Ensemble(n, 1, neuron_type=nengo.LIF(tau_ref=0.001))
        weights = watts_strogatz_weights(n, seed)
        nengo.Connection(ensemble.neurons, ensemble.neurons, synapse=WS_TAU,
                         transform=nengo.transforms.Sparse((n, n), init=weights))
        probe = nengo.Probe(ensemble.neurons[:WS_PROBED])

    def score(sim):
        spikes = sim.data[probe][sim.trange() > 0.5 * sim.time] * sim.dt
        counts = spikes.sum(axis=0)
        duration = spikes.shape[0] * sim.dt
        return {"rate_hz": float(counts.mean() / duration), "active": float(np.mean(counts > 0))}

    return net, score
