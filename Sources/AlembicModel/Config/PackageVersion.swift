/// A release version of a Python package, as far as ordering matters here: the numeric release
/// segments of a PEP 440 version (`1.13.3`, `1.16`, `2.0.0rc1` → `2.0.0`; pre-release markers
/// sort with their release, which is conservative for "available since" checks).
public struct PackageVersion: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// Release segments, trailing zeros removed (`1.16.0` and `1.16` are equal).
    public var release: [Int]

    public init(_ release: [Int]) {
        var segments = release
        while segments.count > 1, segments.last == 0 { segments.removeLast() }
        self.release = segments
    }

    /// Parses the release part of a PEP 440 version; nil when it does not start with a number.
    /// An epoch (`1!2.0`) or a leading `v` is accepted.
    public init?(_ text: some StringProtocol) {
        var bytes = Array(text.utf8)
        if let bang = bytes.firstIndex(of: UInt8(ascii: "!")) { bytes.removeSubrange(0 ... bang) }
        if bytes.first == UInt8(ascii: "v") || bytes.first == UInt8(ascii: "V") { bytes.removeFirst() }
        var segments: [Int] = []
        var current = 0, digits = 0
        for byte in bytes {
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                guard digits < 9 else { return nil }
                current = current * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            } else if byte == UInt8(ascii: "."), digits > 0 {
                segments.append(current)
                current = 0
                digits = 0
            } else {
                break
            }
        }
        if digits > 0 { segments.append(current) }
        guard !segments.isEmpty else { return nil }
        self.init(segments)
    }

    public static func < (lhs: PackageVersion, rhs: PackageVersion) -> Bool {
        for i in 0 ..< max(lhs.release.count, rhs.release.count) {
            let a = i < lhs.release.count ? lhs.release[i] : 0
            let b = i < rhs.release.count ? rhs.release[i] : 0
            if a != b { return a < b }
        }
        return false
    }

    public var description: String {
        (release.count == 1 ? release + [0] : release).map(String.init).joined(separator: ".")
    }
}
