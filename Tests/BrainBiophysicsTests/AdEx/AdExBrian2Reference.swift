import Foundation

/// Brian2 2.9's runs of the talk's AdEx cell (Fixtures/adex_brian2.json, written by
/// Fixtures/make_adex_brian2.py).
struct AdExBrian2Reference: Decodable {
    struct Run: Decodable {
        let methodUsed: String
        let dtMs: Double
        let refractoryMs: Double
        let spikeTimesMs: [Double]
        let sampleDtMs: Double
        let vmMV: [Double]
        let wNA: [Double]

        enum CodingKeys: String, CodingKey {
            case methodUsed = "method_used"
            case dtMs = "dt_ms"
            case refractoryMs = "refractory_ms"
            case spikeTimesMs = "spike_times_ms"
            case sampleDtMs = "sample_dt_ms"
            case vmMV = "vm_mV"
            case wNA = "w_nA"
        }
    }

    let brian2Version: String
    let runs: [String: Run]

    enum CodingKeys: String, CodingKey {
        case brian2Version = "brian2_version"
        case runs
    }

    static func load() throws -> AdExBrian2Reference {
        try decodeFixture(AdExBrian2Reference.self, "adex_brian2")
    }
}

/// Trace comparisons shared by the AdEx reference tests.
enum AdExComparison {
    /// Indices of samples (times `k * sampleDt`, ms) "outside spike peaks": farther than
    /// 1 ms from every spike time in `spikesA` or `spikesB` (ms). This drops the last
    /// millisecond of each upswing (V climbing from ~-50 mV to Vcut, where a sub-step shift
    /// in spike timing would dominate) and the first millisecond after each reset.
    static func samplesOutsidePeaks(count: Int, sampleDt: Double, spikesA: [Double], spikesB: [Double]) -> [Int] {
        let spikes = (spikesA + spikesB).sorted()
        return (0..<count).filter { k in
            let t = Double(k) * sampleDt
            return !spikes.contains { abs($0 - t) <= 1.0 + 1e-9 }
        }
    }

    /// RMS of `a - b` over `indices`.
    static func rms(_ a: [Double], _ b: [Double], at indices: [Int]) -> Double {
        guard !indices.isEmpty else { return .infinity }
        let sum = indices.reduce(0.0) { $0 + ($1 < a.count && $1 < b.count ? (a[$1] - b[$1]) * (a[$1] - b[$1]) : .infinity) }
        return (sum / Double(indices.count)).squareRoot()
    }
}
