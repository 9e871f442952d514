import BrainCore

extension EnsembleArray {
    /// The array's decoded values with everything at or below `floor` set to 0 and
    /// everything above `ceiling` set to `ceiling`.
    ///
    /// Neurons whose intercepts all lie above `floor` do this by themselves (their identity
    /// decoders are fit on eval points in the represented range above `floor`), so for neural
    /// ensembles this is just ``output``. Direct ensembles pass values through unchanged; for
    /// them an output decoding `x > floor ? min(x, ceiling) : 0` is added, which makes Direct
    /// mode the ideal network the neurons approximate.
    func clippedOutput(above floor: Double, upTo ceiling: Double = .infinity) throws(BrainKitError) -> Node {
        guard ensembles[0].neuronType.isDirect else { return output }
        return try addOutput("clipped", function: { x in [x[0] > floor ? min(x[0], ceiling) : 0] })
    }
}
