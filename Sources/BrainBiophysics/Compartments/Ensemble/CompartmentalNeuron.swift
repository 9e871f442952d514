import BrainCore
import Foundation

/// A compartmental cell (``Cell``) as an ensemble neuron type.
///
/// **Input.** The ensemble's current `J` (dimensionless, `J = gain · x + bias`) is injected as
/// `J` **nA** at ``input`` (an electrode at that point, positive depolarising), constant over
/// each engine step.
///
/// **Dynamics.** Each engine step of `dt` seconds is split into `k = ⌈1000 dt / timeStep⌉`
/// equal substeps of NEURON's fixed step (backward Euler with a Hines tree solve and staggered
/// `cnexp` gates, exactly as ``CellSimulation``); with the engine's 1 ms and the default
/// 0.025 ms that is 40 substeps of 0.025 ms. Arithmetic is in `Double`; the state is stored in
/// `Float` between engine steps.
///
/// **Spikes.** A spike is an upward crossing of ``threshold`` (mV) by the voltage at
/// ``spikeLocation`` within a substep (`v_before < threshold ≤ v_after`); the output is
/// `spikes / dt` (one spike: `1 / dt`).
///
/// **State.** One variable per cable node: `voltage` for the node at ``spikeLocation`` and
/// `voltage <node>` for the others (e.g. `voltage dend(1)`), then `m <node>`, `h <node>`,
/// `n <node>` for each `hh` segment. Initially every node is at ``initialVoltage`` and every
/// gate at its steady state there (NEURON's `finitialize`).
///
/// **Rates** (``rates(currents:)``) are measured by simulation with the same substep: from
/// the initial state, ``settleTime`` ms at constant `J`, then spikes counted over
/// ``measureTime`` ms; with two or more spikes the rate is `(spikes − 1) / (last − first)`
/// (the mean inverse interspike interval), with one spike `1 / measureTime`, else 0. The
/// curve is tabulated once (lazily, shared by copies of the value) at ``rateTablePoints``
/// evenly spaced currents over ``rateTableRange`` nA and interpolated linearly. Currents above
/// the table are simulated directly; below it the rate is taken as 0 when the table's lowest
/// current is silent (a steady hyperpolarising current does not make a silent cell fire), and
/// simulated otherwise.
///
/// **Gain and bias** come from BrainCore's generic numeric search
/// (`NeuronType/numericGainBias(maxRates:intercepts:)`), which samples `J` over
/// `[−10, 10]` first and assumes the rate grows with `J`. So size the cell so that it fires
/// somewhere below 10 nA and is not driven into depolarisation block at or below 10 nA; a
/// typed error says so otherwise (see ``gainBias(maxRates:intercepts:)``).
///
/// **Hodgkin–Huxley cells** are type II oscillators: at 6.3 °C they start firing at about
/// 50–55 Hz, never slower, and near that onset they are bistable — a step of current from rest
/// starts repetitive firing from about 6.2 µA/cm², while a current rising slowly leaves the
/// cell at rest up to about 9.8 µA/cm² (where it jumps to ~68 Hz); a firing cell stops again
/// only below about 6.2 µA/cm². The table measures the step from rest, so neurons whose
/// current creeps up through that range stay silent where their tuning curve says ~60 Hz.
/// Choose max rates well above the onset rate (e.g. 100–115 Hz) so that this range is a small
/// part of each tuning curve.
public struct CompartmentalNeuron: NeuronType {
    /// The cell every neuron of the ensemble is a copy of.
    public let cell: Cell
    /// Where the input current `J` (nA) is injected.
    public let input: SectionLocation
    /// Where spikes are detected.
    public let spikeLocation: SectionLocation
    /// Spike threshold (mV): an upward crossing at ``spikeLocation`` is a spike.
    public let threshold: Double
    /// Initial membrane potential (mV) of every node; gates start at their steady state there.
    public let initialVoltage: Double
    /// Temperature (°C), NEURON's `celsius`.
    public let temperature: Double
    /// The largest integration substep (ms).
    public let timeStep: Double
    /// Settling time (ms) before spikes are counted, for ``rates(currents:)``.
    public let settleTime: Double
    /// Counting window (ms) for ``rates(currents:)``.
    public let measureTime: Double
    /// The currents (nA) over which the rate curve is tabulated.
    public let rateTableRange: ClosedRange<Double>
    /// How many evenly spaced currents the table has.
    public let rateTablePoints: Int
    public let stateVariables: [NeuronStateVariable]

