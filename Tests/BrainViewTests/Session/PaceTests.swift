import Testing

@testable import BrainView

struct PaceTests {
    @Test func stepsDueFollowTheWallClockTimesTheSpeed() {
        let pace = Pace(now: 100, time: 2)
        #expect(pace.stepsDue(now: 100, time: 2, dt: 0.001, speed: 1) == (0, false))
        #expect(pace.stepsDue(now: 100.0105, time: 2, dt: 0.001, speed: 1).steps == 10)
        #expect(pace.stepsDue(now: 100.0105, time: 2.005, dt: 0.001, speed: 1).steps == 5)
        #expect(pace.stepsDue(now: 100.1005, time: 2, dt: 0.001, speed: 0.5).steps == 50)
        #expect(pace.stepsDue(now: 100.1, time: 2.2, dt: 0.001, speed: 1) == (0, false))
    }

    @Test func farBehindIsReportedNotCaughtUpSilently() {
        let pace = Pace(now: 0, time: 0)
        #expect(pace.stepsDue(now: 0.5, time: 0.1, dt: 0.001, speed: 1).behind)
        #expect(!pace.stepsDue(now: 0.5, time: 0.45, dt: 0.001, speed: 1).behind)
    }

    @Test func asFastAsPossibleAsksForABatch() {
        let pace = Pace(now: 0, time: 0)
        #expect(pace.stepsDue(now: 0, time: 5, dt: 0.001, speed: 0).steps > 0)
        #expect(pace.stepsDue(now: 0, time: 5, dt: 0.001, speed: .infinity).steps > 0)
    }
}
