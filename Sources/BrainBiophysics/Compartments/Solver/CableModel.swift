import BrainCore
import Foundation

/// A ``Cell`` compiled into the nodes of its cable equation, in the units the integrator
/// uses: mV, ms, nA, µS (conductance), nF (capacitance).
///
/// Nodes follow NEURON's layout. A section of `nseg` segments has a node at each segment
/// centre (membrane area `π d L / nseg`, capacitance `cm × area`, the section's mechanisms)
/// and a zero-area node at its far end; a root section also has a zero-area node at its 0 end.
/// A child's attached end *is* the parent's node at the connection point (the parent's 0 or
/// 1 end node, or the centre of the parent segment containing the position). Adjacent nodes
/// are joined by the axial conductance of the cylinder between them: half a segment between
/// an end and the nearest centre, a whole segment between two centres,
/// `1 / (Ra × length / (π d² / 4))`.
///
/// Nodes are numbered parents first (sections in tree order), as the Hines solve requires.
struct CableModel: Sendable {
    /// The node index of each point of one section.
    struct SectionNodes: Sendable {
        /// The node at the section's 0 end and at its 1 end.
        var end0: Int, end1: Int
        /// The node at each segment centre, from the 0 end.
        var centers: [Int]
    }

    /// A segment carrying `hh`: its node and its channel parameters scaled by the segment area.
    struct HodgkinHuxleySite: Sendable {
        var node: Int
        /// Maximal conductances (µS) for this segment's area.
        var gNa: Double, gK: Double, gLeak: Double
        /// Reversal potentials (mV).
        var eNa: Double, eK: Double, eLeak: Double
        /// Read the rates from NEURON's table (else exact).
        var tabulated: Bool
    }

    /// A segment carrying `pas`: its node, its leak conductance (µS) and reversal (mV).
    struct PassiveSite: Sendable {
        var node: Int
        var conductance: Double
        var reversal: Double
    }

    let nodeCount: Int
    /// The parent node of each node, -1 for a root.
    let parent: [Int]
    /// The matrix entry coupling each node to its parent: minus the axial conductance (µS).
    let offDiagonal: [Double]
    /// The membrane capacitance at each node (nF); 0 at section ends.
    let capacitance: [Double]
    /// A readable name per node, e.g. `soma(0.5)` or `dend(1)`.
    let nodeNames: [String]
    let sectionNodes: [String: SectionNodes]
    let hodgkinHuxley: [HodgkinHuxleySite]
    let passive: [PassiveSite]
    /// `hh` rates at the model's temperature: tabulated (NEURON's default) and exact.
    let tabulatedRates: HodgkinHuxleyRates
    let exactRates: HodgkinHuxleyRates
    /// Temperature (°C).
    let celsius: Double

