import Foundation

/// Values a one-shot command keeps until the process exits. Freeing a large analysis (tens of
/// thousands of arrays and strings) costs milliseconds that nobody waits for: the operating
/// system reclaims the memory at exit anyway.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [Any] = []
    private static let lock = NSLock()

    static func keep(_ value: Any) {
        lock.lock()
        kept.append(value)
        lock.unlock()
    }
}
