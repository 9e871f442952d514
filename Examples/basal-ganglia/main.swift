// Action selection: five actions with constant utilities [0.8, 0.4, 0.6, 0.3, 0.5] drive a
// basal ganglia (Gurney, Prescott & Redgrave 2001, spiking LIF neurons); its output drives a
// thalamus, which should select action 0 (1 for it, 0 for the rest). 0.3 s at dt = 1 ms, seed 0;
// the thalamus and basal ganglia outputs are probed through Lowpass(0.01).
//
//   swift run -c release basal-ganglia
//
// Selection time: the first sample time at which the thalamus output for action 0 exceeds
// every other action's by at least 0.5 and stays the argmax to the end of the run. The last
// line printed is JSON, with the same metrics as bench/nengo/examples/basal_ganglia.py.
import BrainKit
import Dispatch
import Foundation

let utilities = [0.8, 0.4, 0.6, 0.3, 0.5]
let seconds = 0.3
let margin = 0.5

/// The mean of each column over the rows `rows`.
func columnMeans(_ data: Matrix, rows: [Int]) -> [Double] {
    (0..<data.columns).map { c in rows.reduce(0) { $0 + data[$1, c] } / Double(rows.count) }
}

/// The first sample at which `action` leads every other column by `margin` and stays the argmax
/// from then on (nil if it never does).
func selectionTime(_ data: Matrix, times: [Double], action: Int, margin: Double) -> Double? {
    var first: Double?
    for row in times.indices.reversed() {
        let values = data.row(row)
        let others = values.indices.filter { $0 != action }.map { values[$0] }.max() ?? -.infinity
        guard values[action] > others else { break }
        if values[action] - others >= margin { first = times[row] }
    }
    return first
}

func format(_ values: [Double]) -> String {
    "[" + values.map { String(format: "%.4f", $0) }.joined(separator: ", ") + "]"
}

func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

do {
    let net = try Network(label: "basal-ganglia", seed: 0)
    let input = try net.node(label: "utilities", output: utilities)
    let basalGanglia = try BasalGanglia(in: net, dimensions: utilities.count)
    let thalamus = try Thalamus(in: net, dimensions: utilities.count)
    try net.connect(input, to: basalGanglia.input, synapse: nil)
    try net.connect(basalGanglia.output, to: thalamus.input)
    let bgProbe = try net.probe(basalGanglia.output, synapse: 0.01)
    let thalamusProbe = try net.probe(thalamus.output, synapse: 0.01)

    let buildStart = DispatchTime.now()
    let sim = try Simulator(net, progress: TerminalProgressBar.standardError())
    let buildSeconds = seconds(since: buildStart)
    let runStart = DispatchTime.now()
    try sim.run(seconds: seconds)
    let runSeconds = seconds(since: runStart)

    let times = sim.trange()
    let late = times.indices.filter { times[$0] > seconds - 0.1 + 1e-9 }
    let thalamusData = try sim.data(thalamusProbe)
    let thalamusMeans = columnMeans(thalamusData, rows: late)
    let bgMeans = columnMeans(try sim.data(bgProbe), rows: late)
    let selected = thalamusMeans.indices.max { thalamusMeans[$0] < thalamusMeans[$1] }!
    let selection = selectionTime(thalamusData, times: times, action: 0, margin: margin)
    let selectionMs = selection.map { String(format: "%.1f", $0 * 1000) } ?? "null"

    print("basal-ganglia: utilities \(utilities) -> BasalGanglia(5) -> Thalamus(5), \(net.neuronCount) LIF neurons")
    print(String(format: "build %.3f s, run %.3f s of simulated time in %.4f s", buildSeconds, seconds, runSeconds))
    print("basal ganglia output, mean over the last 0.1 s: \(format(bgMeans))")
    print("thalamus output, mean over the last 0.1 s:      \(format(thalamusMeans))")
    print("selected action \(selected); action 0 selected (leads by \(margin), stays argmax) at \(selectionMs) ms")
    print(
        "{\"selected\": \(selected), \"thalamus_means\": \(format(thalamusMeans)), "
            + "\"selection_time_ms\": \(selectionMs), "
            + String(format: "\"build_s\": %.4f, \"run_s\": %.4f}", buildSeconds, runSeconds))
} catch {
    print("basal-ganglia failed: \(error)")
    exit(1)
}
