import Foundation

/// The page's files (HTML, script, style), read once from the target's resources.
struct PageFiles: Sendable {
    struct File: Sendable {
        let bytes: [UInt8]
        let contentType: String
    }

    /// The files by URL path (`/` is `index.html`).
    let files: [String: File]

    static let names: [(name: String, type: String)] = [
        ("index.html", "text/html; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"),
        ("style.css", "text/css; charset=utf-8"),
    ]

    /// Reads the files from the bundle; a missing file is served as a line saying so.
    init() {
        var files: [String: File] = [:]
        let directory = Bundle.module.url(forResource: "Page", withExtension: nil)
        for (name, type) in PageFiles.names {
            let bytes = directory.flatMap { try? Data(contentsOf: $0.appendingPathComponent(name)) }
            files["/" + name] = File(bytes: Array(bytes ?? Data("missing \(name)".utf8)), contentType: type)
        }
        files["/"] = files["/index.html"]
        self.files = files
    }
}