    /// The most substeps one rate measurement (settling and counting) may take: 10^7.
    public static let largestMeasurement = 1e7
    /// The most substeps the whole rate table may take: 10^9 (the default table takes
    /// 101 × 16,000 = 1.6 × 10^6).
    public static let largestTable = 1e9

    let model: CableModel
    let inputNode: Int
    let spikeNode: Int
    let rateCache = CompartmentalRateCache()

    /// - Parameters:
    ///   - cell: the cell template.
    ///   - input: where `J` (nA) is injected; a point on one of the cell's sections.
    ///   - spikeLocation: where spikes are detected (default: the same point as `input`).
    ///   - threshold: spike threshold (mV), default 0.
    ///   - initialVoltage: mV, default −65.
    ///   - temperature: °C, default 6.3.
    ///   - timeStep: the largest substep (ms), >= `CellSimulation.smallestTimeStep`, default
    ///     0.025 (NEURON's `dt`).
    ///   - settleTime: ms at constant `J` before counting spikes, > 0, default 100.
    ///   - measureTime: ms over which spikes are counted, > 0, default 300.
    ///   - rateTableRange: nA, a non-empty range, default 0…10.
    ///   - initialState: distributions replacing the defaults of named state variables.
    ///   - rateTablePoints: the number of tabulated currents, >= 2, default 101.
    ///
    /// A rate measurement may take at most ``largestMeasurement`` substeps
    /// (`(settleTime + measureTime) / timeStep`) and the table at most ``largestTable``.
    /// - Throws: `BrainKitError` (validation, object `CompartmentalNeuron`) for a location
    ///   not on the cell, a non-finite or non-positive setting, or an unknown state variable.
    public init(
        cell: Cell, input: SectionLocation, spikeLocation: SectionLocation? = nil, threshold: Double = 0,
        initialVoltage: Double = -65, temperature: Double = 6.3, timeStep: Double = 0.025,
        settleTime: Double = 100, measureTime: Double = 300, rateTableRange: ClosedRange<Double> = 0...10,
        rateTablePoints: Int = 101, initialState: [String: any Distribution] = [:]
    ) throws(BrainKitError) {
        let object = "CompartmentalNeuron"
        try Check.finite([threshold], object, "threshold")
        try Check.finite([initialVoltage], object, "initialVoltage")
        try Check.atLeast(timeStep, CellSimulation.smallestTimeStep, object, "timeStep")
        try Check.finite([settleTime], object, "settleTime")
        try Check.atLeast(settleTime, 0, object, "settleTime")
        try Check.finite([measureTime], object, "measureTime")
        try Check.greaterThan(measureTime, 0, object, "measureTime")
        try Check.finite([rateTableRange.lowerBound, rateTableRange.upperBound], object, "rateTableRange")
        guard rateTableRange.upperBound > rateTableRange.lowerBound else {
            throw .validation(object, "rateTableRange", "must span a positive range of currents, got \(rateTableRange)")
        }
        try Check.atLeast(rateTablePoints, 2, object, "rateTablePoints")
        // A rate measurement is bounded, so that gain and bias always finish.
        let measurementSteps = (settleTime + measureTime) / timeStep
        guard measurementSteps <= CompartmentalNeuron.largestMeasurement else {
            throw .validation(
                object, settleTime > measureTime ? "settleTime" : "measureTime",
                "makes a rate measurement of \(measurementSteps.rounded()) substeps of \(timeStep) ms; at most "
                    + "\(Int(CompartmentalNeuron.largestMeasurement)) are allowed")
        }
        guard Double(rateTablePoints) * measurementSteps <= CompartmentalNeuron.largestTable else {
            throw .validation(
                object, "rateTablePoints",
                "\(rateTablePoints) points of \(measurementSteps.rounded()) substeps each exceed the "
                    + "\(Int(CompartmentalNeuron.largestTable)) substeps a rate table may take")
        }
        let model: CableModel
        do {
            model = try CableModel(cell: cell, celsius: temperature)
        } catch {
            throw .validation(object, "temperature", error.message)
        }
        let spikeLocation = spikeLocation ?? input
        self.inputNode = try model.node(at: input, object, "input")
        self.spikeNode = try model.node(at: spikeLocation, object, "spikeLocation")
        self.cell = cell
        self.input = input
        self.spikeLocation = spikeLocation
        self.threshold = threshold
        self.initialVoltage = initialVoltage
        self.temperature = temperature
        self.timeStep = timeStep
        self.settleTime = settleTime
        self.measureTime = measureTime
        self.rateTableRange = rateTableRange
        self.rateTablePoints = rateTablePoints
        self.model = model

        var defaults: [NeuronStateVariable] = []
        for node in 0..<model.nodeCount {
            let name = node == spikeNode ? "voltage" : "voltage \(model.nodeNames[node])"
            defaults.append(NeuronStateVariable(name: name, initial: try Choice([initialVoltage])))
        }
        let gates = model.steadyGates(at: initialVoltage)
        for (k, site) in model.hodgkinHuxley.enumerated() {
            for (g, gate) in ["m", "h", "n"].enumerated() {
                defaults.append(
                    NeuronStateVariable(
                        name: "\(gate) \(model.nodeNames[site.node])", initial: try Choice([gates[3 * k + g]])))
            }
        }
        let names = defaults.map(\.name)
        if let unknown = initialState.keys.sorted().first(where: { !names.contains($0) }) {
            throw .validation(object, "initialState", "variable '\(unknown)' not recognized; should be one of "
                + names.map { "'\($0)'" }.joined(separator: ", "))
        }
        self.stateVariables = defaults.map {
            NeuronStateVariable(name: $0.name, initial: initialState[$0.name] ?? $0.initial)
        }
    }

