extension Check {
    /// Throws unless `count x dimensions` is a shape a distribution can draw: `count >= 0` and
    /// `dimensions >= minimumDimensions` (0 for element-wise distributions, 1 for those that
    /// draw points in a space, such as the hyperspheres).
    static func sampleShape(
        count: Int, dimensions: Int, minimumDimensions: Int = 0, _ object: String
    ) throws(BrainKitError) {
        try atLeast(count, 0, object, "count")
        try atLeast(dimensions, minimumDimensions, object, "dimensions")
    }
}
