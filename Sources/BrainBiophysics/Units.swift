/// SI unit conversions used by the biophysical neuron types. Parameters are stored in SI base
/// units (volt, ampere, siemens, farad, second, metre); these constants convert the units
/// modellers write (mV, nA, nS, pF, ms, µm) into them: `-70.6 * millivolt`.
public enum SI {
    /// 1 mV in volts.
    public static let millivolt = 1e-3
    /// 1 nA in amperes.
    public static let nanoampere = 1e-9
    /// 1 pA in amperes.
    public static let picoampere = 1e-12
    /// 1 nS in siemens.
    public static let nanosiemens = 1e-9
    /// 1 pF in farads.
    public static let picofarad = 1e-12
    /// 1 ms in seconds.
    public static let millisecond = 1e-3
    /// 1 µm in metres.
    public static let micrometre = 1e-6
}
