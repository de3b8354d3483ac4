import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a session over stdin/stdout: one reader thread frames stdin, one writer owns
/// stdout (nothing else may print to it), logs go to stderr or a log file.
public enum StdioServer {
    /// Serves until `exit` (code 0 after `shutdown`, 1 without) or the end of input.
    public static func run(logFile: String?, options: Session.Options = Session.Options()) -> Never {
        signal(SIGPIPE, SIG_IGN)
        let log = ServerLog(path: logFile)
        let exitSignal = DispatchSemaphore(value: 0)
        let exitCode = ExitCodeBox()
        let session = Session(options: options, log: log, output: { data in
            writeAll(data)
        }, onExit: { code in
            exitCode.set(code)
            exitSignal.signal()
        })
        let reader = Thread {
            var framer = MessageFramer()
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                framer.append(buffer[0 ..< n])
                while let frame = framer.next() {
                    switch frame {
                    case let .message(body): session.receive(body)
                    case let .error(message): session.framingError(message)
                    }
                }
            }
            if framer.pendingByteCount > 0 { session.framingError("input ended inside a message (\(framer.pendingByteCount) bytes: a header without its body?)") }
            session.endOfInput()
        }
        reader.start()
        exitSignal.wait()
        log.log("exit \(exitCode.get())")
        Foundation.exit(exitCode.get())
    }

    static func writeAll(_ data: Data) {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var written = 0
            while written < raw.count {
                let n = write(1, base + written, raw.count - written)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                written += n
            }
        }
    }

    final class ExitCodeBox: @unchecked Sendable {
        private let lock = NSLock()
        private var code: Int32 = 1
        func set(_ value: Int32) { lock.lock(); code = value; lock.unlock() }
        func get() -> Int32 { lock.lock(); defer { lock.unlock() }; return code }
    }
}
