import Foundation

/// Where a ``Simulator`` keeps what its probes record.
///
/// - ``memory``: in arrays reserved before each run (the default); memory grows with the
///   samples recorded, 4 bytes per value.
/// - ``stream(directory:)``: written to one `.npy` file per probe while the simulation runs,
///   through a 64 KiB buffer per probe (or one sample, if larger), so memory stays flat however
///   long the run. Each file is a NumPy `.npy` (version 1.0, `<f4`, C order, shape
///   `(samples, size)`) whose header is rewritten with the sample count after every buffer
///   written: the file is complete up to the last full buffer while the run goes on, and
///   completely after ``Simulator/data(_:)``, ``Simulator/flushProbes()`` or
///   ``Simulator/close()``. `numpy.load` opens it; ``Simulator/data(_:)`` reads it back;
///   ``Simulator/probeFile(_:)`` names it.
///
/// - ``latestOnly``: nothing kept; each probe's newest value is read with
///   ``Simulator/latest(_:into:)`` (a live view's storage: memory stays flat and a step costs
///   no copying for the probes), and a probe's own work can be stopped while nobody looks
///   (``Simulator/setComputing(_:for:)``). ``Simulator/data(_:)`` returns no rows.
///
/// The directory is created if missing; files of the same names are replaced. A reset empties
/// the files.
public enum ProbeStorage: Sendable, Equatable {
    /// Arrays in memory, reserved before each run.
    case memory
    /// One `.npy` file per probe in `directory`, written while running.
    case stream(directory: URL)
    /// No history: only the value after the last step, read with ``Simulator/latest(_:into:)``.
    case latestOnly
}
