/// Whether a probe's operators run (``Simulator/setComputing(_:for:)``): one per probe with
/// operators, shared by its ``SwitchedKernel``s. Set by the calling thread between steps only;
/// worker threads see it after the next step starts (the executor's release and acquire).
final class ProbeSwitch: @unchecked Sendable {
    nonisolated(unsafe) var isOn = true
}

/// A kernel of a probe's operators that runs only while its probe's switch is on. It is not
/// batched, fused or cut (it reports no element-wise work and no splittable length), so the
/// model's own kernels are planned and computed as without it.
final class SwitchedKernel: Kernel, @unchecked Sendable {
    let inner: Kernel
    let probeSwitch: ProbeSwitch

    init(_ inner: Kernel, probeSwitch: ProbeSwitch) {
        self.inner = inner
        self.probeSwitch = probeSwitch
    }

    override func run(time: Double) {
        if probeSwitch.isOn { inner.run(time: time) }
    }

    override var cost: Int { inner.cost }
    override var footprint: MemoryFootprint? { inner.footprint }
    override var runsOnCallingThread: Bool { inner.runsOnCallingThread }
    override func prepare() { inner.prepare() }
}
