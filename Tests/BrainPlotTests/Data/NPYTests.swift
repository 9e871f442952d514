import Foundation
import Testing
import BrainCore
@testable import BrainPlot

@Suite("The .npy format")
struct NPYTests {
    @Test func headerIsVersion1AlignedTo64Bytes() throws {
        let array = try NPYArray(shape: [3, 2], values: .float64([1, 2, 3, 4, 5, 6]))
        let bytes = [UInt8](NPYFormat.encode(array))
        #expect(Array(bytes[0..<8]) == [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        let header = String(decoding: bytes[10..<(10 + headerLength)], as: UTF8.self)
        #expect(header.hasPrefix("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }"))
        #expect(header.hasSuffix(" \n"))
        #expect(bytes.count == 10 + headerLength + 48)
        // 1.0 as a little-endian double: 00 00 00 00 00 00 F0 3F.
        #expect(Array(bytes[(10 + headerLength)..<(18 + headerLength)]) == [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
    }

    @Test(arguments: [
        ([4], NPYArray.Values.float32([1.5, -2, .pi, 1e-30])),
        ([2, 3], .float64([0.1, 0.2, 0.3, -1e300, .leastNonzeroMagnitude, 7])),
        ([], .int64([-42])),
        ([0, 3], .float64([])),
        ([2, 1, 2], .int64([Int64.min, -1, 0, Int64.max])),
    ])
    func roundTrips(shape: [Int], values: NPYArray.Values) throws {
        let array = try NPYArray(shape: shape, values: values)
        #expect(try NPYFormat.decode(NPYFormat.encode(array), name: "a") == array)
    }

    @Test func shapesAreWrittenAsPythonTuples() {
        #expect(NPYArray.describe([]) == "()")
        #expect(NPYArray.describe([5]) == "(5,)")
        #expect(NPYArray.describe([2, 3]) == "(2, 3)")
    }

    @Test func mismatchedShapesAndBadFilesAreTypedErrors() throws {
        let mismatch = #expect(throws: BrainKitError.self) { try NPYArray(shape: [2, 2], values: .float64([1, 2, 3])) }
        #expect(mismatch?.kind == .validation && mismatch?.parameter == "values")
        #expect(throws: BrainKitError.self) { try NPYArray(shape: [-1], values: .float64([])) }
        let notNPY = #expect(throws: BrainKitError.self) { try NPYFormat.decode(Data("hello world".utf8), name: "x") }
        #expect(notNPY?.kind == .io)
        var truncated = NPYFormat.encode(NPYArray([1, 2, 3]))
        truncated.removeLast()
        #expect(throws: BrainKitError.self) { try NPYFormat.decode(truncated, name: "x") }
        var bigEndian = [UInt8](NPYFormat.encode(NPYArray([1])))
        let descr = try #require((0..<(bigEndian.count - 2)).first { Array(bigEndian[$0..<($0 + 3)]) == Array("<f8".utf8) })
        bigEndian[descr] = UInt8(ascii: ">")
        let dtype = #expect(throws: BrainKitError.self) { try NPYFormat.decode(Data(bigEndian), name: "x") }
        #expect(dtype?.kind == .io)
    }
}
