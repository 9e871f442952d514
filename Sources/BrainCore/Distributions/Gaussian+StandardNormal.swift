extension Gaussian {
    /// The standard normal distribution N(0, 1) (the default of ``WhiteNoise``).
    public static var standardNormal: Gaussian { Gaussian(validatedMean: 0, std: 1) }

    /// A Gaussian whose `std` is known to be > 0.
    private init(validatedMean mean: Double, std: Double) {
        self.mean = mean
        self.std = std
    }
}
