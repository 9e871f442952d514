import Foundation
import BrainCore

/// A zip archive of uncompressed ("stored", method 0) files, as `numpy.savez` writes:
/// local headers, the data, a central directory and its end record, with CRC-32 checks and a
/// fixed timestamp (1980-01-01 00:00), so the same entries always give the same bytes.
///
/// Without ZIP64, an archive holds at most 65,535 entries and 4 GiB − 1 byte in all; larger
/// archives are refused with an error. The reader takes stored entries only (not
/// `numpy.savez_compressed`'s deflated ones) and checks every CRC.
enum StoredZip {
    struct Entry {
        var name: String
        var data: Data
    }

    private static let localSignature: UInt32 = 0x0403_4B50
    private static let centralSignature: UInt32 = 0x0201_4B50
    private static let endSignature: UInt32 = 0x0605_4B50
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1  // 1980-01-01
    private static let version: UInt16 = 20  // 2.0: stored entries

    static func archive(_ entries: [Entry], object: String) throws(BrainKitError) -> Data {
        guard entries.count < 0xFFFF else {
            throw .io(object, nil, "has \(entries.count) entries; a zip without ZIP64 holds at most 65,534")
        }
        var out = Data()
        var central = Data()
        for entry in entries {
            let name = Array(entry.name.utf8)
            guard name.count <= 0xFFFF else { throw .io(object, "name", "is longer than 65,535 bytes") }
            let offset = out.count
            guard offset + 30 + name.count + entry.data.count < 0xFFFF_FFFF else {
                throw .io(object, nil, "exceeds 4 GiB, the limit of a zip without ZIP64")
            }
            let crc = CRC32.checksum(entry.data)
            let size = UInt32(entry.data.count)
            // Bit 11: the name is UTF-8 (only needed beyond ASCII).
            let flags: UInt16 = name.allSatisfy { $0 < 0x80 } ? 0 : 0x0800
            out.appendLE(localSignature)
            out.appendLE(version, flags, 0 /* stored */, 0 /* time */, dosDate)
            out.appendLE(crc, size, size)
            out.appendLE(UInt16(name.count), 0 /* extra */)
            out.append(contentsOf: name)
            out.append(entry.data)

            central.appendLE(centralSignature)
            central.appendLE(version, version, flags, 0, 0, dosDate)
            central.appendLE(crc, size, size)
            central.appendLE(UInt16(name.count), 0, 0, 0, 0)
            central.appendLE(UInt32(0), UInt32(offset))
            central.append(contentsOf: name)
        }
        let centralOffset = out.count
        guard centralOffset + central.count < 0xFFFF_FFFF else {
            throw .io(object, nil, "exceeds 4 GiB, the limit of a zip without ZIP64")
        }
        out.append(central)
        out.appendLE(endSignature)
        out.appendLE(0, 0, UInt16(entries.count), UInt16(entries.count))
        out.appendLE(UInt32(central.count), UInt32(centralOffset))
        out.appendLE(UInt16(0))
        return out
    }

    /// The entries of a zip archive, in central-directory order.
    static func entries(of data: Data, object: String) throws(BrainKitError) -> [Entry] {
        let b = [UInt8](data)
        func u16(_ i: Int) throws(BrainKitError) -> Int {
            guard i >= 0, i + 2 <= b.count else { throw .io(object, nil, "is truncated (not a complete zip archive)") }
            return Int(b[i]) | Int(b[i + 1]) << 8
        }
        func u32(_ i: Int) throws(BrainKitError) -> Int {
            guard i >= 0, i + 4 <= b.count else { throw .io(object, nil, "is truncated (not a complete zip archive)") }
            return Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 | Int(b[i + 3]) << 24
        }
        // The end record is the last 22 bytes, or earlier when the archive has a comment.
        var end = b.count - 22
        let earliest = max(0, b.count - 22 - 0xFFFF)
        while end >= earliest, try u32(end) != Int(endSignature) { end -= 1 }
        guard end >= earliest, b.count >= 22 else { throw .io(object, nil, "is not a zip archive (no end record)") }
        let count = try u16(end + 10)
        var position = try u32(end + 16)
        var entries: [Entry] = []
        for _ in 0..<count {
            guard try u32(position) == Int(centralSignature) else {
                throw .io(object, nil, "has a damaged central directory")
            }
            let method = try u16(position + 10)
            let crc = try u32(position + 16)
            let compressed = try u32(position + 20)
            let size = try u32(position + 24)
            let nameLength = try u16(position + 28)
            let extraLength = try u16(position + 30)
            let commentLength = try u16(position + 32)
            let local = try u32(position + 42)
            guard position + 46 + nameLength <= b.count else { throw .io(object, nil, "is truncated") }
            let name = String(decoding: b[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            guard method == 0, compressed == size else {
                throw .io(
                    object, nil,
                    "entry '\(name)' is compressed (method \(method)); only stored entries are read (numpy.savez, not savez_compressed)")
            }
            guard try u32(local) == Int(localSignature) else {
                throw .io(object, nil, "entry '\(name)' has a damaged local header")
            }
            let start = local + 30 + (try u16(local + 26)) + (try u16(local + 28))
            guard start + size <= b.count else { throw .io(object, nil, "entry '\(name)' is truncated") }
            let content = Data(b[start..<(start + size)])
            guard CRC32.checksum(content) == UInt32(crc) else {
                throw .io(object, nil, "entry '\(name)' fails its CRC-32 check")
            }
            entries.append(Entry(name: name, data: content))
            position += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }
}

extension Data {
    /// Appends integers little-endian, as zip stores them.
    fileprivate mutating func appendLE(_ values: UInt16...) {
        for value in values { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
    }

    fileprivate mutating func appendLE(_ values: UInt32...) {
        for value in values { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
    }
}
