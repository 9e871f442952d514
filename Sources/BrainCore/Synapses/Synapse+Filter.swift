extension DiscreteFilter {
    /// Runs `signal` (one sample per step) through this filter from rest, with no delay:
    /// element k of the result includes `signal[k]` (Nengo's `filt`).
    public func filter(_ signal: [Double]) -> [Double] {
        var state = FilterState(self)
        return signal.map { state.step($0) }
    }

    /// Filters every column of a steps x size `signal` (time along the rows) independently.
    public func filter(_ signal: Matrix) -> Matrix {
        var out = signal
        for column in 0..<signal.columns {
            var state = FilterState(self)
            for row in 0..<signal.rows {
                out[row, column] = state.step(signal[row, column])
            }
        }
        return out
    }
}

extension Synapse {
    /// Runs `signal` (one sample every `dt` seconds) through this synapse from rest, with no
    /// delay: element k of the result includes `signal[k]` (Nengo's `synapse.filt(x, dt)`).
    /// In a simulation, a synapse on a connection adds one step of delay on top of this.
    /// - Throws: ``BrainKitError`` when the synapse cannot be discretised for `dt`.
    public func filter(_ signal: [Double], dt: Double = 0.001) throws(BrainKitError) -> [Double] {
        try discretized(dt: dt).filter(signal)
    }

    /// Filters every column of a steps x size `signal` (time along the rows, `dt` seconds
    /// apart) independently.
    /// - Throws: ``BrainKitError`` when the synapse cannot be discretised for `dt`.
    public func filter(_ signal: Matrix, dt: Double = 0.001) throws(BrainKitError) -> Matrix {
        try discretized(dt: dt).filter(signal)
    }
}
