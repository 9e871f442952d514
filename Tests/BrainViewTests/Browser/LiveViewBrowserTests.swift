import BrainCore
import BrainViewDemos
import Foundation
import Testing

@testable import BrainView

/// The live view in a real browser (headless Chromium through chromedriver): the talk's
/// oscillator served on a free loopback port, driven as a user would drive it.
///
/// Runs once in `make test`; skipped (saying so) when OPENBLAS_CORETYPE is set, as under
/// `make test-portable`, since nothing here depends on BLAS.
@Suite(.serialized) struct LiveViewBrowserTests {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"

    /// Where the screenshots go: `.build/live-view/` in the package.
    static var outputDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/live-view")
    }

    @Test func oscillatorInTheBrowser() async throws {
        let model = try TalkOscillator(seed: 0)
        try await serve(model.network, options: LiveViewOptions()) { browser, view, url in
            try await drive(browser, view: view, url: url)
        }
    }

    /// nengo_spa's sequence: the similarity plot of the cortex's output, opened by the view's
    /// options, receives values and shows the State moving through the letters.
    @Test func spaSequenceSimilarityInTheBrowser() async throws {
        let model = try SPASequenceDemo(seed: 0)
        var options = LiveViewOptions()
        options.vocabularies = [model.vocabulary]
        options.initialPlots = [.init(label: "cortex/output", kind: .similarity)]
        try await serve(model.network, options: options) { browser, _, url in
            try await browser.open(url)
            try await browser.wait(
                for: "the similarity plot", "return document.querySelector(\".plot[data-kind='similarity']\") !== null")
            let channel = """
                (() => { const m = window.brainkit.model, net = m.networks.find(n => n.label === 'cortex');
                return m.objects.find(o => o.label === 'output' && o.network === net.id).channels.value; })()
                """
            try await browser.wait(
                for: "a second of values", "return (window.brainkit.channels.get(\(channel))?.count ?? 0) > 1000")
            // The letter most similar to the cortex's value, row by row over the last second:
            // the sequence goes through several of them.
            let leaders = """
                const d = window.brainkit.channels.get(\(channel)), v = window.brainkit.model.vocabularies[0];
                const seen = new Set();
                d.forEach(window.brainkit.step - 1000, (step, o) => {
                  let best = -1, key = null;
                  v.vectors.forEach((w, k) => { let s = 0; for (let i = 0; i < d.size; i++) s += w[i] * d.values[o + i]; if (s > best) { best = s; key = v.keys[k]; } });
                  if (best > 0.5) seen.add(key);
                });
                return Array.from(seen).sort();
                """
            let keys = try await browser.run(leaders) as? [String] ?? []
            print("live view test: spa-sequence's cortex led by \(keys) over a second")
            #expect(keys.count >= 3)
            try FileManager.default.createDirectory(at: Self.outputDirectory, withIntermediateDirectories: true)
            let picture = Self.outputDirectory.appendingPathComponent("spa-sequence.png")
            try await browser.screenshot().write(to: picture)
            print("live view test: screenshot \(picture.path)")
        }
    }

    /// Serves `network` on a free loopback port and drives it in headless Chromium with `body`.
    private func serve(
        _ network: sending Network, options: LiveViewOptions,
        _ body: (WebDriver, LiveView, URL) async throws -> Void
    ) async throws {
        if ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] != nil {
            print("LiveViewBrowserTests: skipped under OPENBLAS_CORETYPE (the browser test runs once, in make test)")
            return
        }
        guard FileManager.default.isExecutableFile(atPath: Self.chromedriver),
            FileManager.default.isExecutableFile(atPath: Self.chromium)
        else {
            Issue.record("the browser test needs Debian's chromium and chromium-driver: run `make deps`")
            return
        }
        var options = options
        options.port = 0
        let view = try LiveView(network: network, options: options)
        let (addresses, address) = AsyncStream.makeStream(of: URL.self)
        let server = Task { try await view.run { address.yield($0) } }
        defer { server.cancel() }
        var iterator = addresses.makeAsyncIterator()
        guard let url = await iterator.next() else { throw WebDriver.Failure(description: "the server did not start") }
        #expect(url.host == "127.0.0.1")
        print("live view test: serving \(url)")

        let browser = try await WebDriver(chromedriver: Self.chromedriver, chromium: Self.chromium)
        do {
            try await body(browser, view, url)
            await browser.quit()
        } catch {
            await browser.quit()
            throw error
        }
    }

    private func drive(_ browser: WebDriver, view: LiveView, url: URL) async throws {
        try await browser.open(url)

        // The graph: four objects, the oscillator's recurrent connection among the edges.
        try await browser.wait(for: "the graph", "return document.querySelectorAll('#graph .object').length === 4")
        #expect(try await browser.number("return document.querySelectorAll('#graph .edge').length") >= 4)
        try await browser.wait(for: "a connection", "return window.brainkit.connected === true")

        // A value plot of the oscillator, added from the graph.
        try await browser.click("#graph .object[data-label='oscillator']")
        try await browser.click("#menu [data-plot-kind='value']")
        try await browser.wait(for: "the value plot", "return document.querySelector(\".plot[data-kind='value']\") !== null")
        let channel = "window.brainkit.model.objects.find(o => o.label === 'oscillator').channels.value"
        try await browser.wait(for: "values", "return (window.brainkit.channels.get(\(channel))?.count ?? 0) > 50")

        // Values change over time.
        let first = try await browser.run("return window.brainkit.channels.get(\(channel)).latest()") as? [Double] ?? []
        let firstTime = try await browser.number("return window.brainkit.time")
        try await browser.wait(for: "time passing", "return window.brainkit.time > \(firstTime + 0.3)")
        let second = try await browser.run("return window.brainkit.channels.get(\(channel)).latest()") as? [Double] ?? []
        #expect(first.count == 2 && second.count == 2)
        #expect(first != second)

        // More plots: XY, spikes, voltages of the oscillator, the shape's value, a slider.
        for (label, kind) in [("oscillator", "xy"), ("oscillator", "spikes"), ("oscillator", "voltage"), ("shape", "value")] {
            try await browser.click("#graph .object[data-label='\(label)']")
            try await browser.click("#menu [data-plot-kind='\(kind)']")
        }
        try await browser.click("#graph .object[data-label='stimulus']")
        try await browser.click("#menu [data-plot-kind='slider']")
        try await browser.wait(for: "six plots", "return document.querySelectorAll('.plot').length === 6")
        let spikes = "window.brainkit.model.objects.find(o => o.label === 'oscillator').channels.spikes"
        try await browser.wait(
            for: "spikes",
            "const d = window.brainkit.channels.get(\(spikes)); return d !== undefined && d.count > 100 && d.values.some(v => v > 0)")

        // The screenshot, oscillating.
        try await browser.wait(for: "a second of plots", "return window.brainkit.time > 2.5")
        try FileManager.default.createDirectory(at: Self.outputDirectory, withIntermediateDirectories: true)
        let picture = Self.outputDirectory.appendingPathComponent("oscillator.png")
        try await browser.screenshot().write(to: picture)
        print("live view test: screenshot \(picture.path)")

        // The slider moves the stimulus; the shape ensemble and the oscillator follow: the
        // mean of the oscillator's state over one period (2π/4 s) moves.
        let meanState = """
            const d = window.brainkit.channels.get(\(channel)); const from = window.brainkit.step - Math.round(Math.PI / 2 / window.brainkit.model.dt);
            let s = [0, 0], n = 0; d.forEach(from, (step, o) => { s[0] += d.values[o]; s[1] += d.values[o + 1]; n += 1; }); return [s[0] / n, s[1] / n];
            """
        let shape = "window.brainkit.model.objects.find(o => o.label === 'shape').channels.value"
        try await browser.wait(for: "a full period", "return window.brainkit.time > 2")
        let before = try await browser.run(meanState) as? [Double] ?? []
        try await browser.run(
            "const r = document.querySelector(\".plot[data-kind='slider'] input[type=range]\"); r.value = 1; r.dispatchEvent(new Event('input'));")
        try await browser.wait(for: "the stimulus", "return window.brainkit.channels.get(\(shape)).latest()[0] > 0.6")
        let moved = try await browser.number("return window.brainkit.time")
        try await browser.wait(for: "a period with the stimulus", "return window.brainkit.time > \(moved + 2)")
        let after = try await browser.run(meanState) as? [Double] ?? []
        #expect(before.count == 2 && after.count == 2)
        let shift = before.count == 2 && after.count == 2 ? ((after[0] - before[0]) * (after[0] - before[0]) + (after[1] - before[1]) * (after[1] - before[1])).squareRoot() : 0
        print(String(format: "live view test: the oscillator's mean state over a period moved by %.3f after the slider (%@ → %@)", shift, "\(before)", "\(after)"))
        #expect(shift > 0.2)

        // A bad slider value is refused, with a message on the page.
        try await browser.type("not a number\n", into: ".plot[data-kind='slider'] input[type=text]")
        try await browser.wait(
            for: "the refusal", "return document.querySelector(\".plot[data-kind='slider'] .message\").textContent.includes('must be a number')")
        try await browser.type("1e40\n", into: ".plot[data-kind='slider'] input[type=text]")
        try await browser.wait(
            for: "the range refusal", "return document.querySelector(\".plot[data-kind='slider'] .message\").textContent.includes('single precision')")

        // Frames: their rate, measured over 2 s of running.
        let framesBefore = try await browser.number("return window.brainkit.framesReceived")
        let timeBefore = try await browser.number("return window.brainkit.time")
        let wallBefore = Date()
        try await Task.sleep(for: .seconds(2))
        let frames = try await browser.number("return window.brainkit.framesReceived") - framesBefore
        let simulated = try await browser.number("return window.brainkit.time") - timeBefore
        let wall = Date().timeIntervalSince(wallBefore)
        print(String(format: "live view test: %.1f frames/s received, %.3f simulated s per wall s (6 plots open)", frames / wall, simulated / wall))


        // A slow browser: the page's script blocked for 1.5 s. The simulation goes on (frames
        // are dropped only when the socket pushes back; SimulationLoopTests check that).
        let droppedBefore = view.statistics.framesDropped
        let stepsBefore = view.statistics.steps
        _ = try await browser.run("const end = performance.now() + 1500; while (performance.now() < end) {} return 0")
        let stepsDuringBlock = view.statistics.steps - stepsBefore
        let dropped = view.statistics.framesDropped - droppedBefore
        print("live view test: while the page was blocked 1.5 s the simulation ran \(stepsDuringBlock) steps; \(dropped) frames dropped")
        #expect(stepsDuringBlock > 100)

        // Faults from a client: malformed JSON, binary noise, an unknown command, an oversized
        // message, a disconnect and reconnect. The server and the simulation keep running.
        _ = try await browser.run(
            """
            window.faultReplies = [];
            const s = new WebSocket(`ws://${location.host}/live`); s.binaryType = 'arraybuffer';
            s.onmessage = e => {
              if (typeof e.data !== 'string') return;
              window.faultReplies.push(e.data);
              if (window.faultReplies.length === 6) s.send('x'.repeat(100000));
            };
            s.onopen = () => { s.send('{{'); s.send(new Uint8Array([1, 2, 3, 255])); s.send('{"cmd": "explode"}');
              s.send('{"cmd": "watch", "channel": 99999}'); s.send('{"cmd": "set", "object": 0, "values": [1]}');
              s.send('{"cmd": "speed", "value": -3}'); };
            window.faultSocket = s;
            """)
        try await browser.wait(for: "the refusals", "return window.faultReplies.length >= 6")
        try await browser.wait(for: "the oversized message closing its socket", "return window.faultSocket.readyState === 3")
        let replies = try await browser.run("return window.faultReplies") as? [String] ?? []
        #expect(replies.contains { $0.contains("JSON object") })
        #expect(replies.contains { $0.contains("unknown command") })
        #expect(replies.contains { $0.contains("no channel 99999") })
        #expect(replies.contains { $0.contains("not a node with a constant output") })
        #expect(replies.contains { $0.contains("binary messages are not commands") })
        #expect(replies.contains { $0.contains("speed must be a number >= 0") })
        _ = try await browser.run("window.brainkit.socket.close()")
        try await browser.wait(for: "the page reconnecting", "return window.brainkit.connected === false")
        try await browser.wait(for: "the page reconnected", "return window.brainkit.connected === true")
        let afterReconnect = try await browser.number("return window.brainkit.framesReceived")
        try await browser.wait(
            for: "frames after reconnecting", "return window.brainkit.framesReceived > \(afterReconnect + 10)")
        try await browser.wait(
            for: "values after reconnecting", "return window.brainkit.channels.get(\(channel)).count > 10")

        // Ten data plots open, as fast as possible; steps per wall-clock second.
        for (label, kind) in [("shape", "spikes"), ("shape", "voltage"), ("stimulus", "value"), ("kick", "value"), ("oscillator", "xy")] {
            try await browser.click("#graph .object[data-label='\(label)']")
            try await browser.click("#menu [data-plot-kind='\(kind)']")
        }
        try await browser.wait(
            for: "ten data plots", "return document.querySelectorAll(\".plot:not([data-kind='slider'])\").length === 10")
        print("live view test: at real time the simulation fell behind \(view.statistics.fallsBehind) times")
        try await browser.run("const s = document.getElementById('speed'); s.value = '0'; s.dispatchEvent(new Event('change'));")
        try await browser.wait(for: "full speed", "return window.brainkit.rate > 1.5")
        let live0 = view.statistics, wall0 = Date()
        try await Task.sleep(for: .seconds(4))
        let live1 = view.statistics, liveWall = Date().timeIntervalSince(wall0)
        let liveRate = Double(live1.steps - live0.steps) / liveWall
        let frameRate = Double(live1.framesSent - live0.framesSent) / liveWall
        try await browser.run("const s = document.getElementById('speed'); s.value = '1'; s.dispatchEvent(new Event('change'));")

        // Pause: time stops, on the page and in the simulation.
        try await browser.click("#play")
        try await browser.wait(for: "the pause", "return window.brainkit.running === false")
        try await Task.sleep(for: .milliseconds(300))
        let pausedTime = try await browser.number("return window.brainkit.time")
        let pausedSteps = view.statistics.steps
        try await Task.sleep(for: .seconds(1))
        #expect(try await browser.number("return window.brainkit.time") == pausedTime)
        #expect(view.statistics.steps == pausedSteps)
        #expect(try await browser.run("return document.getElementById('rate').textContent") as? String == "paused")

        print(
            String(
                format: "live view test: oscillator %.0f steps/s live (10 plots, as fast as possible, %.1f frames/s sent; the overhead against the plain model is measured by bench/live_view_overhead.py)",
                liveRate, frameRate))

        // Play and reset: time goes back to (near) zero and runs again.
        try await browser.click("#play")
        try await browser.wait(for: "running again", "return window.brainkit.running === true && window.brainkit.time > \(pausedTime)")
        try await browser.click("#reset")
        try await browser.wait(for: "the reset", "return window.brainkit.time < \(pausedTime)")
    }
}
