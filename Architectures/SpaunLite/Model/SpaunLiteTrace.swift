import BrainCore
import BrainSPA

/// Probes on what Spaun-lite is doing, for reading a run as text: the action selected, the
/// best match of the visual pointer and of the production and position memories, the pen and
/// the pacer. Create it before the simulator.
public final class SpaunLiteTrace {
    private let model: SpaunLite
    private let thalamus: Probe
    private let utilities: Probe
    private let pointers: [(name: String, probe: Probe, vocabulary: Vocabulary)]
    private let scalars: [(name: String, probe: Probe)]
    /// The list memories read as `POSk ⊛ digit` terms: MB1 and its rehearsal and decay buffers,
    /// the bound item being stored, and in A6 and A7 the cells and the induced list.
    private let lists: [(name: String, probe: Probe)]
    /// The average change and the rule's selection, with the transformations' vectors.
    private let rule: (average: Probe, selection: Probe, transformations: [[Double]])
    /// The pointers `POSk ⊛ digit` (k = 1…6) and their names, for reading list memories.
    private let pairs: [(name: String, vector: [Double])]

    /// Adds the probes (sampled every `sampleEvery` seconds, filtered by 10 ms) to `model`.
    /// - Throws: `BrainKitError` from the probes.
    public init(_ model: SpaunLite, sampleEvery: Double = 0.01) throws(BrainKitError) {
        self.model = model
        let network = model.network
        let filter = try Lowpass(0.01)
        thalamus = try network.probe(model.actionSelection.thalamus.output, synapse: filter, sampleEvery: sampleEvery)
        utilities = try network.probe(model.actionSelection.basalGanglia.input, synapse: filter, sampleEvery: sampleEvery)
        let watched: [(String, PointerOutput)] = [
            ("vis", model.vision.output), ("task", model.production.task.output), ("state", model.production.state.output),
            ("dec", model.production.dec.output), ("pos", model.encoding.position.output),
            ("MB2", model.memory.second.output), ("count", model.transformation.count.output),
            ("recall", model.decoding.position.output), ("unbound", model.decoding.unbound.output),
            ("item", model.decoding.item.output),
            ("plan", model.motor.plan.output),
        ]
        var pointers: [(String, Probe, Vocabulary)] = []
        for (name, output) in watched {
            pointers.append((name, try network.probe(output.node, synapse: filter, sampleEvery: sampleEvery), output.vocabulary))
        }
        self.pointers = pointers
        var pairs: [(String, [Double])] = []
        for k in 1...6 {
            for digit in SpaunVocabularies.digitKeys {
                pairs.append(("P\(k)\(digit)", try model.vocabularies.main.parse("POS\(k) * \(digit)").vector))
            }
        }
        self.pairs = pairs
        let watchedLists: [(String, PointerOutput)] = [
            ("MB1", model.memory.first.output), ("MB1 rehearsal", model.memory.first.rehearsal.output),
            ("MB1 decay", model.memory.first.decay.output), ("bound", model.encoding.boundItem.output),
            ("MB3", model.memory.cell.output), ("MB3prev", model.memory.previousCell.output),
            ("induced", model.transformation.induced.output),
        ]
        lists = try watchedLists.map { (entry) throws(BrainKitError) in
            (entry.0, try network.probe(entry.1.node, synapse: filter, sampleEvery: sampleEvery))
        }
        let watchedScalars: [(String, ScalarOutput)] = [
            ("open", model.production.listOpen.output), ("seen", model.encoding.seen.output),
            ("pending", model.encoding.pending.output),
            ("pen", model.motor.pen.ramp), ("phase", model.motor.pen.phase), ("pacer", model.transformation.pacer.ramp),
            ("end", model.decoding.atEnd.output), ("reached", model.transformation.countReached.output),
            ("answer end", model.decoding.atAnswerEnd.output),
        ]
        let transformations = try SpaunVocabularies.transformationKeys.map { (key) throws(BrainKitError) in
            try model.vocabularies.main.parse(key).vector
        }
        rule = (
            try network.probe(model.transformation.averageChange.output.node, synapse: filter, sampleEvery: sampleEvery),
            try network.probe(model.transformation.rule.selectionOutput, synapse: filter, sampleEvery: sampleEvery),
            transformations
        )
        var scalars: [(String, Probe)] = []
        for (name, output) in watchedScalars {
            scalars.append((name, try network.probe(output.node, synapse: filter, sampleEvery: sampleEvery)))
        }
        self.scalars = scalars
    }

