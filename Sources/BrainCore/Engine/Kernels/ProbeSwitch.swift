/// Whether a probe's operators run (``Simulator/setComputing(_:for:)``): one per probe with
/// operators, shared by its ``SwitchedKernel``s. Set by the calling thread between steps only;
/// worker threads see it after the next step starts (the executor's release and acquire).
final class ProbeSwitch: @unchecked Sendable {
    /// The flag, read by the kernels through the pointer (no exclusivity check per read).
    let flag: UnsafeMutablePointer<Bool>

    init() {
        flag = .allocate(capacity: 1)
        flag.initialize(to: true)
    }

    deinit { flag.deallocate() }

    /// Whether the probe's operators run.
    var isOn: Bool {
        get { flag.pointee }
        set { flag.pointee = newValue }
    }
}

/// A kernel of a probe's operators that runs only while its probe's switch is on. It is not
/// batched, fused or cut (it reports no element-wise work and no splittable length), so the
/// model's own kernels are planned and computed as without it.
final class SwitchedKernel: Kernel, @unchecked Sendable {
    let inner: Kernel
    /// Kept alive for `flag`.
    private let probeSwitch: ProbeSwitch
    private let flag: UnsafeMutablePointer<Bool>

    init(_ inner: Kernel, probeSwitch: ProbeSwitch) {
        self.inner = inner
        self.probeSwitch = probeSwitch
        flag = probeSwitch.flag
    }

    override func run(time: Double) {
        if flag.pointee { inner.run(time: time) }
    }

    override var cost: Int { inner.cost }
    override var footprint: MemoryFootprint? { inner.footprint }
    override var runsOnCallingThread: Bool { inner.runsOnCallingThread }
    override func prepare() { inner.prepare() }
    override func restoreInitialState() { inner.restoreInitialState() }
}
