"""Stand-alone study of Spaun-lite's list memory (MB1 = ListMemory) at D = 64.

Builds the two 64-D States (rehearsal: feedback 1; decay: feedback f) as BrainKit's State
does them (first element its own 1-D ensemble with default intercepts, then 3-D and 4-D
ensembles with intercepts and eval points CosineSimilarity(D+2), radius 1, 100 neurons per
dimension), takes each ensemble's encoders, gains, biases and decoders from a nengo build, and
simulates the memory in numpy (LIFRate or spiking LIF), batched over lists:

    x = (f + c * gate) * s + g * u   (the ensembles' input: held value + gain * route, no synapse;
                               while an item is stored (gate 1, filtered by 10 ms) the held
                               value returns with extra weight c: +gr to the rehearsal buffer,
                               -kd to the decay buffer, the store action's routes)
    y = decode(x)              (the State's output)
    ds/dt = (y - s) / 0.1      (Lowpass(0.1) feedback)
    MB1 = y_rehearsal + y_decay

u = POSk * ITEMk (the model's vocabulary, Vocab/Files/main-64.vocab) during each store.
Knobs (--cfg, in order): wr, wd the input weights; fb the decay buffer's feedback; kd, gr the
store-time routes; fr the rehearsal buffer's feedback at all times (above 1 it grows without
bound between stores too: tried, not adopted); or the rehearsal buffer's weight in the sum.

Reads: MB1 (lowpass 0.005) unbound by ~POSk; accuracy = argmax over the ten digits is the item
and 2*sim >= 0.3; margin = sim(item) - best other digit.

Read times: A3's forward recall reads position k at close + 0.4 + 0.93 (k - 1) s, A5's P
question at close + 1.2 s. Items every 0.2 s, each stored for 0.11 s (route through Lowpass(0.01)).
This model has no encoding/decoding binding, routing or cleanup noise, so its accuracies are
higher than the model's; compare configurations by the margins (the lists are the same for
every configuration).

    nice -n 10 python3 bench/spaun_lite_list_memory.py --B 20       # the defaults, the earlier ones, a shorter decay
    nice -n 10 python3 bench/spaun_lite_list_memory.py --cfg 0.25,1.3,1,1,1,1,0.25  # wr,wd,fb,kd,fr,or,gr
"""
import os, sys, argparse, numpy as np, nengo

D = 64
DIGITS = ["ZER", "ONE", "TWO", "THR", "FOR", "FIV", "SIX", "SEV", "EIG", "NIN"]


VOCAB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Vocab", "Files", "main-64.vocab")


def load_vocab(path=VOCAB):
    v = {}
    for line in open(path):
        if ":" in line and not line.startswith("#"):
            k, rest = line.split(":", 1)
            parts = rest.split()
            if len(parts) == D:
                v[k.strip()] = np.array([float(x) for x in parts])
    return v


def cconv(a, b):
    return np.fft.irfft(np.fft.rfft(a, axis=-1) * np.fft.rfft(b, axis=-1), n=D, axis=-1)


def inv(a):
    return np.concatenate([a[..., :1], a[..., :0:-1]], axis=-1)


class Buffer:
    """One State's ensembles: list of (dims slice, enc*gain (n,d), bias (n,), dec (n,d))."""

    def __init__(self, seed, npd=100, sub=4, radius=1.0):
        cos = nengo.dists.CosineSimilarity(D + 2)
        with nengo.Network(seed=seed) as net:
            ens, conns = [], []
            specs = [(0, 1, False), (1, sub, True)] + [(s, s + sub, True) for s in range(sub, D, sub)]
            for a, b, c in specs:
                d = b - a
                kw = dict(intercepts=cos, eval_points=cos) if c else {}
                e = nengo.Ensemble(npd * d, d, radius=radius, **kw)
                n = nengo.Node(size_in=d)
                conns.append(nengo.Connection(e, n, synapse=None))
                ens.append((a, b, e))
        with nengo.Simulator(net, progress_bar=False) as sim:
            self.parts = []
            for (a, b, e), c in zip(ens, conns):
                enc = sim.data[e].scaled_encoders  # includes gain / radius
                self.parts.append((a, b, enc, sim.data[e].bias.copy(), sim.data[c].weights.T.copy()))
        self.n = sum(p[2].shape[0] for p in self.parts)


