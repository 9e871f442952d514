import Dispatch
import Foundation

/// Runs independent build work (ensemble parameters, decoder solves) on all cores.
///
/// Each item is computed by `body` alone, from its own inputs and seed, so the results do not
/// depend on how items are spread over threads. Errors are reported for the first failing item
/// in item order, as a sequential loop would.
enum ParallelWork {
    /// The number of threads build work uses.
    static var threads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ body: @Sendable (Item) throws(BrainKitError) -> Result
    ) throws(BrainKitError) -> [Result] {
        if items.count <= 1 || threads == 1 {
            var results: [Result] = []
            for item in items { results.append(try body(item)) }
            return results
        }
        let slots = ResultSlots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            do throws(BrainKitError) {
                slots.store(.success(try body(items[index])), at: index)
            } catch {
                slots.store(.failure(error), at: index)
            }
        }
        return try slots.collect()
    }
}

/// One result slot per item, each written by exactly one thread (the one computing that item)
/// and read only after `concurrentPerform` returns, which orders the writes before the reads.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Result<Value, BrainKitError>?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ result: Result<Value, BrainKitError>, at index: Int) {
        slots[index] = result
    }

    func collect() throws(BrainKitError) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(count)
        for index in 0..<count {
            switch slots[index]! {
            case .success(let value): values.append(value)
            case .failure(let error): throw error
            }
        }
        return values
    }
}
