"""Small helpers the scorers share (mirroring Sources/brainkit-bench/Networks/Scoring.swift)."""
import numpy as np
import nengo


def rmse(a, b):
    return float(np.sqrt(np.mean((np.asarray(a) - np.asarray(b)) ** 2)))


def lowpassed(signal, tau, times, dt):
    """`signal` filtered `times` times by Lowpass(tau), as a probe with that synapse would."""
    for _ in range(times):
        signal = nengo.Lowpass(tau).filt(signal, dt=dt)
    return signal
