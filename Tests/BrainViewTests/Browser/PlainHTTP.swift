import Foundation

/// One HTTP/1.1 request over a blocking TCP socket to a loopback port, closed after the answer:
/// chromedriver's answers, which Foundation's URLSession on Linux fails to read ("Failed
/// writing header").
enum PlainHTTP {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Sends `method path` with `body` (JSON) to 127.0.0.1:`port`; the answer's body.
    static func request(port: Int, method: String, path: String, body: Data?) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "no socket") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 90, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var target = sockaddr_in()
        target.sin_family = sa_family_t(AF_INET)
        target.sin_port = UInt16(port).bigEndian
        target.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else { throw Failure(description: "cannot connect to port \(port)") }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let body { head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n" }
        head += "\r\n"
        let request = Data(head.utf8) + (body ?? Data())
        try request.withUnsafeBytes { bytes in
            var sent = 0
            while sent < bytes.count {
                let n = send(fd, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
                guard n > 0 else { throw Failure(description: "send failed") }
                sent += n
            }
        }
        // Read until the body is complete (chromedriver may keep the connection open).
        var answer = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let split = answer.range(of: Data("\r\n\r\n".utf8)) {
                let headers = String(decoding: answer[..<split.lowerBound], as: UTF8.self).lowercased()
                let content = answer[split.upperBound...]
                if headers.contains("transfer-encoding: chunked") {
                    if content.range(of: Data("0\r\n\r\n".utf8)) != nil { return dechunk(Data(content)) }
                } else if let line = headers.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                    let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
                {
                    if content.count >= length { return Data(content.prefix(length)) }
                }
            }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            answer.append(contentsOf: buffer[0..<n])
        }
        guard let split = answer.range(of: Data("\r\n\r\n".utf8)) else {
            throw Failure(description: "no HTTP answer from port \(port)")
        }
        let content = answer[split.upperBound...]
        let headers = String(decoding: answer[..<split.lowerBound], as: UTF8.self).lowercased()
        return headers.contains("transfer-encoding: chunked") ? dechunk(Data(content)) : Data(content)
    }

    /// The body of a chunked answer.
    private static func dechunk(_ data: Data) -> Data {
        var body = Data()
        var rest = data[...]
        while let line = rest.range(of: Data("\r\n".utf8)),
            let size = Int(String(decoding: rest[..<line.lowerBound], as: UTF8.self).prefix { $0 != ";" }, radix: 16),
            size > 0, rest.distance(from: line.upperBound, to: rest.endIndex) >= size
        {
            let start = line.upperBound
            let end = rest.index(start, offsetBy: size)
            body.append(rest[start..<end])
            rest = rest[rest.index(end, offsetBy: min(2, rest.distance(from: end, to: rest.endIndex)))...]
        }
        return body
    }
}
