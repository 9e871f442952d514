import BrainCore
import Testing

@testable import BrainView

struct LiveViewOptionsTests {
    @Test func listensOnLoopbackByDefault() {
        #expect(LiveViewOptions().host == "127.0.0.1")
    }

    @Test func refusesBadOptionsNamingThem() throws {
        var options = LiveViewOptions()
        options.port = 70000
        #expect(throws: BrainKitError(.validation, object: "LiveView", parameter: "port", message: "must be in 0...65535, got 70000")) {
            try options.validate()
        }
        options = LiveViewOptions()
        options.speed = -1
        #expect(throws: BrainKitError.self) { try options.validate() }
        options = LiveViewOptions()
        options.dt = 0
        #expect(throws: BrainKitError.self) { try options.validate() }
        options = LiveViewOptions()
        options.host = ""
        #expect(throws: BrainKitError.self) { try options.validate() }
    }

    @Test func vocabulariesNeedOneFiniteVectorPerKey() throws {
        #expect(throws: BrainKitError.self) { try LiveViewOptions.Vocabulary(name: "v", keys: ["A"], vectors: []) }
        #expect(throws: BrainKitError.self) {
            try LiveViewOptions.Vocabulary(name: "v", keys: ["A", "B"], vectors: [[1, 0], [1]])
        }
        #expect(throws: BrainKitError.self) { try LiveViewOptions.Vocabulary(name: "v", keys: ["A"], vectors: [[.nan]]) }
        #expect(try LiveViewOptions.Vocabulary(name: "v", keys: ["A"], vectors: [[0, 1]]).dimensions == 2)
    }
}
