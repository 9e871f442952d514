/// SI unit conversions used by the biophysical neuron types. Parameters are stored in SI base
/// units (volt, ampere, siemens, farad, second, metre); these constants convert the units
/// modellers write (mV, nA, nS, pF, ms, µm) into them: `-70.6 * millivolt`.
public enum SI {
    public static let millivolt = 1e-3
    public static let nanoampere = 1e-9
    public static let picoampere = 1e-12
    public static let nanosiemens = 1e-9
    public static let picofarad = 1e-12
    public static let millisecond = 1e-3
    public static let micrometre = 1e-6
}
