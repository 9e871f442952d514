/// One compiled operator: runs once per step over pointers into the simulator's arena.
///
/// The base class of every kernel (subclasses override ``run(time:)``; a class rather than a
/// protocol so the executor can call kernels without reference counting). Kernels are created by the engine from a built model and live exactly as long as the
/// arena they point into (both are owned by one ``Simulator``). A kernel must not allocate in
/// `run`.
///
/// Concurrency: kernels are handed to the executor's worker threads. That is safe because
/// (a) a kernel only touches the arena regions its operator declares, (b) the schedule never
/// runs two kernels touching the same region at once (operators of a parallel group share no
/// written signal), and (c) kernels that call user code (``runsOnCallingThread``) always run
/// on the thread that called `step()`.
class Kernel: @unchecked Sendable {
    /// Runs one step at simulation time `time` (seconds). Every kernel overrides it.
    func run(time: Double) {
        preconditionFailure("\(type(of: self)) does not override run(time:)")
    }

    /// True for kernels that call user closures (node and connection functions), which may
    /// not be thread-safe: they always run on the thread stepping the simulator.
    var runsOnCallingThread: Bool { false }

    /// A rough cost estimate (in multiply-adds), used to balance work across threads.
    var cost: Int { 1 }

    /// The index of the kernel (or, for a part, of the kernel it was cut from) in the engine's
    /// canonical list: the executor looks up its signal accesses by it.
    var index = -1

    /// How many independent elements (neurons, rows, vector elements) the work can be cut
    /// along for several threads; 0 when it cannot be cut.
    var splittableLength: Int { 0 }

    /// True for kernels whose element i of output depends only on element i of their inputs
    /// (copies, scalings, element-wise products). They run by slices (``runsBySlices``).
    var runsElementwise: Bool { false }

    /// True for kernels that can form any slice of their output on its own
    /// (``run(elements:)``), each element by the same operations as the whole kernel: the
    /// element-wise kernels, and products whose rows are independent (an ensemble's encoders,
    /// `J = b + E·x`). They can run a slice at a time inside a kernel that consumes their
    /// output (``NeuronKernel``'s input stages).
    var runsBySlices: Bool { runsElementwise }

    /// The elements `range` (within `0..<splittableLength`) of the work of a kernel that runs
    /// by slices, without allocating.
    func run(elements range: Range<Int>) {
        preconditionFailure("\(type(of: self)) does not run by slices")
    }

    /// Cuts fall on multiples of this many elements: 16 floats are a cache line, so parts on
    /// different threads share no line of an aligned signal, and kernels over the same signals
    /// cut at the same places (which lets the executor chain them without a barrier).
    var splitAlignment: Int { 16 }

    /// True for the parts of a kernel that meet each other inside a step (``SparseExchange``):
    /// they must run at the same time, one per thread, never moved onto one thread.
    var runsWithSiblings: Bool { false }

    /// Called once the executor has placed every kernel, before the first step: the place for
    /// allocations that depend on how a kernel was cut.
    func prepare() {}

    /// Called when the arena's signals return to their initial values (a reset): a kernel
    /// keeping state of its own beside them returns it to its start.
    func restoreInitialState() {}

    /// The arena memory this kernel touches, when it can say so more narrowly than its
    /// operator's signals (parts of cut kernels); nil: the operator's signals, whole.
    var footprint: MemoryFootprint? { nil }

    /// The work on the elements `range` (within `0..<splittableLength`) alone, computing each
    /// of them exactly as the whole kernel would. Parts of one kernel write disjoint ranges.
    func part(_ range: Range<Int>) -> Kernel {
        preconditionFailure("\(type(of: self)) cannot be cut")
    }
}

/// Where kernels report a failure during a step (a node returning NaN); checked by the
/// simulator after every step. Written only on the calling thread.
final class StepFault: @unchecked Sendable {
    var message: String?
    var owner: String?
    /// The parameter at fault (a node's `output`, a connection's `function`), if known.
    var parameter: String?

    func report(_ owner: String, _ message: String, parameter: String? = nil) {
        if self.message == nil {
            self.owner = owner
            self.message = message
            self.parameter = parameter
        }
    }

    func clear() {
        message = nil
        owner = nil
        parameter = nil
    }
}
