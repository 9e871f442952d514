import Foundation

/// A `.npy` file of `Float` rows written while they are produced: a fixed 128-byte header
/// (version 1.0, `<f4`, C order) whose shape `(rows, columns)` is rewritten in place after
/// each append, then the rows, little-endian. NumPy reads the header's spaces as padding, so
/// the file is a valid `.npy` after every append.
///
/// Every failure is a ``BrainKitError`` of kind `.io` naming `object` and the path.
final class NPYStreamFile {
    /// The header's length in bytes, data included from here: 64-byte aligned, room for two
    /// 20-digit dimensions.
    static let headerLength = 128
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY

    let url: URL
    let columns: Int
    private let object: String
    private var descriptor: Int32
    private(set) var rows = 0

    /// Creates (or replaces) the file at `url` holding 0 rows of `columns` values.
    init(url: URL, columns: Int, object: String) throws(BrainKitError) {
        self.url = url
        self.columns = columns
        self.object = object
        descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw NPYStreamFile.failure(object, "create", url) }
        try writeHeader()
        // The header is written with pwrite, which leaves the file offset at 0: rows go after it.
        guard lseek(descriptor, off_t(NPYStreamFile.headerLength), SEEK_SET) >= 0 else {
            throw NPYStreamFile.failure(object, "seek in", url)
        }
    }

    deinit {
        if descriptor >= 0 { _ = Foundation.close(descriptor) }
    }

    /// Appends `count` rows (`count · columns` floats from `values`) and rewrites the header.
    /// On a big-endian host the values are byte-swapped in place first.
    func append(_ values: UnsafeMutablePointer<Float>, rows count: Int) throws(BrainKitError) {
        try checkOpen()
        var remaining = count * columns * MemoryLayout<Float>.size
        var bytes = UnsafeRawPointer(values)
        #if _endian(big)
            for i in 0..<(count * columns) { values[i] = Float(bitPattern: values[i].bitPattern.littleEndian) }
        #endif
        while remaining > 0 {
            let written = write(descriptor, bytes, remaining)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw NPYStreamFile.failure(object, "write", url) }
            remaining -= written
            bytes += written
        }
        rows += count
        try writeHeader()
    }

    /// Cuts the file back to its first `kept` rows (0 by default: the header alone); `kept`
    /// is clamped to `0...rows`.
    func truncate(keeping kept: Int = 0) throws(BrainKitError) {
        try checkOpen()
        let kept = min(max(kept, 0), rows)
        let end = off_t(NPYStreamFile.headerLength + kept * columns * MemoryLayout<Float>.size)
        guard ftruncate(descriptor, end) == 0, lseek(descriptor, end, SEEK_SET) >= 0
        else { throw NPYStreamFile.failure(object, "truncate", url) }
        rows = kept
        try writeHeader()
    }

    /// Closes the file; it stays readable.
    func close() {
        if descriptor >= 0 { _ = Foundation.close(descriptor) }
        descriptor = -1
    }

    private func checkOpen() throws(BrainKitError) {
        guard descriptor >= 0 else { throw .io(object, nil, "cannot write \(url.path): the file is closed") }
    }

    private func writeHeader() throws(BrainKitError) {
        let header = NPYStreamFile.header(rows: rows, columns: columns)
        let written = header.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        guard written == header.count else { throw NPYStreamFile.failure(object, "write", url) }
    }

    /// The 128 header bytes for `rows` × `columns`.
    static func header(rows: Int, columns: Int) -> [UInt8] {
        let dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(rows), \(columns)), }"
        let length = headerLength - 10
        var bytes = magic + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)]
        bytes += Array(dict.utf8)
        bytes += [UInt8](repeating: 0x20, count: headerLength - 1 - bytes.count)
        bytes.append(0x0A)
        return bytes
    }

    private static func failure(_ object: String, _ action: String, _ url: URL) -> BrainKitError {
        .io(object, nil, "cannot \(action) \(url.path): \(String(cString: strerror(errno)))")
    }
}

extension NPYStreamFile {
    /// Reads a 2-D `<f4` `.npy` file (version 1.0, C order) as a rows × columns matrix.
    /// - Throws: ``BrainKitError`` (`.io`) when the file cannot be read or is not such a file,
    ///   or holds fewer values than its header's shape.
    static func read(_ url: URL, object: String) throws(BrainKitError) -> Matrix {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .io(object, nil, "cannot read \(url.path): \(error.localizedDescription)")
        }
        let bytes = [UInt8](data)
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic, bytes[6] == 1 else {
            throw .io(object, nil, "\(url.path) is not a version 1.0 .npy file")
        }
        let start = 10 + (Int(bytes[8]) | Int(bytes[9]) << 8)
        guard start <= bytes.count else { throw .io(object, nil, "\(url.path) is truncated in its header") }
        let header = String(decoding: bytes[10..<start], as: UTF8.self)
        guard header.contains("'descr': '<f4'"), header.contains("'fortran_order': False"),
            let open = header.range(of: "'shape': ("), let close = header[open.upperBound...].firstIndex(of: ")")
        else { throw .io(object, nil, "\(url.path) is not a C-order <f4 .npy file") }
        let shape = header[open.upperBound..<close].split(separator: ",").compactMap {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        guard shape.count == 2, shape[0] >= 0, shape[1] >= 0 else {
            throw .io(object, nil, "\(url.path) has shape (\(header[open.upperBound..<close])); 2 dimensions expected")
        }
        let (count, overflow) = shape[0].multipliedReportingOverflow(by: shape[1])
        guard !overflow, count <= (bytes.count - start) / 4 else {
            throw .io(
                object, nil,
                "\(url.path) holds \((bytes.count - start) / 4) values, fewer than its shape \(shape[0]) × \(shape[1])")
        }
        var values = [Double](repeating: 0, count: count)
        bytes.withUnsafeBytes { raw in
            for i in 0..<count {
                let bits = raw.loadUnaligned(fromByteOffset: start + 4 * i, as: UInt32.self)
                values[i] = Double(Float(bitPattern: UInt32(littleEndian: bits)))
            }
        }
        return Matrix(rows: shape[0], columns: shape[1], values: values)
    }
}
