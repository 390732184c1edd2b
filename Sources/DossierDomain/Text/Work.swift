/// A count of the steps a reader takes, for the growth tests: each reader
/// adds what its loops visit (bytes, tokens, keys made, fields read), so
/// that a test can feed it N, 2N and 4N copies of a unit and see whether
/// the count grows faster than the input. Counted only while a test has
/// set `WorkCounter.current` (a task-local value); otherwise nothing is
/// counted and the cost is one task-local read per counted step.
package final class WorkCounter: @unchecked Sendable {
    /// Steps counted so far.
    package private(set) var count = 0

    package init() {}

    /// The counter of the running task, if a test set one.
    @TaskLocal package static var current: WorkCounter?

    /// Adds `steps` to the running task's counter, if any.
    @inline(__always) package static func add(_ steps: Int) {
        if let counter = current { counter.count += steps }
    }

    /// Runs `body` with a fresh counter and returns what it counted.
    package static func counting<T>(_ body: () throws -> T) rethrows -> (T, Int) {
        let counter = WorkCounter()
        let result = try $current.withValue(counter) { try body() }
        return (result, counter.count)
    }
}
