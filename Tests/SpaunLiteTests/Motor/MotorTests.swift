import BrainCore
import BrainSPA
import Testing
@testable import SpaunLite

/// The motor system in Direct mode: the readout writes the planned digit each time the pen
/// completes a stroke, and `-` when the plan is no digit.
@Suite("Motor")
struct MotorTests {
    @Test func theReadoutWritesThePlanOncePerStroke() throws {
        let h = try DirectHarness()
        let motor = try Motor(in: h.network, vocabulary: h.main)
        // Plan SEV for 0.05 s (the clean memory then holds it), and the writing rate from 0.1 s.
        try h.network.connect(try h.pointers([(0, "SEV"), (0.05, "0")]), to: motor.plan.input.node, synapse: nil)
        try h.network.connect(try h.scalar { $0 < 0.1 ? 0 : 1 }, to: motor.pen.rate.node, synapse: nil,
                              transform: .scalar(motor.writingRate))
        try h.run(2.1)
        let strokes = motor.log.written
        #expect(strokes.count == 2, "\(strokes)")
        #expect(strokes.allSatisfy { $0.symbol == "7" && $0.similarity > 0.9 })
        // About Spaun's 0.93 s per digit.
        if strokes.count == 2 { #expect(abs(strokes[1].written - strokes[0].written - Motor.secondsPerDigit) < 0.1) }
        #expect(strokes.first.map { $0.onset > 0.1 && $0.onset < $0.written } ?? false)
        #expect(motor.log.text == "77")
    }

    @Test func aPlanThatIsNoDigitIsWrittenAsDontKnow() throws {
        let h = try DirectHarness()
        let motor = try Motor(in: h.network, vocabulary: h.main)
        try h.network.connect(try h.scalar { _ in 1 }, to: motor.pen.rate.node, synapse: nil, transform: .scalar(motor.writingRate))
        try h.run(1.2)
        #expect(motor.log.text == "-")
        motor.log.clear()
        #expect(motor.log.written.isEmpty)
    }
}
