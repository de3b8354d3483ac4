import Foundation

/// A `concurrentPerform`-based parallel map that keeps the input order.
public enum ParallelMap {
    /// Maps `indices` with `body` on every core. Below `serialBelow` items the work is done on
    /// the calling thread, where spreading it would cost more than it saves.
    public static func map<T: Sendable>(_ indices: Range<Int>, serialBelow: Int = 64, _ body: @Sendable (Int) -> T) -> [T] {
        let count = indices.count
        if count < max(serialBelow, 2) { return indices.map(body) }
        let results = Slots<T>(count: count)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = max(1, (count + workers * 4 - 1) / (workers * 4))
        DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { c in
            let start = c * chunk
            let end = min(start + chunk, count)
            for i in start ..< end { results.set(i, body(indices.lowerBound + i)) }
        }
        return results.values()
    }

    /// Slots written by exactly one worker each, read after all workers finished. The slots
    /// live in memory allocated once: writing through an `Array` from several threads would
    /// race on its uniqueness check (a worker seeing the buffer retained by another copies it).
    private final class Slots<T>: @unchecked Sendable {
        private let buffer: UnsafeMutablePointer<T?>
        private let count: Int

        init(count: Int) {
            self.count = count
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil, count: count)
        }

        deinit {
            buffer.deinitialize(count: count)
            buffer.deallocate()
        }

        func set(_ i: Int, _ value: T) { buffer[i] = value }
        func values() -> [T] { (0 ..< count).compactMap { buffer[$0] } }
    }
}
