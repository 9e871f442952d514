import BrainCore
import BrainSPA

/// Spaun-lite's actions: the basal ganglia choose one at a time by utility and the thalamus
/// routes its effects (design study §5.8, Spaun 2.0's `spaun_main.py`, shortened). Utilities
/// are "and" sums: a sum of n conditions minus n − 1 is about 1 when all hold and at most about
/// 0 when one does not (with four conditions, minus 2.8: the memories' similarities are about
/// 0.9, and four of them would fall short of a rival with three; a condition weighted 2 must
/// hold for the action to reach idle's 0.4). `vis·K` is how strongly the visual class K is
/// seen (``Vision/presence(of:)``), `vis` the visual pointer, `task`/`state`/`dec` the
/// production memories, `open` the list flag, `p` the pen's phase and `c` the pacer's (about −1 rising, +1
/// falling). Memories are set by difference writes (`target − m --> m`).
///
/// | action | utility | effects |
/// |---|---|---|
/// | start | vis·A | task = X, state = TRANS0, dec = NONE, open = 0, recall position = POS0 |
/// | task k (k = 0…7) | task·X + vis·k − 1 | task = W R L M C A V F (A0…A7) |
/// | open | vis·OPEN + dec·NONE − ind − 1 | open = 1, position = next position = POS1 |
/// | close s (TRANS0→1→2→0) | vis·CLOSE + state·s + open − ind − 2 | state = next s, open = 0 |
/// | close | vis·CLOSE + open − ind − 1.2 | open = 0 |
/// | store first | vis·digits − seen + open + state·TRANS0 − ind − 2 | MB1 += position⊛vis (its rehearsal buffer grows, its decay buffer is displaced: ``ListMemory``), next position = position⊛INC, last item = vis |
/// | store second | vis·digits − seen + open + state·(TRANS1+QAP+QAK) − ind − 2 | MB2 += position⊛vis, … |
/// | open cell | vis·OPEN + dec·NONE + ind − 2 | as open (and MB3 is cleared, below) |
/// | store cell | vis·digits − seen + open + ind − 2 | MB3 += position⊛vis, … |
/// | close question (A6: TRANS0→1) | vis·CLOSE + state·TRANS0 + open + task·V − 2.8 | state = TRANS1, open = 0 |
/// | close answer (A6: TRANS1→0) | vis·CLOSE + state·TRANS1 + open + task·V − 2.8 | state = TRANS0, open = 0, learn, answer end = position |
/// | close cell s (A7: TRANS0→1→2→0) | vis·CLOSE + state·s + open + task·F − 2.8 | state = next s, open = 0, answer end = position, learn (not from TRANS0) |
/// | copy cell | vis·CLOSE + ind − open − 1 | MB3 previous = MB3 |
/// | advance | seen + open − 1 | position = next position |
/// | advance at close | pending + vis·CLOSE − 0.8 | position = next position |
/// | forget | open − vis·(all classes) | (clears the last item, below) |
/// | P, K | task·A + vis·P (K) − 1 | state = QAP (QAK) |
/// | reverse | task·M + vis·R − 1 | state = REV |
/// | ask forward | vis·QM + task·(M+R) − state·REV − 1 | dec = FWD, recall position = POS1 |
/// | ask reverse | vis·QM + task·M + state·REV − 2 | dec = REV, recall position = position⊛~INC |
/// | ask count | vis·QM + task·C − 1 | dec = CNT, count = 2·MB1, counter = POS1⊛ZER |
/// | ask position | vis·QM + task·A + state·QAP − 2 | dec = ONCE, recall position = POS of MB2's digit |
/// | ask kind | vis·QM + task·A + state·QAK − 2 | dec = KIND, recall position = MB2⊛~POS1 |
/// | ask induced | vis·QM + ind − 1 | dec = FWD, recall position = POS1 |
/// | write forward / reverse / once | dec·(FWD/REV/ONCE) − p/2 − 1/2 − vis·QM | pen rate, plan = recalled item, next recall position = position⊛INC (⊛~INC) |
/// | step forward / reverse | dec·(FWD/REV) + p/2 − 1/2 | recall position = next recall position |
/// | end forward | dec·FWD + recall position·position − ind − 0.8 | dec = DONE |
/// | end answer | dec·FWD + recall position·answer end + ind − 1.6 | dec = DONE |
/// | end reverse | dec·REV + recall position·POS0 − 0.8 | dec = DONE |
/// | written once | dec·ONCE + p/2 − 1/2 | dec = DONE |
/// | write kind | dec·KIND − p/2 − 1/2 − vis·QM | pen rate, plan = number of the recalled position |
/// | written kind | dec·KIND + p/2 − 1/2 | dec = DONE |
/// | count up | dec·CNT − c/2 − 1/2 − vis·QM − reached | pacer rate, next count = count⊛ADD, next counter = counter⊛ADD |
/// | count step | dec·CNT + c/2 − 1/2 − reached | count = next count, counter = next counter |
/// | write count | dec·CNT + 2·reached − p/2 − 2.3 | pen rate, plan = count⊛~POS1 |
/// | written count | dec·CNT + 2·reached + p/2 − 2.3 | dec = DONE |
/// | idle | 0.4 | — |
///
/// `pending` is `(position ⊛ INC) · next position` (``Encoding/pending``): a store has run and
/// the position has not moved on. `advance at close` (about 1.2) outranks the closes (about 1),
/// so a list whose last item was stored but never `seen` (a weak image the cleanup reads
/// unsteadily) advances before it closes and its answer end is taken after that item.
///
/// `ind` is `task·(V + F)`, the tasks that induce a change from examples (A6, A7); `learn` is
/// `change − average change --> average change` (``Transformation``); `reached` is
/// `counter · MB2`.
///
/// Actions that write the same memory share its channel (`ExpressionSettings.sharesChannels`):
/// every `target − m --> m` routes the term `−m`, so the nine that set the task, for one, use
/// one channel, each adding its own target from its thalamus output.
///
/// Besides routing, actions gate memories directly, as Spaun's visual gates do: while
/// `start` or a `task k` action is selected MB1, MB2, MB3, MB3 previous, the average change
/// and the answer end are cleared; while `open cell` is selected MB3 is; while `open`,
/// `open cell` or `forget` is selected the last item is (``MemoryBuffer/clear(whenHigh:)``).
/// MB1, unused in A6 and A7, is silenced while the task is one of them
/// (``ProductionSystem/inducingTask``), and the average change while it is another
/// (``ProductionSystem/otherTask``): decoding reads MB1 and the induced list together, and
/// neither's slow drift may add to the other.
public enum ControlRules {
    /// Neurons per dimension and dimensions per ensemble of the channels of dynamic effects
    /// (nengo_spa: 50 and 16; smaller ensembles cost less per step).
    public static let channelNeuronsPerDimension = 25
    /// Dimensions per ensemble of those channels.
    public static let channelSubdimensions = 4

