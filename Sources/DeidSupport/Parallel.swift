import Dispatch

/// Runs `count` independent jobs on the machine's cores and returns their results in job order. The first
/// error in job order (not in time) is the one thrown, so results do not depend on scheduling.
/// `concurrently: false` runs them one after another (for a library that is not thread-safe). `startOrder`, a
/// permutation of the jobs, says which to start first (the largest, say, so that it does not start last and
/// leave a core idle); it changes nothing but timing.
package func parallelMap<Value: Sendable, Failure: Error>(
    _ count: Int, concurrently: Bool = true, startOrder: [Int]? = nil,
    _ job: @Sendable (Int) throws(Failure) -> Value
) throws(Failure) -> [Value] {
    guard concurrently else { return try (0..<count).map { i throws(Failure) in try job(i) } }
    precondition(startOrder.map { $0.sorted() == Array(0..<count) } ?? true, "startOrder is not a permutation")
    let slots = ResultSlots<Value, Failure>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { i in
        let j = startOrder?[i] ?? i
        slots.store(Result { () throws(Failure) in try job(j) }, at: j)
    }
    return try slots.take().map { result throws(Failure) in try result.get() }
}

/// Write-once result slots shared by parallel iterations. Sendable by construction, not by the compiler's proof:
/// each slot is written by one iteration, exactly once, and `take()` runs after `concurrentPerform` has
/// returned, which orders every write before the read.
final class ResultSlots<Value: Sendable, Failure: Error>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Result<Value, Failure>?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func store(_ value: Result<Value, Failure>, at index: Int) {
        precondition(buffer[index] == nil, "a slot is written twice")
        buffer[index] = value
    }

    func take() -> [Result<Value, Failure>] {
        buffer.map { value in
            guard let value else { preconditionFailure("a parallel iteration did not store its result") }
            return value
        }
    }
}
