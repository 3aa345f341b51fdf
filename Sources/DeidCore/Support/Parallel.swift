import Dispatch

/// Runs `count` independent jobs on the machine's cores and returns their results in job order. The first
/// error in job order (not in time) is the one thrown, so results do not depend on scheduling.
/// `concurrently: false` runs them one after another (for a library that is not thread-safe).
func parallelMap<Value: Sendable>(
    _ count: Int, concurrently: Bool = true, _ job: @Sendable (Int) throws -> Value
) throws -> [Value] {
    guard concurrently else { return try (0..<count).map(job) }
    let slots = ResultSlots<Value>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { i in
        slots.store(Result { try job(i) }, at: i)
    }
    return try slots.take().map { try $0.get() }
}

/// Write-once result slots shared by parallel iterations. Sendable by construction, not by the compiler's proof:
/// iteration i writes slot i only, exactly once, and `take()` runs after `concurrentPerform` has returned,
/// which orders every write before the read.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Result<Value, any Error>?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func store(_ value: Result<Value, any Error>, at index: Int) {
        precondition(buffer[index] == nil, "a slot is written twice")
        buffer[index] = value
    }

    func take() -> [Result<Value, any Error>] {
        buffer.map { value in
            guard let value else { preconditionFailure("a parallel iteration did not store its result") }
            return value
        }
    }
}
