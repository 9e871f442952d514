import Foundation

/// The max-rate check shared by the closed-form `gainBias` implementations with a refractory
/// period.
enum NeuronRateChecks {
    /// Requires every max rate to be strictly below `1 / tauRef` (infinite when `tauRef == 0`),
    /// the fastest a neuron with that refractory period can fire.
    ///
    /// - Throws: ``BrainKitError`` (validation), e.g. `LIF: maxRates must be below the inverse
    ///   refractory period (500.000)`.
    static func belowInverseRefractoryPeriod(
        _ maxRates: [Double], tauRef: Double, _ object: String
    ) throws(BrainKitError) {
        let inverse = tauRef > 0 ? 1 / tauRef : Double.infinity
        if maxRates.contains(where: { !($0 < inverse) }) {
            throw .validation(
                object, "maxRates", "must be below the inverse refractory period (\(String(format: "%.3f", inverse)))")
        }
    }
}
