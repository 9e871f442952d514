import Foundation

/// A small W3C WebDriver client for chromedriver and headless Chromium: a session, page
/// navigation, elements by CSS selector, clicks, scripts and screenshots (JSON over HTTP).
final class WebDriver {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let driver: Process
    private let port: Int
    private var session = ""

    /// Starts chromedriver on a free port and opens a headless Chromium session.
    init(chromedriver: String, chromium: String, width: Int = 1400, height: Int = 900) async throws {
        port = try WebDriver.freePort()
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: chromedriver)
        driver.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        // A plain environment: the test process's own (toolchain library paths, preloads)
        // can keep Chromium from starting.
        let environment = ProcessInfo.processInfo.environment
        driver.environment = [
            "PATH": "/usr/bin:/bin", "HOME": environment["HOME"] ?? "/tmp", "TMPDIR": environment["TMPDIR"] ?? "/tmp",
        ]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        // chromedriver answers /status once it listens.
        var ready = false
        var lastError = ""
        for _ in 0..<200 where !ready && driver.isRunning {
            do {
                _ = try await request("GET", "/status")
                ready = true
            } catch {
                lastError = "\(error)"
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        guard ready else {
            stopDriver()
            let status = driver.isRunning ? "running" : "exited with \(driver.terminationStatus)"
            throw Failure(description: "chromedriver did not answer on port \(port) (\(status); \(lastError))")
        }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": chromium,
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--window-size=\(width),\(height)", "--hide-scrollbars",
                        ],
                    ],
                ]
            ]
        ]
        let created = try? await request("POST", "/session", capabilities)
        guard let value = created?["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            stopDriver()
            throw Failure(description: "no session: \(String(describing: created))")
        }
        session = id
    }

    /// Ends the session and chromedriver.
    func quit() async {
        _ = try? await request("DELETE", "/session/\(session)")
        stopDriver()
    }

    /// Kills chromedriver: SIGKILL, since a process under a server that handles SIGTERM itself
    /// (the live view's) starts its children with SIGTERM ignored.
    private func stopDriver() {
        kill(driver.processIdentifier, SIGKILL)
        driver.waitUntilExit()
    }

    func open(_ url: URL) async throws {
        _ = try await command("POST", "url", ["url": url.absoluteString])
    }

    /// The id of the first element matching `selector`, or nil.
    func element(_ selector: String) async throws -> String? {
        guard let found = try? await command("POST", "element", ["using": "css selector", "value": selector]),
            let value = found as? [String: Any]
        else { return nil }
        return value.values.first as? String
    }

    func click(_ selector: String) async throws {
        guard let id = try await element(selector) else { throw Failure(description: "no element \(selector)") }
        _ = try await command("POST", "element/\(id)/click", [:])
    }

    /// Types `text` into the element matching `selector` (after clearing it).
    func type(_ text: String, into selector: String) async throws {
        guard let id = try await element(selector) else { throw Failure(description: "no element \(selector)") }
        _ = try await command("POST", "element/\(id)/clear", [:])
        _ = try await command("POST", "element/\(id)/value", ["text": text])
    }

    /// Runs `script` (a function body; `return` gives the result) in the page.
    @discardableResult
    func run(_ script: String, _ arguments: [Any] = []) async throws -> Any {
        try await command("POST", "execute/sync", ["script": script, "args": arguments])
    }

    func number(_ script: String) async throws -> Double {
        let value = try await run(script)
        guard let number = value as? NSNumber else { throw Failure(description: "not a number: \(value) from \(script)") }
        return number.doubleValue
    }

    /// Polls `script` every 50 ms until it returns true; fails after `seconds` (a wait for
    /// the page, not a measurement), having asked once more after the deadline, so a test
    /// whose own thread was held past it still sees the page.
    func wait(for description: String, seconds: Double = 30, _ script: String) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if (try? await run(script)) as? Bool == true { return }
            if Date() >= deadline { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(description: "the page never showed \(description) (\(script))")
    }

    /// A PNG of the whole window.
    func screenshot() async throws -> Data {
        guard let text = try await command("GET", "screenshot", nil) as? String, let data = Data(base64Encoded: text)
        else { throw Failure(description: "no screenshot") }
        return data
    }

    // MARK: - HTTP

    private func command(_ method: String, _ path: String, _ body: [String: Any]?) async throws -> Any {
        let answer = try await request(method, "/session/\(session)/\(path)", body)
        if let value = answer["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "\(path): \(error): \(value["message"] ?? "")")
        }
        return answer["value"] ?? NSNull()
    }

    private func request(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> [String: Any] {
        let data = try PlainHTTP.request(
            port: port, method: method, path: path, body: try body.map { try JSONSerialization.data(withJSONObject: $0) })
        return (try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any]) ?? [:]
    }

    /// A TCP port nothing listens on now (bound and released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw Failure(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
