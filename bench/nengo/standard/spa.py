"""(f) spa-sequence and question-control: nengo_spa 2.0 models with action selection."""
import nengo
import nengo_spa as spa
import numpy as np

# The vocabularies are fixed; the network seeds vary the neurons only.
VOCABULARY_SEED = 0


def transitions(thalamus, times):
    """Each step where the thalamus' largest output exceeds 0.5 for another action than the
    last one counted."""
    last, found = None, []
    for row in range(len(times)):
        best = int(np.argmax(thalamus[row]))
        if thalamus[row, best] > 0.5 and best != last:
            found.append(float(times[row]))
            last = best
    return found


def spa_sequence(seed, seconds):
    """(f) State(64, feedback 1) and five actions dot(state, S_i) -> S_(i+1) (S4 -> S0),
    started by S0 for the first 0.1 s; 5,950 neurons. The thalamus output is probed through
    0.01: `transitions` per simulated second and their mean `period_ms`."""
    vocab = spa.Vocabulary(64, pointer_gen=np.random.RandomState(VOCABULARY_SEED))
    keys = ["S%d" % i for i in range(5)]
    vocab.populate("; ".join(keys))
    with spa.Network(label="spa-sequence", seed=seed) as net:
        state = spa.State(vocab, label="state", feedback=1.0)
        with spa.ActionSelection() as selection:
            for current, following in zip(keys, keys[1:] + keys[:1]):
                spa.ifmax(spa.dot(state, spa.sym(current)), spa.sym(following) >> state)
        spa.Transcode(lambda t: "S0" if t < 0.1 else "0", output_vocab=vocab, label="kick") >> state
        probe = nengo.Probe(selection.thalamus.output, synapse=0.01)

    def score(sim):
        found = transitions(sim.data[probe], sim.trange())
        gaps = np.diff(found)
        return {"transitions": len(found) / sim.time,
                "period_ms": float(1000 * gaps.mean()) if gaps.size else 0.0}

    return net, score


SCHEDULE = [(0.05, 0.20, "STATEMENT + RED*CIRCLE"), (0.25, 0.40, "STATEMENT + BLUE*SQUARE"),
            (0.50, 0.70, "QUESTION + BLUE"), (0.75, 0.95, "QUESTION + CIRCLE")]


def question_control(seed, seconds):
    """Question answering at D = 64: visual, memory (feedback 1) and motor States;
    dot(visual, STATEMENT) -> visual - STATEMENT >> memory, dot(visual, QUESTION) ->
    memory * ~(visual - QUESTION) >> motor; 43,580 neurons. Motor is probed through 0.03; over
    the last 50 ms of each question that ends within the run: `correct`, the fraction whose
    best match is the answer, and `similarity`, the mean similarity to the answer."""
    vocab = spa.Vocabulary(64, pointer_gen=np.random.RandomState(VOCABULARY_SEED))
    vocab.populate("STATEMENT; QUESTION; RED; BLUE; CIRCLE; SQUARE")

    def vision(t):
        for start, end, text in SCHEDULE:
            if start <= t < end:
                return text
        return "0"

    with spa.Network(label="question-control", seed=seed) as net:
        visual_input = spa.Transcode(vision, output_vocab=vocab, label="vision")
        visual = spa.State(vocab, label="visual")
        memory = spa.State(vocab, label="memory", feedback=1.0)
        motor = spa.State(vocab, label="motor")
        visual_input >> visual
        with spa.ActionSelection():
            spa.ifmax(spa.dot(visual, spa.sym.STATEMENT), visual - spa.sym.STATEMENT >> memory)
            spa.ifmax(spa.dot(visual, spa.sym.QUESTION), memory * ~(visual - spa.sym.QUESTION) >> motor)
        probe = nengo.Probe(motor.output, synapse=0.03)

    def score(sim):
        times = sim.trange()
        similarities = spa.similarity(sim.data[probe], vocab)
        keys = list(vocab.keys())
        correct, similarity, asked = 0.0, 0.0, 0
        for end, answer in [(0.70, "SQUARE"), (0.95, "RED")]:
            if end > sim.time + 1e-9:
                continue
            means = similarities[(times > end - 0.05) & (times <= end)].mean(axis=0)
            correct += float(int(np.argmax(means)) == keys.index(answer))
            similarity += float(means[keys.index(answer)])
            asked += 1
        return {"correct": correct / asked, "similarity": similarity / asked} if asked else {}

    return net, score
