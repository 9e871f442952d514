extension BasalGanglia {
    /// The constants of Gurney, Prescott & Redgrave (2001) that Nengo's basal ganglia uses, and
    /// the piecewise-linear output functions of its populations.
    ///
    /// Every population's output is the rectifier `f(x) = m·(x − ε)` for `x ≥ ε`, else 0, with
    /// slope m = 1 and threshold ε: striatum ε = 0.2, STN ε = −0.25, GPe and GPi ε = −0.2.
    public enum Weights {
        /// Slopes of the striatum, STN, GPe and GPi output functions (mm, mp, me, mg).
        public static let striatumSlope = 1.0, stnSlope = 1.0, gpeSlope = 1.0, gpiSlope = 1.0
        /// Thresholds of the output functions (e, ep, ee, eg), in input units.
        public static let striatumThreshold = 0.2, stnThreshold = -0.25, gpeThreshold = -0.2, gpiThreshold = -0.2
        /// Input weights onto the striatum (ws) and the STN (wt).
        public static let striatumInput = 1.0, stnInput = 1.0
        /// Weight of the striatum's inhibition of GPi (D1) and GPe (D2) (wm).
        public static let striatumInhibition = 1.0
        /// Weight of the STN's diffuse excitation of GPi and GPe (wp).
        public static let stnExcitation = 0.9
        /// Weight of GPe's inhibition of GPi (we).
        public static let gpeToGpi = 0.3
        /// Weight of GPe's inhibition of the STN (wg).
        public static let gpeToStn = 1.0
        /// Dopamine modulation of the D2 (le) and D1 (lg) striatum: the input weights are
        /// ws·(1 − le) = 0.8 and ws·(1 + lg) = 1.2.
        public static let d2Modulation = 0.2, d1Modulation = 0.2

        /// Striatum output: `max(0, x − 0.2)`.
        public static func striatum(_ x: [Double]) -> [Double] {
            [rectify(x[0], slope: striatumSlope, threshold: striatumThreshold)]
        }

        /// STN output: `max(0, x + 0.25)`.
        public static func stn(_ x: [Double]) -> [Double] {
            [rectify(x[0], slope: stnSlope, threshold: stnThreshold)]
        }

        /// GPe output: `max(0, x + 0.2)`.
        public static func gpe(_ x: [Double]) -> [Double] {
            [rectify(x[0], slope: gpeSlope, threshold: gpeThreshold)]
        }

        /// GPi output: `max(0, x + 0.2)`.
        public static func gpi(_ x: [Double]) -> [Double] {
            [rectify(x[0], slope: gpiSlope, threshold: gpiThreshold)]
        }

        /// `slope·(x − threshold)` for `x ≥ threshold`, else 0.
        static func rectify(_ x: Double, slope: Double, threshold: Double) -> Double {
            x < threshold ? 0 : slope * (x - threshold)
        }
    }
}
