import Testing

@testable import BrainCore

/// Each operation kind's declared access (``Operation/roles``), read by the schedule, the
/// optimizer and the planner: the one place the one-step delay of synapses comes from.
@Suite("Operation roles")
struct SignalRolesTests {
    let input = SignalSlice(SignalID(index: 0), count: 4)
    let output = SignalSlice(SignalID(index: 1), offset: 2, count: 4)
    let state = SignalID(index: 2)

    @Test func aDelayedSynapseUpdatesWhatAnUndelayedOneSets() {
        let filter = DiscreteFilter(a: Matrix(rows: 1, columns: 1, values: [0.5]), b: [1], c: [0.5], d: 0)
        let delayed = Operator(
            operation: .filter(filter, input: input, output: output, state: state, delayed: true), owner: "synapse")
        let undelayed = Operator(
            operation: .filter(filter, input: input, output: output, state: state, delayed: false), owner: "filter")
        #expect(delayed.updates == [output.signal, state])
        #expect(delayed.sets.isEmpty)
        #expect(undelayed.sets == [output.signal, state])
        #expect(undelayed.updates.isEmpty)
        for op in [delayed, undelayed] {
            #expect(op.reads == [input.signal])
            #expect(op.writtenRegions == [WrittenRegion(output), WrittenRegion(state)])
        }
    }

    @Test func accumulatingDecidesBetweenSettingAndIncrementing() {
        let set = Operator(operation: .copy(from: input, to: output, accumulate: false), owner: "copy")
        let add = Operator(operation: .copy(from: input, to: output, accumulate: true), owner: "copy")
        #expect(set.sets == [output.signal] && set.increments.isEmpty)
        #expect(add.increments == [output.signal] && add.sets.isEmpty)
        #expect(set.writtenRegions == [WrittenRegion(output)] && add.writtenRegions == [WrittenRegion(output)])
        #expect(set.writtenRegions[0].elements == 2..<6)
    }

    @Test func aCompensatedAddIncrementsItsTargetAndSetsItsCompensation() {
        let op = Operator(operation: .compensatedAdd(from: input, to: output, compensation: state), owner: "rule")
        #expect(op.increments == [output.signal])
        #expect(op.sets == [state])
        #expect(op.reads == [input.signal])
        #expect(op.writtenRegions == [WrittenRegion(output), WrittenRegion(state)])
        #expect(op.writtenSignals == [output.signal, state])
    }

    @Test func aLearningRuleUpdatesItsDelta() {
        let delta = SignalID(index: 3)
        let op = Operator(
            operation: .pes(factor: 0.1, error: input, activities: output, delta: delta), owner: "PES")
        #expect(op.updates == [delta])
        #expect(op.sets.isEmpty && op.increments.isEmpty)
        #expect(op.reads == [input.signal, output.signal])
        #expect(op.writtenRegions == [WrittenRegion(delta)])
    }
}
