import Foundation
import BrainCore

/// The `.npy` format, version 1.0: the magic `\x93NUMPY`, version bytes 1 0, a little-endian
/// 2-byte header length, a Python dict literal
/// `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }` padded with spaces and a
/// newline so the data starts at a multiple of 64 bytes, then the values in C order.
///
/// The reader also takes versions 2.0 and 3.0 (4-byte header length), as NumPy writes for
/// very large headers; it takes the dtypes `<f4`, `<f8`, `<i8` in C order only.
enum NPYFormat {
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY

    static func encode(_ array: NPYArray) -> Data {
        var header = "{'descr': '\(array.dtype)', 'fortran_order': False, 'shape': \(NPYArray.describe(array.shape)), }"
        let unpadded = magic.count + 2 + 2 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data(magic)
        data.append(contentsOf: [1, 0])
        let length = UInt16(header.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
        data.append(contentsOf: Array(header.utf8))
        switch array.values {
        case .float32(let values):
            appendLittleEndian(values.map(\.bitPattern), to: &data)
        case .float64(let values):
            appendLittleEndian(values.map(\.bitPattern), to: &data)
        case .int64(let values):
            appendLittleEndian(values.map { UInt64(bitPattern: $0) }, to: &data)
        }
        return data
    }

    private static func appendLittleEndian<T: FixedWidthInteger>(_ values: [T], to data: inout Data) {
        let little = values.map(\.littleEndian)
        little.withUnsafeBytes { data.append(contentsOf: $0) }
    }

    /// Reads a `.npy` file's bytes; `name` is used in errors.
    static func decode(_ bytes: Data, name: String) throws(BrainKitError) -> NPYArray {
        let object = "NPY '\(name)'"
        let b = [UInt8](bytes)
        guard b.count >= 10, Array(b[0..<6]) == magic else {
            throw .io(object, nil, "is not a .npy file (no \\x93NUMPY magic)")
        }
        let major = b[6]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1:
            headerLength = Int(b[8]) | Int(b[9]) << 8
            headerStart = 10
        case 2, 3:
            guard b.count >= 12 else { throw .io(object, nil, "is truncated in its header") }
            headerLength = Int(b[8]) | Int(b[9]) << 8 | Int(b[10]) << 16 | Int(b[11]) << 24
            headerStart = 12
        default:
            throw .io(object, nil, "has format version \(major).\(b[7]); versions 1 to 3 are supported")
        }
        guard headerStart + headerLength <= b.count else { throw .io(object, nil, "is truncated in its header") }
        let header = String(decoding: b[headerStart..<(headerStart + headerLength)], as: UTF8.self)
        let (descr, fortran, shape) = try parseHeader(header, object: object)
        guard !fortran else { throw .io(object, nil, "is in Fortran order; only C order is supported") }
        let count = try NPYArray.elementCount(shape)
        let payload = Array(b[(headerStart + headerLength)...])
        let itemSize = descr == "<f4" ? 4 : 8
        guard payload.count == count * itemSize else {
            throw .io(object, nil, "has \(payload.count) data bytes but shape \(NPYArray.describe(shape)) of \(descr) needs \(count * itemSize)")
        }
        switch descr {
        case "<f4":
            let bits: [UInt32] = littleEndianValues(payload, count: count)
            return try NPYArray(shape: shape, values: .float32(bits.map(Float.init(bitPattern:))))
        case "<f8":
            let bits: [UInt64] = littleEndianValues(payload, count: count)
            return try NPYArray(shape: shape, values: .float64(bits.map(Double.init(bitPattern:))))
        default:
            let bits: [UInt64] = littleEndianValues(payload, count: count)
            return try NPYArray(shape: shape, values: .int64(bits.map { Int64(bitPattern: $0) }))
        }
    }

    private static func littleEndianValues<T: FixedWidthInteger>(_ payload: [UInt8], count: Int) -> [T] {
        var values = [T](repeating: 0, count: count)
        values.withUnsafeMutableBytes { destination in
            payload.withUnsafeBytes { destination.copyMemory(from: $0) }
        }
        return values.map { T(littleEndian: $0) }
    }

    /// The dtype, Fortran order and shape from a header dict.
    static func parseHeader(_ header: String, object: String) throws(BrainKitError) -> (String, Bool, [Int]) {
        func value(after key: String) throws(BrainKitError) -> Substring {
            guard let range = header.range(of: "'\(key)':") else {
                throw .io(object, nil, "has no '\(key)' in its header")
            }
            return header[range.upperBound...].drop { $0 == " " }
        }
        let descrText = try value(after: "descr")
        guard descrText.first == "'", let close = descrText.dropFirst().firstIndex(of: "'") else {
            throw .io(object, nil, "has a malformed 'descr' in its header")
        }
        let descr = String(descrText[descrText.index(after: descrText.startIndex)..<close])
        guard ["<f4", "<f8", "<i8"].contains(descr) else {
            throw .io(object, nil, "has dtype '\(descr)'; supported: '<f4', '<f8', '<i8'")
        }
        let fortranText = try value(after: "fortran_order")
        let fortran: Bool
        if fortranText.hasPrefix("False") {
            fortran = false
        } else if fortranText.hasPrefix("True") {
            fortran = true
        } else {
            throw .io(object, nil, "has a malformed 'fortran_order' in its header")
        }
        let shapeText = try value(after: "shape")
        guard shapeText.first == "(", let end = shapeText.firstIndex(of: ")") else {
            throw .io(object, nil, "has a malformed 'shape' in its header")
        }
        let inner = shapeText[shapeText.index(after: shapeText.startIndex)..<end]
        var shape: [Int] = []
        for part in inner.split(separator: ",") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let dimension = Int(trimmed.hasSuffix("L") ? String(trimmed.dropLast()) : trimmed), dimension >= 0 else {
                throw .io(object, nil, "has a malformed 'shape' in its header: \(shapeText[...end])")
            }
            shape.append(dimension)
        }
        return (descr, fortran, shape)
    }
}
