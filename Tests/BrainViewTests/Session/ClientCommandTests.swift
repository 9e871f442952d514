import Testing

@testable import BrainView

struct ClientCommandTests {
    @Test func parsesEveryCommand() throws {
        #expect(try ClientCommand.parse(#"{"cmd": "play"}"#) == .play)
        #expect(try ClientCommand.parse(#"{"cmd": "pause"}"#) == .pause)
        #expect(try ClientCommand.parse(#"{"cmd": "reset"}"#) == .reset)
        #expect(try ClientCommand.parse(#"{"cmd": "speed", "value": 0.5}"#) == .speed(0.5))
        #expect(try ClientCommand.parse(#"{"cmd": "watch", "channel": 3}"#) == .watch(channel: 3))
        #expect(try ClientCommand.parse(#"{"cmd": "unwatch", "channel": 3}"#) == .unwatch(channel: 3))
        #expect(
            try ClientCommand.parse(#"{"cmd": "set", "object": 2, "values": [0.25, "abc"]}"#)
                == .set(object: 2, values: ["0.25", "abc"]))
    }

    @Test(arguments: [
        "", "{{", "[1, 2]", #"{"cmd": 3}"#, #"{"cmd": "explode"}"#, #"{"cmd": "speed", "value": -1}"#,
        #"{"cmd": "speed"}"#, #"{"cmd": "watch", "channel": 1.5}"#, #"{"cmd": "watch", "channel": "x"}"#,
        #"{"cmd": "set", "object": 1}"#, #"{"cmd": "set", "object": 1, "values": 3}"#,
    ])
    func refusesMalformedCommands(_ text: String) {
        #expect(throws: ViewMessageError.self) { try ClientCommand.parse(text) }
    }

    @Test func refusesOversizedCommands() {
        let text = #"{"cmd": "play", "pad": ""# + String(repeating: "x", count: ClientCommand.maxBytes) + #""}"#
        #expect(throws: ViewMessageError("a command must be at most 4096 bytes, got \(text.utf8.count)")) {
            try ClientCommand.parse(text)
        }
    }
}
