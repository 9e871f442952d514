import BrainCore
import Foundation
import Testing

@testable import BrainView

/// The loop on its own thread, with clients that are plain streams (no server).
@Suite(.serialized) struct SimulationLoopTests {
    /// A small model: a constant node into a 50-neuron ensemble.
    private func makeLoop(speed: Double, running: Bool = true) throws -> (SimulationLoop, ModelDescription) {
        let net = try Network(label: "small", seed: 1)
        let input = try net.node(label: "input", output: 0.5)
        let ensemble = try net.ensemble(label: "a", neurons: 50, dimensions: 1)
        try net.connect(input, to: ensemble)
        var options = LiveViewOptions()
        options.speed = speed
        let catalog = try ViewCatalog(network: net, options: options)
        let description = catalog.description
        let simulator = try Simulator(net, threads: 1, probeStorage: .latestOnly)
        let loop = SimulationLoop(
            engine: LoopEngine(simulator: simulator, catalog: catalog), running: running, speed: speed)
        return (loop, description)
    }

    /// Runs `loop` on a thread until `body` returns, then stops it.
    private func running<T>(_ loop: SimulationLoop, _ body: () async throws -> T) async rethrows -> T {
        let thread = Thread { loop.run() }
        thread.start()
        defer { loop.stop() }
        return try await body()
    }

    /// Polls until `condition` holds (a wait, not a measurement; fails after 60 s).
    private func wait(_ what: String, _ condition: () -> Bool) async throws {
        for _ in 0..<6000 {
            if condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("never: \(what)")
    }

    @Test func aClientThatTakesNothingLosesFramesAndTheSimulationGoesOn() async throws {
        let (loop, catalog) = try makeLoop(speed: 0)
        let (frames, frameInput) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(1))
        let (_, messageInput) = AsyncStream.makeStream(of: String.self)
        let client = loop.connect(.init(frames: frameInput, messages: messageInput))
        let value = try #require(catalog.objects.first { $0.label == "a" }?.channels["value"])
        loop.receive(#"{"cmd": "watch", "channel": \#(value)}"#, from: client)
        try await running(loop) {
            try await wait("ten dropped frames") { loop.statistics.framesDropped >= 10 }
        }
        let statistics = loop.statistics
        #expect(statistics.steps > 0 && statistics.watchedChannels == 1)
        #expect(statistics.framesDropped == statistics.framesSent - 1)
        // The one frame kept is the newest: it holds the value channel.
        var iterator = frames.makeAsyncIterator()
        let frame = try #require(await iterator.next())
        #expect(frame.count > 40 + 24)
        loop.disconnect(client)
    }

    @Test func pauseStopsTimeAndPlayResumes() async throws {
        let (loop, _) = try makeLoop(speed: 1)
        let (_, frameInput) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(1))
        let (_, messageInput) = AsyncStream.makeStream(of: String.self)
        let client = loop.connect(.init(frames: frameInput, messages: messageInput))
        try await running(loop) {
            try await wait("100 steps") { loop.statistics.steps >= 100 }
            loop.receive(#"{"cmd": "pause"}"#, from: client)
            try await wait("the pause") { !loop.statistics.running }
            let steps = loop.statistics.steps
            try await Task.sleep(for: .milliseconds(200))
            #expect(loop.statistics.steps == steps)
            loop.receive(#"{"cmd": "play"}"#, from: client)
            try await wait("steps again") { loop.statistics.steps > steps }
        }
    }

    @Test func refusalsGoBackToTheClientThatAsked() async throws {
        let (loop, catalog) = try makeLoop(speed: 1)
        let (_, frameInput) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(1))
        let (messages, messageInput) = AsyncStream.makeStream(of: String.self)
        let client = loop.connect(.init(frames: frameInput, messages: messageInput))
        let node = try #require(catalog.objects.first { $0.label == "input" }?.id)
        let ensemble = try #require(catalog.objects.first { $0.label == "a" }?.id)
        var replies: [String] = []
        await running(loop) {
            loop.receive("{{", from: client)
            loop.receive(#"{"cmd": "watch", "channel": 1000}"#, from: client)
            loop.receive(#"{"cmd": "set", "object": \#(node), "values": ["abc"]}"#, from: client)
            loop.receive(#"{"cmd": "set", "object": \#(node), "values": [1, 2]}"#, from: client)
            loop.receive(#"{"cmd": "set", "object": \#(ensemble), "values": [1]}"#, from: client)
            loop.receive(#"{"cmd": "set", "object": \#(node), "values": ["0.75"]}"#, from: client)
            var iterator = messages.makeAsyncIterator()
            for _ in 0..<6 { if let reply = await iterator.next() { replies.append(reply) } }
        }
        #expect(replies[0].contains("JSON object"))
        #expect(replies.contains { $0.contains("no channel 1000") })
        #expect(replies.contains { $0.contains("must be a number, got 'abc'") })
        #expect(replies.contains { $0.contains("must have 1 values, got 2") })
        #expect(replies.contains { $0.contains("not a node with a constant output") })
        #expect(replies.contains { $0.contains("\"type\":\"set\"") && $0.contains("0.75") })
    }

    @Test func aValueChannelComputesOnlyWhileWatched() throws {
        let net = try Network(label: "small", seed: 1)
        let input = try net.node(label: "input", output: 0.5)
        let ensemble = try net.ensemble(label: "a", neurons: 50, dimensions: 1)
        try net.connect(input, to: ensemble)
        let catalog = try ViewCatalog(network: net, options: LiveViewOptions())
        let simulator = try Simulator(net, threads: 1, probeStorage: .latestOnly)
        var engine = LoopEngine(simulator: simulator, catalog: catalog)
        let channel = try #require(catalog.description.objects.first { $0.label == "a" }?.channels["value"])
        var value: [Float] = [.nan]
        _ = try engine.step(300, until: .infinity)
        try value.withUnsafeMutableBufferPointer { try simulator.latest(catalog.probes[channel], into: $0) }
        #expect(value == [0])
        #expect(engine.watch(channel, client: 0) == nil)
        _ = try engine.step(300, until: .infinity)
        try value.withUnsafeMutableBufferPointer { try simulator.latest(catalog.probes[channel], into: $0) }
        #expect(abs(value[0] - 0.5) < 0.15)
    }
}