    public var isSpiking: Bool { true }

    /// The number of substeps for an engine step of `dtMilliseconds`: `⌈dt / timeStep⌉`
    /// (ignoring a rounding excess of 1e-9).
    func substeps(forStep dtMilliseconds: Double) -> Int {
        max(1, Int((dtMilliseconds / timeStep - 1e-9).rounded(.up)))
    }

    /// Advances every neuron by `stepSeconds` (see the type's documentation).
    public func step(
        dt stepSeconds: Double, count: Int,
        current: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        state: UnsafeMutablePointer<Float>, stateStride: Int
    ) {
        let nodes = model.nodeCount
        let gateCount = model.gateCount
        let substeps = substeps(forStep: stepSeconds * 1000)
        let h = stepSeconds * 1000 / Double(substeps)
        let spikeHeight = 1 / stepSeconds
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * nodes + gateCount + 1) { scratch in
            let v = scratch.baseAddress!
            let d = v + nodes, b = d + nodes, gates = b + nodes
            model.withStepper { stepper in
                for i in 0..<count {
                    for k in 0..<nodes { v[k] = Double(state[k * stateStride + i]) }
                    for k in 0..<gateCount { gates[k] = Double(state[(nodes + k) * stateStride + i]) }
                    let input = Double(current[i])
                    var spikes = 0
                    for _ in 0..<substeps {
                        let before = v[spikeNode]
                        stepper.step(
                            dt: h, current: input, into: inputNode, voltage: v, gates: gates, diagonal: d, rhs: b)
                        if before < threshold && v[spikeNode] >= threshold { spikes += 1 }
                    }
                    for k in 0..<nodes { state[k * stateStride + i] = Float(v[k]) }
                    for k in 0..<gateCount { state[(nodes + k) * stateStride + i] = Float(gates[k]) }
                    output[i] = Float(Double(spikes) * spikeHeight)
                }
            }
        }
    }

    public var description: String {
        "CompartmentalNeuron(\(cell), input: \(input), spikeLocation: \(spikeLocation), threshold: \(threshold), "
            + "initialVoltage: \(initialVoltage), temperature: \(temperature), timeStep: \(timeStep), "
            + "settleTime: \(settleTime), measureTime: \(measureTime), rateTableRange: \(rateTableRange), "
            + "rateTablePoints: \(rateTablePoints))"
    }
}
