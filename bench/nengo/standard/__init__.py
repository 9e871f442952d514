"""The standard networks of `brainkit-bench`, written for Nengo 4.1 (one module per group, as
Sources/brainkit-bench/Networks/ on the Swift side).

Each builder takes `(seed, seconds)` and returns `(network, score)`, where `score(sim)` maps a
finished simulator to `{metric: value}`. The definitions match BrainKit's line for line: the
same objects in the same order in the same subnetworks, so that one network seed gives each
1-D ensemble the same neurons on both sides, and inputs drawn from numpy's legacy
`RandomState` (which BrainKit reproduces bit for bit).
"""
from . import arrays, basic, dynamics, large, learning, selection, spa

# Ordered as `brainkit-bench --list`.
NETWORKS = {
    "squaring": basic.squaring,
    "chain": basic.chain,
    "comm64": arrays.comm64,
    "cconv64": arrays.cconv64,
    "lorenz": dynamics.lorenz,
    "bg20": selection.bg20,
    "product": arrays.product,
    "integrator": basic.integrator,
    "controlled-oscillator": dynamics.controlled_oscillator,
    "pes-learning": learning.pes_learning,
    "watts-strogatz": large.watts_strogatz,
    "ring100k": large.ring100k,
    "spa-sequence": spa.spa_sequence,
    "question-control": spa.question_control,
}

# Run only when named with --only: the other sizes of the ring, for the scaling plot.
EXTRA = {
    "ring10k": large.ring10k,
    "ring1m": large.ring1m,
}
