/// The largest element of a buffer, four running maxima at a time (NaNs are skipped, as `>`
/// is false for them); -infinity for an empty buffer.
enum LargestElement {
    @inlinable
    static func of<Value: BinaryFloatingPoint>(_ v: UnsafeBufferPointer<Value>) -> Value {
        var m0 = -Value.infinity, m1 = m0, m2 = m0, m3 = m0
        var i = 0
        while i + 4 <= v.count {
            m0 = v[i] > m0 ? v[i] : m0
            m1 = v[i + 1] > m1 ? v[i + 1] : m1
            m2 = v[i + 2] > m2 ? v[i + 2] : m2
            m3 = v[i + 3] > m3 ? v[i + 3] : m3
            i += 4
        }
        var result = max(max(m0, m1), max(m2, m3))
        while i < v.count {
            if v[i] > result { result = v[i] }
            i += 1
        }
        return result
    }
}