def lif_rate(J, tau_rc=0.02, tau_ref=0.002):
    out = np.zeros_like(J)
    m = J > 1
    out[m] = 1.0 / (tau_ref + tau_rc * np.log1p(1.0 / (J[m] - 1)))
    return out


class Sim:
    """Both buffers, batched over B lists."""

    def __init__(self, bufs, fbs, gains, B, spiking=False, rng=None, dt=0.001):
        self.bufs, self.fbs, self.gains, self.B, self.dt = bufs, fbs, gains, B, dt
        self.s = [np.zeros((B, D)) for _ in bufs]
        self.displacement = [0.0 for _ in bufs]
        self.outputWeights = [1.0 for _ in bufs]
        self.spiking = spiking
        self.rng = rng or np.random.default_rng(0)
        if spiking:
            self.v = [[self.rng.uniform(0, 1, (B, p[2].shape[0])) for p in b.parts] for b in bufs]
            self.ref = [[np.zeros((B, p[2].shape[0])) for p in b.parts] for b in bufs]

    def step(self, u, gate=0.0):
        out = np.zeros((self.B, D))
        a_tau = self.dt / 0.1
        for i, (b, f, g) in enumerate(zip(self.bufs, self.fbs, self.gains)):
            x = (f - gate * self.displacement[i]) * self.s[i] + g * u
            y = np.zeros((self.B, D))
            for j, (a, bb, enc, bias, dec) in enumerate(b.parts):
                J = x[:, a:bb] @ enc.T + bias
                if not self.spiking:
                    r = lif_rate(J)
                else:
                    v, ref = self.v[i][j], self.ref[i][j]
                    dt = self.dt
                    ref -= dt
                    delta_t = np.clip(dt - ref, 0, dt)
                    v -= (J - v) * np.expm1(-delta_t / 0.02)
                    spk = v > 1
                    r = spk / dt
                    t_spike = dt + 0.02 * np.log1p(-(v[spk] - 1) / (J[spk] - 1))
                    v[v < 0] = 0
                    v[spk] = 0
                    ref[spk] = 0.002 + t_spike
                y[:, a:bb] = r @ dec
            self.s[i] += a_tau * (y - self.s[i])
            out += self.outputWeights[i] * y
        return out