    /// Compiles `cell` at `celsius` °C.
    /// - Throws: `BrainKitError` (validation) for a non-finite temperature.
    init(cell: Cell, celsius: Double) throws(BrainKitError) {
        try Check.finite([celsius], "CellSimulation", "temperature")
        self.celsius = celsius
        var children: [String: [Section]] = [:]
        var roots: [Section] = []
        for section in cell.sections {
            if let connection = section.parent {
                children[connection.parent, default: []].append(section)
            } else {
                roots.append(section)
            }
        }
        var parent: [Int] = []
        var offDiagonal: [Double] = []
        var capacitance: [Double] = []
        var names: [String] = []
        var sectionNodes: [String: SectionNodes] = [:]
        var hh: [HodgkinHuxleySite] = []
        var pas: [PassiveSite] = []

        func addNode(parent p: Int, conductance: Double, capacitance c: Double, name: String) -> Int {
            parent.append(p)
            offDiagonal.append(-conductance)
            capacitance.append(c)
            names.append(name)
            return parent.count - 1
        }

        // Depth first, parents before children; `Cell` guarantees the tree has no cycle.
        var stack = Array(roots.reversed())
        while let section = stack.popLast() {
            let n = section.segmentCount
            let segmentLength = section.length / Double(n)
            let area = Double.pi * section.diameter * segmentLength  // µm²
            let crossSection = Double.pi * section.diameter * section.diameter / 4  // µm²
            let halfResistance = section.axialResistivity * (segmentLength / 2) / crossSection * 1e-2  // MΩ
            let segmentCapacitance = section.membraneCapacitance * area * 1e-5  // nF
            let areaScale = area * 1e-2  // µS per S/cm²

            // The attached end: the parent's node, or a new zero-area node for a root.
            let attachedEnd = section.parent?.childEnd ?? 0
            let attachedNode: Int
            if let connection = section.parent, let parentNodes = sectionNodes[connection.parent],
                let parentSection = cell.section(named: connection.parent)
            {
                attachedNode = Self.node(parentNodes, segmentCount: parentSection.segmentCount, at: connection.position)
            } else {
                attachedNode = addNode(parent: -1, conductance: 0, capacitance: 0, name: "\(section.name)(0)")
            }
            // Segment centres from the attached end to the free end.
            var centers = [Int](repeating: 0, count: n)
            var previous = attachedNode
            for k in 0..<n {
                let index = attachedEnd == 0 ? k : n - 1 - k
                let resistance = k == 0 ? halfResistance : 2 * halfResistance
                let x = (Double(index) + 0.5) / Double(n)
                previous = addNode(
                    parent: previous, conductance: 1 / resistance, capacitance: segmentCapacitance,
                    name: "\(section.name)(\(Self.format(x)))")
                centers[index] = previous
                for mechanism in section.mechanisms {
                    switch mechanism {
                    case .hodgkinHuxley(let channels):
                        hh.append(
                            HodgkinHuxleySite(
                                node: previous, gNa: channels.gNaBar * areaScale, gK: channels.gKBar * areaScale,
                                gLeak: channels.gLeak * areaScale, eNa: channels.eNa, eK: channels.eK,
                                eLeak: channels.eLeak, tabulated: channels.useRateTable))
                    case .passive(let leak):
                        pas.append(
                            PassiveSite(
                                node: previous, conductance: leak.conductance * areaScale, reversal: leak.reversal))
                    }
                }
            }
            let freeEnd = addNode(
                parent: previous, conductance: 1 / halfResistance, capacitance: 0,
                name: "\(section.name)(\(attachedEnd == 0 ? 1 : 0))")
            sectionNodes[section.name] = attachedEnd == 0
                ? SectionNodes(end0: attachedNode, end1: freeEnd, centers: centers)
                : SectionNodes(end0: freeEnd, end1: attachedNode, centers: centers)
            stack.append(contentsOf: (children[section.name] ?? []).reversed())
        }
        nodeCount = parent.count
        self.parent = parent
        self.offDiagonal = offDiagonal
        self.capacitance = capacitance
        self.nodeNames = names
        self.sectionNodes = sectionNodes
        self.hodgkinHuxley = hh
        self.passive = pas
        self.tabulatedRates = HodgkinHuxleyRates(celsius: celsius, tabulated: true)
        self.exactRates = HodgkinHuxleyRates(celsius: celsius, tabulated: false)
    }

    /// NEURON's node for position `x` of a section: the 0 or 1 end node for `x` = 0 or 1,
    /// else the centre of segment `min(⌊x · nseg⌋, nseg − 1)`.
    static func node(_ nodes: SectionNodes, segmentCount: Int, at x: Double) -> Int {
        if x == 0 { return nodes.end0 }
        if x == 1 { return nodes.end1 }
        return nodes.centers[min(Int(x * Double(segmentCount)), segmentCount - 1)]
    }

    /// The node at `location`.
    /// - Throws: `BrainKitError` (validation) naming `object` and `parameter` when the
    ///   section is not in the cell or the position is outside [0, 1].
    func node(at location: SectionLocation, _ object: String, _ parameter: String) throws(BrainKitError) -> Int {
        guard let nodes = sectionNodes[location.section] else {
            throw .validation(object, parameter, "names section '\(location.section)', which is not in the cell")
        }
        guard location.position >= 0, location.position <= 1 else {
            throw .validation(object, parameter, "position must be in [0, 1], got \(location.position)")
        }
        return Self.node(nodes, segmentCount: nodes.centers.count, at: location.position)
    }

    /// Number of gating variables: `m, h, n` for each `hh` segment.
    var gateCount: Int { 3 * hodgkinHuxley.count }

    static func format(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : "\(x)"
    }
}
