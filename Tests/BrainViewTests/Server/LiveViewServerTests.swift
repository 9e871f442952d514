import BrainCore
import BrainViewDemos
import Foundation
import Testing

@testable import BrainView

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The server without a browser: its files, the model's description, and where it listens.
@Suite(.serialized) struct LiveViewServerTests {
    /// Serves the oscillator on a free loopback port while `body` runs.
    private func serving(_ body: (URL, LiveView) async throws -> Void) async throws {
        var options = LiveViewOptions()
        options.port = 0
        options.startsRunning = false
        let view = try LiveView(network: try TalkOscillator().network, options: options)
        let (addresses, address) = AsyncStream.makeStream(of: URL.self)
        let server = Task { try await view.run { address.yield($0) } }
        defer { server.cancel() }
        var iterator = addresses.makeAsyncIterator()
        let url = try #require(await iterator.next())
        try await body(url, view)
    }

    @Test func servesThePageAndTheModel() async throws {
        try await serving { url, _ in
            let (page, pageResponse) = try await URLSession.shared.data(from: url)
            #expect((pageResponse as? HTTPURLResponse)?.statusCode == 200)
            #expect(String(decoding: page, as: UTF8.self).contains("<script src=\"/app.js\">"))
            let (script, _) = try await URLSession.shared.data(from: url.appendingPathComponent("app.js"))
            #expect(script.count > 1000)
            let (json, _) = try await URLSession.shared.data(from: url.appendingPathComponent("model.json"))
            let model = try JSONDecoder().decode(ModelDescription.self, from: json)
            #expect(model.name == "oscillator" && model.objects.count == 4 && model.dt == 0.001)
        }
    }

    /// The page is answered while other work holds every thread of Swift's shared pool: one
    /// thread runs this test (blocked on the request), the others are held by tasks that wait
    /// until the answer has come, or a minute.
    @Test func answersWhileTheSharedThreadsAreBusy() async throws {
        try await serving { url, _ in
            let port = try #require(url.port)
            let started = DispatchSemaphore(value: 0)
            let release = DispatchSemaphore(value: 0)
            let others = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
            let holders = (0..<others).map { _ in
                Task.detached {
                    started.signal()
                    return release.wait(timeout: .now() + 60) == .timedOut
                }
            }
            for _ in 0..<others { started.wait() }
            let page = try PlainHTTP.request(port: port, method: "GET", path: "/", body: nil)
            for _ in 0..<others { release.signal() }
            var heldUntilTimeout = false
            for holder in holders where await holder.value { heldUntilTimeout = true }
            #expect(String(decoding: page, as: UTF8.self).contains("<script src=\"/app.js\">"))
            #expect(!heldUntilTimeout, "the page came only once the shared threads were free")
        }
    }

    @Test func listensOnLoopbackOnly() async throws {
        try await serving { url, _ in
            #expect(url.host == "127.0.0.1")
            let port = try #require(url.port)
            #expect(Self.connects(to: "127.0.0.1", port: port))
            let others = Self.nonLoopbackAddresses()
            if others.isEmpty { print("LiveViewServerTests: no non-loopback IPv4 address to try") }
            for address in others { #expect(!Self.connects(to: address, port: port), "reached at \(address)") }
        }
    }

    /// Whether a TCP connection to `address:port` succeeds.
    static func connects(to address: String, port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var target = sockaddr_in()
        target.sin_family = sa_family_t(AF_INET)
        target.sin_port = UInt16(port).bigEndian
        target.sin_addr.s_addr = inet_addr(address)
        return withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// This machine's IPv4 addresses outside 127.0.0.0/8.
    static func nonLoopbackAddresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var addresses: [String] = []
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0
            else { continue }
            let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !text.hasPrefix("127.") { addresses.append(text) }
        }
        return addresses
    }
}