    /// Builds the action selection of `model`'s subsystems.
    /// - Throws: `BrainKitError` naming the action at fault.
    static func build(
        in network: Network, vision: Vision, production p: ProductionSystem, encoding e: Encoding,
        memory m: WorkingMemory, transformation t: Transformation, decoding d: Decoding, motor: Motor
    ) throws(BrainKitError) -> ActionSelection {
        let vis = vision.output
        func seen(_ keys: String...) throws(BrainKitError) -> ScalarOutput { try vision.presence(of: keys) }
        let digits = try vision.presence(of: SpaunVocabularies.digitKeys)
        let anyClass = try vision.presence(of: Vision.classKeys)
        let seesA = try seen("A"), seesOpen = try seen("OPEN"), seesClose = try seen("CLOSE"), seesQM = try seen("QM")
        let seesP = try seen("P"), seesK = try seen("K"), seesR = try seen("R")
        let seesDigit = try SpaunVocabularies.digitKeys.map { (key) throws(BrainKitError) in try seen(key) }
        let pen = motor.pen.phase, pacer = t.pacer.phase
        let open = p.listOpen
        let transitions = [("TRANS0", "TRANS1"), ("TRANS1", "TRANS2"), ("TRANS2", "TRANS0")]
        let inducing = dot(p.task, sym("V + F"))
        var settings = ExpressionSettings()
        settings.channelNeuronsPerDimension = channelNeuronsPerDimension
        settings.channelSubdimensions = channelSubdimensions
        settings.sharesChannels = true
        let selection = try ActionSelection(in: network, label: "Action selection", settings: settings) {
            () throws(BrainKitError) -> [IfMax] in
            IfMax("start", seesA) {
                sym.X - p.task --> p.task
                sym.TRANS0 - p.state --> p.state
                sym.NONE - p.dec --> p.dec
                -open --> open
                sym.POS0 - d.position --> d.position
            }
            for (k, key) in SpaunVocabularies.taskKeys.enumerated() {
                IfMax("task \(k)", dot(p.task, sym.X) + seesDigit[k] - 1) {
                    sym(key) - p.task --> p.task
                }
            }
            IfMax("open", seesOpen + dot(p.dec, sym.NONE) - inducing - 1) {
                1 - open --> open
                sym.POS1 - e.position --> e.position
                sym.POS1 - e.nextPosition --> e.nextPosition
            }
            for (from, to) in transitions {
                IfMax("close \(from)", seesClose + dot(p.state, sym(from)) + open - inducing - 2) {
                    sym(to) - p.state --> p.state
                    -open --> open
                }
            }
            IfMax("close", seesClose + open - inducing - 1.2) { -open --> open }
            IfMax("store first", digits - e.seen + open + dot(p.state, sym.TRANS0) - inducing - 2) {
                e.boundItem --> m.first
                m.first.rehearsalGrowth * m.first.rehearsal --> m.first.rehearsal
                -m.first.decayDisplacement * m.first.decay --> m.first.decay
                e.position * sym.INC - e.nextPosition --> e.nextPosition
                vis - e.lastItem --> e.lastItem
            }
            IfMax("store second", digits - e.seen + open + dot(p.state, sym("TRANS1 + QAP + QAK")) - inducing - 2) {
                e.boundItem --> m.second
                e.position * sym.INC - e.nextPosition --> e.nextPosition
                vis - e.lastItem --> e.lastItem
            }
            IfMax("open cell", seesOpen + dot(p.dec, sym.NONE) + inducing - 2) {
                1 - open --> open
                sym.POS1 - e.position --> e.position
                sym.POS1 - e.nextPosition --> e.nextPosition
            }
            IfMax("store cell", digits - e.seen + open + inducing - 2) {
                e.boundItem --> m.cell
                e.position * sym.INC - e.nextPosition --> e.nextPosition
                vis - e.lastItem --> e.lastItem
            }
            IfMax("close question", seesClose + dot(p.state, sym.TRANS0) + open + dot(p.task, sym.V) - 2.8) {
                sym.TRANS1 - p.state --> p.state
                -open --> open
            }
            IfMax("close answer", seesClose + dot(p.state, sym.TRANS1) + open + dot(p.task, sym.V) - 2.8) {
                sym.TRANS0 - p.state --> p.state
                -open --> open
                t.change - t.averageChange --> t.averageChange
                e.position - d.answerEnd --> d.answerEnd
            }
            for (from, to) in transitions {
                IfMax("close cell \(from)", seesClose + dot(p.state, sym(from)) + open + dot(p.task, sym.F) - 2.8) {
                    sym(to) - p.state --> p.state
                    -open --> open
                    if from != "TRANS0" { t.change - t.averageChange --> t.averageChange }
                    e.position - d.answerEnd --> d.answerEnd
                }
            }
            IfMax("copy cell", seesClose + inducing - open - 1) { m.cell - m.previousCell --> m.previousCell }
            IfMax("advance", e.seen + open - 1) { e.nextPosition - e.position --> e.position }
            IfMax("advance at close", e.pending + seesClose - 0.8) { e.nextPosition - e.position --> e.position }
            IfMax("forget", open - anyClass) {}
            IfMax("P", dot(p.task, sym.A) + seesP - 1) { sym.QAP - p.state --> p.state }
            IfMax("K", dot(p.task, sym.A) + seesK - 1) { sym.QAK - p.state --> p.state }
            IfMax("reverse", dot(p.task, sym.M) + seesR - 1) { sym.REV - p.state --> p.state }
            IfMax("ask forward", seesQM + dot(p.task, sym("M + R")) - dot(p.state, sym.REV) - 1) {
                sym.FWD - p.dec --> p.dec
                sym.POS1 - d.position --> d.position
            }
            IfMax("ask reverse", seesQM + dot(p.task, sym.M) + dot(p.state, sym.REV) - 2) {
                sym.REV - p.dec --> p.dec
                e.position * ~sym.INC - d.position --> d.position
            }
            IfMax("ask count", seesQM + dot(p.task, sym.C) - 1) {
                sym.CNT - p.dec --> p.dec
                Decoding.itemGain * m.first - t.count --> t.count
                sym("POS1 * ZER") - t.counter --> t.counter
            }
            IfMax("ask position", seesQM + dot(p.task, sym.A) + dot(p.state, sym.QAP) - 2) {
                sym.ONCE - p.dec --> p.dec
                t.positionOfDigit - d.position --> d.position
            }
            IfMax("ask kind", seesQM + dot(p.task, sym.A) + dot(p.state, sym.QAK) - 2) {
                sym.KIND - p.dec --> p.dec
                m.second * ~sym.POS1 - d.position --> d.position
            }
            IfMax("ask induced", seesQM + inducing - 1) {
                sym.FWD - p.dec --> p.dec
                sym.POS1 - d.position --> d.position
            }
            IfMax("write forward", dot(p.dec, sym.FWD) - 0.5 * pen - 0.5 - seesQM) {
                motor.writingRate --> motor.pen.rate
                d.item - motor.plan --> motor.plan
                d.position * sym.INC - d.nextPosition --> d.nextPosition
            }
            IfMax("step forward", dot(p.dec, sym.FWD) + 0.5 * pen - 0.5) { d.nextPosition - d.position --> d.position }
            IfMax("end forward", dot(p.dec, sym.FWD) + d.atEnd - inducing - 0.8) { sym.DONE - p.dec --> p.dec }
            IfMax("end answer", dot(p.dec, sym.FWD) + d.atAnswerEnd + inducing - 1.6) {
                sym.DONE - p.dec --> p.dec
            }
            IfMax("write reverse", dot(p.dec, sym.REV) - 0.5 * pen - 0.5 - seesQM) {
                motor.writingRate --> motor.pen.rate
                d.item - motor.plan --> motor.plan
                d.position * ~sym.INC - d.nextPosition --> d.nextPosition
            }
            IfMax("step reverse", dot(p.dec, sym.REV) + 0.5 * pen - 0.5) { d.nextPosition - d.position --> d.position }
            IfMax("end reverse", dot(p.dec, sym.REV) + dot(d.position, sym.POS0) - 0.8) {
                sym.DONE - p.dec --> p.dec
            }
            IfMax("write once", dot(p.dec, sym.ONCE) - 0.5 * pen - 0.5 - seesQM) {
                motor.writingRate --> motor.pen.rate
                d.item - motor.plan --> motor.plan
            }
            IfMax("written once", dot(p.dec, sym.ONCE) + 0.5 * pen - 0.5) { sym.DONE - p.dec --> p.dec }
            IfMax("write kind", dot(p.dec, sym.KIND) - 0.5 * pen - 0.5 - seesQM) {
                motor.writingRate --> motor.pen.rate
                d.positionNumber - motor.plan --> motor.plan
            }
            IfMax("written kind", dot(p.dec, sym.KIND) + 0.5 * pen - 0.5) { sym.DONE - p.dec --> p.dec }
            IfMax("count up", dot(p.dec, sym.CNT) - 0.5 * pacer - 0.5 - seesQM - t.countReached) {
                t.countingRate --> t.pacer.rate
                t.count * sym.ADD - t.nextCount --> t.nextCount
                t.counter * sym.ADD - t.nextCounter --> t.nextCounter
            }
            IfMax("count step", dot(p.dec, sym.CNT) + 0.5 * pacer - 0.5 - t.countReached) {
                t.nextCount - t.count --> t.count
                t.nextCounter - t.counter --> t.counter
            }
            IfMax("write count", dot(p.dec, sym.CNT) + 2 * t.countReached - 0.5 * pen - 2.3) {
                motor.writingRate --> motor.pen.rate
                t.count * ~sym.POS1 - motor.plan --> motor.plan
            }
            IfMax("written count", dot(p.dec, sym.CNT) + 2 * t.countReached + 0.5 * pen - 2.3) {
                sym.DONE - p.dec --> p.dec
            }
            IfMax("idle", 0.4) {}
        }
        func selected(_ name: String) throws(BrainKitError) -> Endpoint {
            guard let index = selection.names.firstIndex(of: name) else {
                throw .build("ControlRules", "actions", "has no action '\(name)'")
            }
            return try selection.thalamus.output[index]
        }
        for name in ["start"] + SpaunVocabularies.taskKeys.indices.map({ "task \($0)" }) {
            try m.first.clear(whenHigh: try selected(name))
            for buffer in [m.second, m.cell, m.previousCell, t.averageChange, d.answerEnd] { try buffer.clear(whenHigh: try selected(name)) }
        }
        try m.cell.clear(whenHigh: try selected("open cell"))
        try m.first.clear(whenHigh: p.inducingTask.node)
        try t.averageChange.clear(whenHigh: p.otherTask.node)
        for name in ["open", "open cell", "forget"] { try e.lastItem.clear(whenHigh: try selected(name)) }
        return selection
    }
}
