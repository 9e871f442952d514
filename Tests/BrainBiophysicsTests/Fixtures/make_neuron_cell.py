"""Reference traces for the compartmental cells, from NEURON 9 (neuron_cell.json).

Run with the reference venv (NEURON 9.0.2):

    venv-ref/bin/python Tests/BrainBiophysicsTests/Fixtures/make_neuron_cell.py

Three cells, each run with NEURON's default fixed step (h.secondorder = 0, usetable_hh = 1,
celsius = 6.3) by h.finitialize(v_init) and then h.fadvance() round(duration / dt) times:

- "talk": the talk's cell. soma L = 40 um, diam = 20 um with hh; dend L = 150 um, diam = 3 um
  with pas, its 0 end on soma(1); IClamp 1 nA at soma(0.5), delay 0, dur 500 ms;
  finitialize(-60); 500 ms at dt = 0.025 ms.
- "branched": a tree of five sections exercising the Hines solve: the talk's soma; dend
  (nseg 5, pas) on soma(1); apical (L 80, diam 1.5, nseg 4, hh) on dend(1); oblique (L 100,
  diam 2, nseg 3, pas) on dend(0.5); basal (L 60, diam 2.5, nseg 2, pas) attached by its *1*
  end to soma(0). Same clamp, v_init and dt as "talk".
- "fine": the talk's cell with dend nseg = 5 at dt = 0.01 ms, IClamp 0.8 nA from 50 ms for
  300 ms, finitialize(-65).

Spike rule: upward crossings of 0 mV by v at soma(0.5) recorded after every step (and at t = 0):
for each sample k with v[k-1] < 0 <= v[k], the time is interpolated linearly,
t[k-1] + (0 - v[k-1]) / (v[k] - v[k-1]) * (t[k] - t[k-1]). v_min / v_max are over every step.
Traces are kept every 0.1 ms (soma(0.5) and the end of dend, dend(1)), rounded to 1e-6 mV.
"""
import json
import os

from neuron import h


def spike_times(t, v, threshold=0.0):
    out = []
    for k in range(1, len(v)):
        if v[k - 1] < threshold <= v[k]:
            f = (threshold - v[k - 1]) / (v[k] - v[k - 1])
            out.append(t[k - 1] + f * (t[k] - t[k - 1]))
    return out


def build(variant):
    soma = h.Section(name="soma")
    soma.L, soma.diam = 40, 20
    soma.insert("hh")
    dend = h.Section(name="dend")
    dend.L, dend.diam = 150, 3
    dend.insert("pas")
    dend.connect(soma(1), 0)
    sections = [soma, dend]
    if variant == "branched":
        dend.nseg = 5
        apical = h.Section(name="apical")
        apical.L, apical.diam, apical.nseg = 80, 1.5, 4
        apical.insert("hh")
        apical.connect(dend(1), 0)
        oblique = h.Section(name="oblique")
        oblique.L, oblique.diam, oblique.nseg = 100, 2, 3
        oblique.insert("pas")
        oblique.connect(dend(0.5), 0)
        basal = h.Section(name="basal")
        basal.L, basal.diam, basal.nseg = 60, 2.5, 2
        basal.insert("pas")
        basal.connect(soma(0), 1)
        sections += [apical, oblique, basal]
    if variant == "fine":
        dend.nseg = 5
    return soma, dend, sections


VARIANTS = {
    "talk": dict(dt=0.025, duration=500.0, v_init=-60.0, delay=0.0, dur=500.0, amp=1.0),
    "branched": dict(dt=0.025, duration=500.0, v_init=-60.0, delay=0.0, dur=500.0, amp=1.0),
    "fine": dict(dt=0.01, duration=500.0, v_init=-65.0, delay=50.0, dur=300.0, amp=0.8),
}


def run(variant, p):
    h.dt = p["dt"]
    h.secondorder = 0
    h.celsius = 6.3
    h.usetable_hh = 1
    soma, dend, sections = build(variant)
    stim = h.IClamp(soma(0.5))
    stim.delay, stim.dur, stim.amp = p["delay"], p["dur"], p["amp"]
    vs = h.Vector().record(soma(0.5)._ref_v)
    vd = h.Vector().record(dend(1)._ref_v)
    tv = h.Vector().record(h._ref_t)
    h.finitialize(p["v_init"])
    for _ in range(int(round(p["duration"] / p["dt"]))):
        h.fadvance()
    t, v, d = list(tv), list(vs), list(vd)
    spikes = spike_times(t, v)
    every = int(round(0.1 / p["dt"]))
    out = dict(p)
    out.update(
        description=__doc__.split("- \"%s\": " % variant)[1].split("\n- ")[0].split("\n\nSpike")[0].replace("\n  ", " ").strip(),
        spike_count=len(spikes),
        spike_times_ms=spikes,
        first_isi_ms=spikes[1] - spikes[0] if len(spikes) > 1 else None,
        last_isi_ms=spikes[-1] - spikes[-2] if len(spikes) > 1 else None,
        v_min_mV=min(v),
        v_max_mV=max(v),
        sample_interval_ms=0.1,
        soma_v_mV=[round(x, 6) for x in v[::every]],
        dendrite_end_v_mV=[round(x, 6) for x in d[::every]],
    )
    # Sections are deleted when the Python references go away, before the next variant.
    del stim, sections, soma, dend
    return out


def main():
    result = {"neuron_version": h.nrnversion(), "variants": {}}
    for name, p in VARIANTS.items():
        result["variants"][name] = run(name, p)
        r = result["variants"][name]
        print(name, r["spike_count"], "spikes, first", [round(x, 4) for x in r["spike_times_ms"][:5]],
              "v", round(r["v_min_mV"], 4), round(r["v_max_mV"], 4))
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "neuron_cell.json")
    with open(path, "w") as f:
        json.dump(result, f, separators=(",", ":"))
    print("wrote", path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
