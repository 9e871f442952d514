import AllocationCounter
import BrainTestSupport
import Foundation
import Testing

@testable import BrainCore

/// A simulator reports its build and runs to a ``ProgressObserver``: monotone fractions per
/// stage that end at exactly 1, a bounded number of reports, and no allocation for it.
@Suite("Simulation progress")
struct SimulationProgressTests {
    /// Records every report (allocates: not for the allocation test).
    final class Recorder: ProgressObserver {
        var reports: [SimulationProgress] = []
        func observe(_ progress: SimulationProgress) { reports.append(progress) }
    }

    /// Counts reports without allocating.
    final class Counter: ProgressObserver {
        var count = 0
        var last = -1.0
        func observe(_ progress: SimulationProgress) {
            count += 1
            last = progress.fraction
        }
    }

    static func smallNetwork() throws -> Network {
        let net = try Network(label: "progress", seed: 4)
        let input = try net.node(function: { t in sin(2 * .pi * t) })
        let ensemble = try net.ensemble(label: "a", neurons: 20, dimensions: 1)
        try net.connect(input, to: ensemble)
        try net.probe(ensemble, synapse: 0.01)
        return net
    }

    @Test func buildReportsEveryStageInOrderEndingAtOne() throws {
        let recorder = Recorder()
        _ = try Simulator(SimulationProgressTests.smallNetwork(), progress: recorder)
        let build = recorder.reports.filter { $0.stage == .build }
        #expect(build.count == recorder.reports.count)
        #expect(build.map(\.detail) == ["started", "ensembles drawn", "objects built", "decoders solved", "engine planned"])
        #expect(build.map(\.fraction) == [0, 0.25, 0.5, 0.75, 1])
        #expect(build.last?.isFinished == true)
        #expect(build.dropLast().allSatisfy { !$0.isFinished })
    }

    @Test(arguments: [1, 7, 999, 1000, 1001, 25_000])
    func runReportsMonotoneFractionsEndingAtOne(steps: Int) throws {
        let sim = try Simulator(SimulationProgressTests.smallNetwork(), threads: 1)
        let recorder = Recorder()
        sim.progressObserver = recorder
        try sim.run(steps: steps)
        let reports = recorder.reports
        #expect(reports.allSatisfy { $0.stage == .run && $0.total == steps })
        #expect(reports.first?.completed == 0)
        #expect(reports.last?.completed == steps)
        #expect(reports.last?.fraction == 1)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.completed < $1.completed })
        #expect(reports.count <= RunProgressSchedule.reportsPerRun + 2)
        #expect(reports.filter(\.isFinished).count == 1)
        #expect(sim.stepCount == steps)
    }

    @Test func runsReportAgainAndAnEmptyRunReportsNothing() throws {
        let sim = try Simulator(SimulationProgressTests.smallNetwork(), threads: 1)
        let recorder = Recorder()
        sim.progressObserver = recorder
        try sim.run(steps: 0)
        #expect(recorder.reports.isEmpty)
        try sim.run(seconds: 0.01)
        try sim.run(seconds: 0.02)
        #expect(recorder.reports.filter(\.isFinished).map(\.total) == [10, 20])
        sim.progressObserver = nil
        try sim.run(steps: 5)
        #expect(recorder.reports.filter(\.isFinished).count == 2)
    }

    @Test func theHandlerPassesReportsToItsClosure() throws {
        var fractions: [Double] = []
        let sim = try Simulator(SimulationProgressTests.smallNetwork(), threads: 1, progress: ProgressHandler { fractions.append($0.fraction) })
        #expect(fractions.last == 1)
        fractions.removeAll()
        try sim.run(steps: 4)
        #expect(fractions == [0, 0.25, 0.5, 0.75, 1])
    }

    @Test(.enabled(if: isOptimizedBuild, "measured in optimized builds (make test)"))
    func reportingAllocatesNothing() throws {
        let sim = try Simulator(SimulationProgressTests.smallNetwork(), threads: 1)
        let counter = Counter()
        sim.progressObserver = counter
        try sim.run(steps: 5000)
        try sim.reset()
        counter.count = 0
        allocation_counter_start()
        try sim.run(steps: 5000)
        let allocations = allocation_counter_stop()
        #expect(allocations == 0, "\(allocations) allocations in a reported run of 5000 steps")
        #expect(counter.count == 1001)
        #expect(counter.last == 1)
    }

    @Test func intervalsKeepAtMostAThousandReports() {
        #expect(RunProgressSchedule.interval(steps: 1) == 1)
        #expect(RunProgressSchedule.interval(steps: 1000) == 1)
        #expect(RunProgressSchedule.interval(steps: 1001) == 2)
        #expect(RunProgressSchedule.interval(steps: 3_600_000) == 3600)
    }
}