    /// One line per `every` seconds: time, selected action, the three largest utilities, each
    /// pointer's best key (with its similarity when below 0.7; `·` below 0.2), the scalars, and
    /// the `listTerms` `POSk ⊛ digit` terms most like each list memory (MB1 and its two buffers,
    /// the bound item being stored, the cells and the induced list; a list is left out while it
    /// is empty).
    /// - Throws: `BrainKitError` when the simulator does not hold the probes, for an `every`
    ///   that is not a positive number of seconds, or for a `listTerms` below 1.
    public func lines(_ simulator: Simulator, every: Double = 0.05, listTerms: Int = 4) throws(BrainKitError) -> [String] {
        try Check.positiveFinite(every, "SpaunLiteTrace", "every")
        guard listTerms >= 1 else {
            throw .validation("SpaunLiteTrace", "listTerms", "must be at least 1, got \(listTerms)")
        }
        let actions = try simulator.data(thalamus)
        let utilityData = try simulator.data(utilities)
        let times = simulator.trange(sampleEvery: thalamusSampling(simulator, rows: actions.rows))
        let pointerData = try pointers.map { (entry) throws(BrainKitError) in
            (entry.name, try entry.vocabulary.similarity(try simulator.data(entry.probe)), entry.vocabulary.keys)
        }
        let scalarData = try scalars.map { (entry) throws(BrainKitError) in (entry.name, try simulator.data(entry.probe)) }
        let averageData = try simulator.data(rule.average), selectionData = try simulator.data(rule.selection)
        let listData = try lists.map { (entry) throws(BrainKitError) in (entry.name, try simulator.data(entry.probe)) }
        let stride = max(1, Int((every / (times.count > 1 ? times[1] - times[0] : every)).rounded()))
        let keys = SpaunVocabularies.transformationKeys.map { $0.filter { $0 != " " } }
        var lines: [String] = []
        let names = model.actionSelection.names
        for row in Swift.stride(from: stride - 1, to: times.count, by: stride) {
            let values = actions.row(row)
            let best = values.indices.max { values[$0] < values[$1] } ?? 0
            var line = String(format: "%6.2f %-14@", times[row], values[best] > 0.3 ? (names[best] ?? "\(best)") : "-")
            let utilityRow = utilityData.row(row)
            let ranked = utilityRow.indices.sorted { utilityRow[$0] > utilityRow[$1] }.prefix(3)
            line += " [" + ranked.map { String(format: "%@ %.2f", names[$0] ?? "\($0)", utilityRow[$0]) }.joined(separator: ", ") + "]"
            for (name, similarities, keys) in pointerData {
                let rowValues = similarities.row(row)
                let top = rowValues.indices.max { rowValues[$0] < rowValues[$1] } ?? 0
                let value = rowValues[top]
                line += value < 0.2 ? " \(name)=·" : value < 0.7 || name == "unbound" ? String(format: " %@=%@(%.2f)", name, keys[top], value) : " \(name)=\(keys[top])"
            }
            for (name, data) in scalarData { line += String(format: " %@=%.2f", name, data[row, 0]) }
            for (name, data) in listData {
                let value = data.row(row)
                if value.reduce(0, { $0 + $1 * $1 }) > 0.01 { line += " \(name):" + strongestTerms(value, count: listTerms) }
            }
            let average = averageData.row(row), selection = selectionData.row(row)
            if average.reduce(0, { $0 + $1 * $1 }) > 0.01 {
                let similarities = rule.transformations.map { zip($0, average).reduce(0) { $0 + $1.0 * $1.1 } }
                let ranked = similarities.indices.sorted { similarities[$0] > similarities[$1] }.prefix(3)
                line += " T:" + ranked.map { String(format: "%@ %.2f", keys[$0], similarities[$0]) }.joined(separator: ",")
                let chosen = selection.indices.filter { selection[$0] > 0.05 }
                line += " rule:" + chosen.map { String(format: "%@ %.2f", keys[$0], selection[$0]) }.joined(separator: ",")
            }
            lines.append(line)
        }
        return lines
    }

    /// The `count` bound pairs `POSk ⊛ digit` most similar to a list memory's value.
    private func strongestTerms(_ value: [Double], count: Int) -> String {
        let terms = pairs.map { ($0.name, zip($0.vector, value).reduce(0) { $0 + $1.0 * $1.1 }) }
        return terms.sorted { $0.1 > $1.1 }.prefix(count).map { String(format: "%@ %.2f", $0.0, $0.1) }.joined(separator: ",")
    }

    private func thalamusSampling(_ simulator: Simulator, rows: Int) -> Double {
        simulator.time / Double(max(rows, 1))
    }
}
