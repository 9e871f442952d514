"""(b) comm64, (c) cconv64 and product: networks of many 1-D ensembles."""
import nengo
import numpy as np

from .scoring import lowpassed, rmse

# The fixed input vectors of cconv64 and the input curve of product do not change with the
# network seed: the seeds vary the neurons only.
CCONV_VECTOR_SEED = 42


def comm64(seed, seconds, dimensions=64, pstc=0.01):
    """(b) 64-D WhiteSignal(1 s, 5 Hz, rms 0.3) -> EnsembleArray(50, 64) A -> synapse 0.01 ->
    EnsembleArray(50, 64) B, probe 0.01; RMSE against the input low-passed twice."""
    with nengo.Network(seed=seed) as net:
        stimulus = nengo.Node(nengo.processes.WhiteSignal(1.0, high=5, rms=0.3), size_out=dimensions)
        a = nengo.networks.EnsembleArray(50, dimensions, label="A")
        b = nengo.networks.EnsembleArray(50, dimensions, label="B")
        nengo.Connection(stimulus, a.input, synapse=None)
        nengo.Connection(a.output, b.input, synapse=pstc)
        input_probe = nengo.Probe(stimulus)
        output_probe = nengo.Probe(b.output, synapse=pstc)

    def score(sim):
        ideal = lowpassed(sim.data[input_probe], pstc, 2, sim.dt)
        return {"rmse": rmse(sim.data[output_probe], ideal)}

    return net, score


def unit_vectors(dimensions, seed=CCONV_VECTOR_SEED):
    """Two unit vectors: `RandomState(seed).randn(D)` twice (a, then b), each normalised."""
    rng = np.random.RandomState(seed)
    a = rng.randn(dimensions)
    b = rng.randn(dimensions)
    return a / np.linalg.norm(a), b / np.linalg.norm(b)


def cconv64(seed, seconds, dimensions=64, neurons=200):
    """(c) two fixed random unit 64-D vectors (no synapse) -> CircularConvolution(200, 64),
    output probed through 0.03; over t > 0.2 s (the last half if shorter): RMSE against
    a (*) b over every sample and dimension, and the cosine of the mean output with it."""
    a, b = unit_vectors(dimensions)
    exact = np.real(np.fft.ifft(np.fft.fft(a) * np.fft.fft(b)))
    with nengo.Network(seed=seed) as net:
        input_a = nengo.Node(a)
        input_b = nengo.Node(b)
        cconv = nengo.networks.CircularConvolution(neurons, dimensions)
        nengo.Connection(input_a, cconv.input_a, synapse=None)
        nengo.Connection(input_b, cconv.input_b, synapse=None)
        probe = nengo.Probe(cconv.output, synapse=0.03)

    def score(sim):
        t = sim.trange()
        output = sim.data[probe][t > min(0.2, 0.5 * sim.time)]
        mean = output.mean(axis=0)
        cosine = mean @ exact / (np.linalg.norm(mean) * np.linalg.norm(exact))
        return {"rmse": rmse(output, exact[None, :]), "cosine": float(cosine)}

    return net, score


def product_inputs(t):
    """The product's 2-D input: a Lissajous curve over [-1, 1]^2, a = sin(4 pi t), b = cos(6 pi t)."""
    return np.sin(4 * np.pi * t), np.cos(6 * np.pi * t)


def product(seed, seconds, pstc=0.01):
    """Product(100, 1) driven (no synapse) by the Lissajous curve of `product_inputs`, which
    sweeps [-1, 1]^2 once a second; RMSE of the output (probe 0.01) against a*b low-passed once."""
    with nengo.Network(seed=seed) as net:
        input_a = nengo.Node(lambda t: product_inputs(t)[0])
        input_b = nengo.Node(lambda t: product_inputs(t)[1])
        prod = nengo.networks.Product(100, 1)
        nengo.Connection(input_a, prod.input_a, synapse=None)
        nengo.Connection(input_b, prod.input_b, synapse=None)
        probe = nengo.Probe(prod.output, synapse=pstc)

    def score(sim):
        a, b = product_inputs(sim.trange())
        ideal = lowpassed((a * b)[:, None], pstc, 1, sim.dt)
        return {"rmse": rmse(sim.data[probe], ideal)}

    return net, score
