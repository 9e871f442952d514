import Foundation
import Testing

@testable import BrainCore

/// The terminal bar: its text is a pure function of stage, fraction and elapsed time; it draws
/// only on a terminal and not in CI; it throttles redraws and ends a stage with a newline.
@Suite("Terminal progress bar")
struct TerminalProgressBarTests {
    @Test func lineShowsBarPercentAndEstimate() {
        #expect(
            TerminalProgressBar.line(.run, fraction: 0.5, elapsed: 10)
                == "Simulating [###############               ]  50% ETA 0:00:10")
        #expect(
            TerminalProgressBar.line(.build, fraction: 0, elapsed: 3)
                == "Building   [                              ]   0% ETA --:--:--")
        #expect(
            TerminalProgressBar.line(.run, fraction: 0.25, elapsed: 1200)
                == "Simulating [#######                       ]  25% ETA 1:00:00")
        #expect(
            TerminalProgressBar.line(.run, fraction: 0.999, elapsed: 0.5)
                == "Simulating [############################# ]  99% ETA 0:00:01")
    }

    @Test func lineClampsOutOfRangeFractions() {
        #expect(TerminalProgressBar.line(.run, fraction: 2, elapsed: 1).contains("100% ETA 0:00:00"))
        #expect(TerminalProgressBar.line(.run, fraction: -1, elapsed: 1).contains("  0% ETA --:--:--"))
        #expect(TerminalProgressBar.line(.run, fraction: .nan, elapsed: 1).contains("  0% ETA --:--:--"))
    }

    @Test func finishedLinesAndDurations() {
        #expect(TerminalProgressBar.finishedLine(.build, elapsed: 0.2) == "Build finished in 0:00:01.")
        #expect(TerminalProgressBar.finishedLine(.run, elapsed: 3725) == "Simulation finished in 1:02:05.")
        #expect(TerminalProgressBar.duration(0) == "0:00:00")
        #expect(TerminalProgressBar.duration(-5) == "0:00:00")
        #expect(TerminalProgressBar.duration(.infinity) == "0:00:00")
        #expect(TerminalProgressBar.duration(59.5) == "0:01:00")
    }

    /// A pipe is not a terminal: no bar, so nothing is written.
    @Test func noBarWhenNotATerminal() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        #expect(TerminalProgressBar.forTerminal(fileDescriptor: fds[1], environment: [:]) == nil)
        // Standard error under a test runner whose stderr is redirected: no bar either.
        if isatty(STDERR_FILENO) == 0 {
            #expect(TerminalProgressBar.standardError() == nil)
        }
    }

    /// A pseudo-terminal is one: a bar, unless CI is set or TERM is dumb; what it draws arrives.
    @Test func barOnATerminalButNotInCI() throws {
        let pty = try #require(PseudoTerminal.functions(), "libc's pseudo-terminal functions not found")
        let primary = pty.open(O_RDWR | O_NOCTTY)
        try #require(primary >= 0, "no pseudo-terminal available")
        defer { close(primary) }
        #expect(pty.grant(primary) == 0 && pty.unlock(primary) == 0)
        let name = try #require(pty.name(primary).map { String(cString: $0) })
        let secondary = open(name, O_RDWR | O_NOCTTY)
        try #require(secondary >= 0)
        defer { close(secondary) }
        #expect(TerminalProgressBar.forTerminal(fileDescriptor: secondary, environment: ["CI": "true"]) == nil)
        #expect(TerminalProgressBar.forTerminal(fileDescriptor: secondary, environment: ["TERM": "dumb"]) == nil)
        let bar = try #require(TerminalProgressBar.forTerminal(fileDescriptor: secondary, environment: ["TERM": "xterm"]))
        bar.observe(SimulationProgress(stage: .run, completed: 0, total: 2))
        bar.observe(SimulationProgress(stage: .run, completed: 2, total: 2))
        // A pseudo-terminal may hand each write to a separate read: read until the stage's
        // closing newline arrives, or nothing more comes within a second.
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var ready = pollfd(fd: primary, events: Int16(POLLIN), revents: 0)
        while !bytes.contains(UInt8(ascii: "\n")), poll(&ready, 1, 1000) > 0 {
            let count = read(primary, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer.prefix(count)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("Simulating ["))
        #expect(text.contains("Simulation finished in 0:00:0"))
    }

    /// Redraws are throttled to one per 0.1 s; the first and the finishing report always draw.
    @Test func redrawsAreThrottledAndStagesEndWithANewline() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        var now = 0.0
        let bar = TerminalProgressBar(fileDescriptor: fds[1], clock: { now })
        for k in 0...100 {
            now = Double(k) * 0.01  // 1 s in all: 11 redraws at most (0, 0.1, ..., 1.0)
            bar.observe(SimulationProgress(stage: .build, completed: k, total: 100))
        }
        close(fds[1])
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while case let count = read(fds[0], &buffer, buffer.count), count > 0 { bytes += buffer.prefix(count) }
        let text = String(decoding: bytes, as: UTF8.self)
        let draws = text.components(separatedBy: "\r").filter { !$0.isEmpty }
        #expect(draws.count >= 10 && draws.count <= 11)
        #expect(draws.first?.hasPrefix("Building   [") == true)
        #expect(draws.last == "Build finished in 0:00:01.\u{1B}[K\n")
        #expect(text.filter { $0 == "\n" }.count == 1)
    }
}

/// libc's pseudo-terminal functions, looked up at run time (Glibc's module hides them behind
/// `_XOPEN_SOURCE`).
enum PseudoTerminal {
    typealias IntFunction = @convention(c) (Int32) -> Int32
    typealias NameFunction = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    static func functions() -> (open: IntFunction, grant: IntFunction, unlock: IntFunction, name: NameFunction)? {
        let handle = dlopen(nil, RTLD_NOW)
        guard let open = dlsym(handle, "posix_openpt"), let grant = dlsym(handle, "grantpt"),
            let unlock = dlsym(handle, "unlockpt"), let name = dlsym(handle, "ptsname")
        else { return nil }
        return (
            unsafeBitCast(open, to: IntFunction.self), unsafeBitCast(grant, to: IntFunction.self),
            unsafeBitCast(unlock, to: IntFunction.self), unsafeBitCast(name, to: NameFunction.self)
        )
    }
}
