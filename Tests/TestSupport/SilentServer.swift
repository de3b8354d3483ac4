import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a ``SilentServer`` could not be set up.
public struct SilentServerError: Error, CustomStringConvertible {
    public let description: String
}

/// A TCP socket on 127.0.0.1 that listens and never accepts nor answers: the kernel
/// completes the handshake, the client waits for a reply that never comes.
public final class SilentServer {
    public let port: Int
    private var descriptor: Int32

    public init() throws {
        (descriptor, port) = try Self.bind(listen: true)
    }

    public func close() {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
        descriptor = -1
    }

    /// A port nothing listens on (bound, then closed).
    public static func unusedPort() throws -> Int {
        let (socket, port) = try bind(listen: false)
        _ = Glibc.close(socket)
        return port
    }

    private static func bind(listen shouldListen: Bool) throws -> (Int32, Int) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw SilentServerError(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, !shouldListen || Glibc.listen(socket, 8) == 0 else { throw SilentServerError(description: "bind/listen failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return (socket, Int(UInt16(bigEndian: address.sin_port)))
    }
}
