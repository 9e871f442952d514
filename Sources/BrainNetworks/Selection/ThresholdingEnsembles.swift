import BrainCore

/// Defaults for thresholding ensembles.
extension ModelDefaults {
    /// Ensemble defaults for thresholding (Nengo's `presets.ThresholdingEnsembles`): neurons
    /// fire only for values above `threshold`, so an ensemble decodes its value when it is
    /// above the threshold and 0 below.
    ///
    /// - intercepts `Exponential(interceptWidth, threshold, radius)`: clustered just above the
    ///   threshold (as in Nengo, `threshold` and `radius` are used as given, although
    ///   intercepts are in units of the radius);
    /// - encoders +1 (`Choice([[1]])`);
    /// - eval points `Uniform(threshold / radius, 1)`, in units of the radius;
    /// - the radius.
    ///
    /// - Parameters:
    ///   - threshold: where the neurons start firing.
    ///   - interceptWidth: the scale of the exponential intercept distribution; smaller
    ///     values cluster the intercepts closer to the threshold.
    ///   - radius: the ensembles' radius.
    /// - Throws: `BrainKitError` when `interceptWidth` or `radius` is not > 0, or
    ///   `threshold` is not below `radius`.
    public static func thresholdingEnsembles(
        threshold: Double = 0, interceptWidth: Double = 0.15, radius: Double = 1
    ) throws(BrainKitError) -> ModelDefaults {
        let name = "ThresholdingEnsembles"
        try Check.finite([threshold, interceptWidth, radius], name, "parameters")
        try Check.greaterThan(interceptWidth, 0, name, "interceptWidth")
        try Check.greaterThan(radius, 0, name, "radius")
        guard threshold < radius else {
            throw .validation(
                name, "threshold", "must be below the radius (\(Check.format(radius))), got \(Check.format(threshold))")
        }
        var defaults = ModelDefaults()
        defaults.radius = radius
        defaults.intercepts = try Exponential(scale: interceptWidth, shift: threshold, high: radius)
        defaults.encoders = try Choice([1])
        defaults.evalPoints = Uniform(threshold / radius, 1)
        return defaults
    }
}
