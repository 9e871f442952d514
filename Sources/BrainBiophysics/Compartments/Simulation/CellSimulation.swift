import BrainCore

/// Simulates one ``Cell`` with current clamps by NEURON's default fixed-step method
/// (backward Euler with a Hines tree solve, staggered `cnexp` gates; see
/// `CableModel` and the integration phases). Units: ms, mV, nA.
///
/// ```swift
/// var soma = try Section(name: "soma", length: 40, diameter: 20, mechanisms: [.hh])
/// var dend = try Section(name: "dend", length: 150, diameter: 3, mechanisms: [.pas])
/// try dend.connect(at: 0, to: soma, at: 1)
/// let clamp = try CurrentClamp(at: soma(0.5), delay: 0, duration: 500, amplitude: 1)
/// var sim = try CellSimulation(cell: Cell(sections: [soma, dend]), clamps: [clamp])
/// let trace = try sim.run(duration: 500, initialVoltage: -60, recording: [soma(0.5)])
/// ```
public struct CellSimulation: Sendable {
    /// The simulated cell.
    public let cell: Cell
    /// The electrodes.
    public let clamps: [CurrentClamp]
    /// The fixed time step (ms), NEURON's `dt`.
    public let timeStep: Double
    /// Temperature (°C), NEURON's `celsius`; scales the `hh` rates by `3^((celsius − 6.3)/10)`.
    public let temperature: Double
    /// The current time (ms), advanced in half steps as NEURON does.
    public private(set) var time: Double = 0

    let model: CableModel
    let clampNodes: [Int]
    var voltages: [Double]
    var gates: [Double]
    var diagonal: [Double]
    var rhs: [Double]

    /// The smallest time step allowed (ms): 1 ns, a thousandth of the finest step NEURON models use.
    public static let smallestTimeStep = 1e-6

    /// Compiles `cell` and initialises it at −65 mV (call ``initialize(voltage:)`` to choose).
    /// - Parameters:
    ///   - timeStep: ms, >= ``smallestTimeStep`` (NEURON's default 0.025).
    ///   - temperature: °C (NEURON's default 6.3).
    ///   - clamps: current clamps on the cell (default none).
    ///   - cell: the cell to simulate.
    /// - Throws: `BrainKitError` (validation) for a bad time step or temperature, or a clamp
    ///   on a section that is not in the cell.
    public init(cell: Cell, clamps: [CurrentClamp] = [], timeStep: Double = 0.025, temperature: Double = 6.3)
        throws(BrainKitError)
    {
        try Check.atLeast(timeStep, CellSimulation.smallestTimeStep, "CellSimulation", "timeStep")
        try Check.finite([temperature], "CellSimulation", "temperature")
        let model = try CableModel(cell: cell, celsius: temperature)
        var clampNodes: [Int] = []
        for clamp in clamps {
            clampNodes.append(try model.node(at: clamp.location, "CellSimulation", "clamps"))
        }
        self.cell = cell
        self.clamps = clamps
        self.timeStep = timeStep
        self.temperature = temperature
        self.model = model
        self.clampNodes = clampNodes
        self.voltages = [Double](repeating: 0, count: model.nodeCount)
        self.gates = [Double](repeating: 0, count: model.gateCount)
        self.diagonal = voltages
        self.rhs = voltages
        initialize(voltage: -65)
    }

    /// NEURON's `finitialize(voltage)`: time 0, every node at `voltage` (mV), every gate at its
    /// steady state for that voltage.
    public mutating func initialize(voltage: Double) {
        time = 0
        let model = model
        voltages.withUnsafeMutableBufferPointer { v in
            gates.withUnsafeMutableBufferPointer { g in
                model.initialize(voltage: voltage, voltage: v.baseAddress!, gates: g.baseAddress ?? v.baseAddress!)
            }
        }
    }

    /// Advances one ``timeStep``.
    public mutating func step() {
        let dt = timeStep
        let middle = time + 0.5 * dt
        let model = model
        let clamps = clamps
        let clampNodes = clampNodes
        voltages.withUnsafeMutableBufferPointer { vBuffer in
            gates.withUnsafeMutableBufferPointer { gBuffer in
                diagonal.withUnsafeMutableBufferPointer { dBuffer in
                    rhs.withUnsafeMutableBufferPointer { bBuffer in
                        let v = vBuffer.baseAddress!, d = dBuffer.baseAddress!, b = bBuffer.baseAddress!
                        // No `hh` anywhere: the gate pointer is never read.
                        let g = gBuffer.baseAddress ?? v
                        model.withStepper { stepper in
                            stepper.assemble(dt: dt, voltage: v, gates: g, diagonal: d, rhs: b)
                            for k in clamps.indices {
                                b[clampNodes[k]] += clamps[k].current(at: middle)
                            }
                            stepper.solveAndUpdate(voltage: v, diagonal: d, rhs: b)
                            stepper.advanceGates(dt: dt, voltage: v, gates: g)
                        }
                    }
                }
            }
        }
        time = middle + 0.5 * dt
    }

    /// The membrane potential (mV) at `location` now.
    /// - Throws: `BrainKitError` (validation) for a section not in the cell or a position
    ///   outside [0, 1].
    public func voltage(at location: SectionLocation) throws(BrainKitError) -> Double {
        voltages[try model.node(at: location, "CellSimulation", "location")]
    }

    /// Initialises at `initialVoltage` (mV), then runs `round(duration / timeStep)` steps,
    /// recording the time and the voltage at each of `recording` at time 0 and after every
    /// step (NEURON's `Vector.record` of `t` and `v`).
    /// - Throws: `BrainKitError` (validation) for a negative or non-finite duration, a
    ///   recording that would not fit in memory (what the process can have), a non-finite
    ///   initial voltage or a recording location not on the cell.
    public mutating func run(
        duration: Double, initialVoltage: Double = -65, recording: [SectionLocation]
    ) throws(BrainKitError) -> VoltageRecording {
        try Check.finite([duration], "CellSimulation", "duration")
        try Check.atLeast(duration, 0, "CellSimulation", "duration")
        try Check.finite([initialVoltage], "CellSimulation", "initialVoltage")
        var nodes: [Int] = []
        for location in recording {
            nodes.append(try model.node(at: location, "CellSimulation", "recording"))
        }
        // The recording's size, checked without overflow before anything is allocated.
        let steps = Size.steps(duration, of: timeStep)
        try Check.fits(
            bytes: steps.flatMap { Size.product($0 + 1, nodes.count + 1, 8) }, limit: MemoryBudget.available,
            "a recording of \((duration / timeStep).rounded()) steps at \(nodes.count) locations", "CellSimulation",
            "duration")
        guard let steps else { return VoltageRecording(locations: recording, time: [], voltages: []) }
        initialize(voltage: initialVoltage)
        var times = [Double]()
        times.reserveCapacity(steps + 1)
        var traces = [[Double]](repeating: [], count: nodes.count)
        for k in traces.indices { traces[k].reserveCapacity(steps + 1) }
        for stepIndex in 0...steps {
            if stepIndex > 0 { step() }
            times.append(time)
            for (k, node) in nodes.enumerated() { traces[k].append(voltages[node]) }
        }
        return VoltageRecording(locations: recording, time: times, voltages: traces)
    }
}