def run(cfg, lists, reads, seed=0, spiking=False, noise=0.0):
    """lists: (B, L) digit indices; reads: list of (time, position index) per column.
    Returns sims (B, n_reads, 10) and the target index."""
    V = load_vocab()
    digs = np.array([V[k] for k in DIGITS])
    pos = np.array([V[f"POS{k}"] for k in range(1, 9)])
    B, L = lists.shape
    bufs = [Buffer(seed * 2 + 1), Buffer(seed * 2 + 2)]
    sim = Sim(bufs, [cfg.get("fr", 1.0), cfg["fb"]], [cfg["wr"], cfg["wd"]], B, spiking=spiking,
              rng=np.random.default_rng(seed))
    sim.displacement = [-cfg.get("gr", 0.0), cfg.get("kd", 0.0)]
    sim.outputWeights = [cfg.get("or", 1.0), 1.0]
    dt = 0.001
    onset0 = 0.1
    store_delay, store_len, period = 0.04, 0.11, 0.2
    bound = np.stack([cconv(pos[k], digs[lists[:, k]]) for k in range(L)], axis=1)  # B,L,D
    close = onset0 + period * L
    T = close + max(t for t, _ in reads) + 0.01
    reads = sorted(reads)
    res = np.zeros((B, len(reads), 10))
    ri = 0
    ufilt = np.zeros((B, D))
    gfilt = 0.0
    yfilt = np.zeros((B, D))
    t = 0.0
    for step in range(int(round(T / dt))):
        t = step * dt
        u = np.zeros((B, D))
        gate = 0.0
        k = int((t - onset0 - store_delay) // period) if t >= onset0 + store_delay else -1
        if 0 <= k < L and (t - onset0 - store_delay - k * period) < store_len:
            u = bound[:, k]
            gate = 1.0
        ufilt += dt / 0.01 * (u - ufilt)
        gfilt += dt / 0.01 * (gate - gfilt)
        y = sim.step(ufilt, gfilt)
        yfilt += dt / 0.005 * (y - yfilt)
        while ri < len(reads) and t >= reads[ri][0] + close:
            kpos = reads[ri][1]
            unb = cconv(yfilt, inv(pos[kpos]))
            if noise:
                unb = unb + noise * np.random.default_rng(1000 + ri + seed).standard_normal(unb.shape) / np.sqrt(D)
            res[:, ri] = unb @ digs.T
            ri += 1
    return res, reads


def score(res, reads, lists):
    B = lists.shape[0]
    acc, marg, sims = [], [], []
    for i, (_, k) in enumerate(reads):
        tgt = lists[:, k]
        s = res[:, i]
        st = s[np.arange(B), tgt]
        o = s.copy(); o[np.arange(B), tgt] = -9
        m = st - o.max(1)
        acc.append(np.mean((m > 0) & (2 * st >= 0.3)))
        marg.append(m.mean()); sims.append(st.mean())
    return np.array(acc), np.array(marg), np.array(sims)


def make_lists(B, L, seed):
    r = np.random.default_rng(seed)
    return np.array([r.permutation(10)[:L] for _ in range(B)])


def measure(cfg, B, seeds, length, list_seed, reads, spiking, noise):
    """Mean accuracy, margin and similarity per read over `seeds`, on lists of `length`."""
    accs, margs, simsl = [], [], []
    for sd in seeds:
        lists = make_lists(B, length, list_seed(sd))
        res, rd = run(cfg, lists, reads, seed=sd, spiking=spiking, noise=noise)
        a, m, s = score(res, rd, lists)
        accs.append(a); margs.append(m); simsl.append(s)
    return np.mean(accs, 0), np.mean(margs, 0), np.mean(simsl, 0)


def forward_reads(length):
    """A3's forward recall: position k read at close + 0.4 + 0.93 k s."""
    return [(0.4 + 0.93 * k, k) for k in range(length)]


def evaluate(cfg, B=40, seeds=(0,), spiking=False, noise=0.0, lengths=(6, 7), a5=True, short=True, verbose=True):
    out = {}
    for L in lengths:
        out[f"A3-{L}"] = measure(cfg, B, seeds, L, lambda sd: 100 * sd + L, forward_reads(L), spiking, noise)
    if a5:
        # one read per position at close + 1.2 s (a separate read of the same run per position)
        reads = [(1.2 + 1e-4 * k, k) for k in range(7)]
        out["A5-P7"] = measure(cfg, B, seeds, 7, lambda sd: 100 * sd + 77, reads, spiking, noise)
    if short:
        out["A3-3"] = measure(cfg, B, seeds, 3, lambda sd: 100 * sd + 3, forward_reads(3), spiking, noise)
    if verbose:
        for k, (a, m, s) in out.items():
            print(f"  {k:6s} acc {' '.join(f'{x:.2f}' for x in a)} (mean {a.mean():.3f}) | margin {' '.join(f'{x:+.2f}' for x in m)} | sim {' '.join(f'{x:.2f}' for x in s)}", flush=True)
    return out


BASE = dict(wr=0.25, wd=1.3, fb=1.0, gr=0.25, kd=1.0)  # ListMemory's defaults
EARLIER = dict(wr=0.3, wd=0.6, fb=0.985)  # the earlier defaults: a slow decay, no store-time routes
SHORTER = dict(wr=0.4, wd=0.9, fb=0.97)  # a stronger, faster decay buffer (tried; not adopted)

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--spiking", action="store_true")
    ap.add_argument("--B", type=int, default=40)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0])
    ap.add_argument("--noise", type=float, default=0.0)
    ap.add_argument("--cfg", action="append", default=[], help="wr,wd,fb[,kd[,fr[,or[,gr]]]]")
    a = ap.parse_args()
    cfgs = [dict(BASE), dict(EARLIER), dict(SHORTER)] if not a.cfg else []
    for c in a.cfg:
        v = list(map(float, c.split(",")))
        names = ["wr", "wd", "fb", "kd", "fr", "or", "gr"]
        cfgs.append(dict(BASE, **dict(zip(names, v))))
    for c in cfgs:
        print(c, "tau_decay %.2f s" % (0.1 / (1 - c["fb"])) if c["fb"] < 1 else "", flush=True)
        evaluate(c, B=a.B, seeds=a.seeds, spiking=a.spiking, noise=a.noise)
