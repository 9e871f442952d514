"""Reference values from nengo 4.1.0 for BrainNetworks' BasalGanglia and Thalamus in rate mode
(LIFRate neurons, network seed 0), for Tests/BrainNetworksTests (the Swift tests quote the
figures they compare with). Output: basal_ganglia.json.

- bg_rate: BasalGanglia(5), input [0.8, 0.4, 0.4, 0.4, 0.4] (no synapse), 0.2 s, output
  probed through Lowpass(0.01): samples at the given times and the mean over t > 0.1 s.
- thalamus_rate: BasalGanglia(5) -> Thalamus(5) (default synapse), input
  [0.8, 0.4, 0.6, 0.3, 0.5], 0.3 s, thalamus output through Lowpass(0.01): samples and mean
  over t > 0.1 s.
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import json
import numpy as np
import nengo

nengo.rc["decoder_cache"]["enabled"] = "False"
OUT = os.path.dirname(os.path.abspath(__file__)) + "/"
SAMPLE_TIMES = [0.005, 0.01, 0.02, 0.05, 0.1]


def run(utilities, seconds, thalamus):
    with nengo.Network(seed=0) as net:
        net.config[nengo.Ensemble].neuron_type = nengo.LIFRate()
        bg = nengo.networks.BasalGanglia(len(utilities))
        if thalamus:
            thal = nengo.networks.Thalamus(len(utilities))
        node = nengo.Node(utilities)
        nengo.Connection(node, bg.input, synapse=None)
        if thalamus:
            nengo.Connection(bg.output, thal.input)
            probe = nengo.Probe(thal.output, synapse=0.01)
        else:
            probe = nengo.Probe(bg.output, synapse=0.01)
    with nengo.Simulator(net, progress_bar=False) as sim:
        sim.run(seconds)
    t = sim.trange()
    rows = [int(np.argmin(abs(t - s))) for s in SAMPLE_TIMES]
    return {
        "input": utilities,
        "seconds": seconds,
        "sample_times": SAMPLE_TIMES,
        "samples": sim.data[probe][rows].tolist(),
        "mean_after_0.1": sim.data[probe][t > 0.1].mean(axis=0).tolist(),
    }


fixture = {
    "bg_rate": run([0.8, 0.4, 0.4, 0.4, 0.4], 0.2, thalamus=False),
    "thalamus_rate": run([0.8, 0.4, 0.6, 0.3, 0.5], 0.3, thalamus=True),
    "_generator": f"make_basal_ganglia.py: nengo {nengo.__version__}, numpy {np.__version__}",
}
with open(OUT + "basal_ganglia.json", "w") as f:
    json.dump(fixture, f, indent=1)
