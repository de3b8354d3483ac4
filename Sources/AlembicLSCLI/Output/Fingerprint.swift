/// A stable 128-bit fingerprint (two FNV-1a 64-bit hashes with different offsets, as 32 hex
/// digits). Swift's `Hasher` is seeded per process, so it cannot be used for fingerprints
/// that must match between CI runs.
struct Fingerprint: Sendable {
    private var low: UInt64 = 0xCBF2_9CE4_8422_2325
    private var high: UInt64 = 0x6C62_272E_07BB_0142

    /// Mixes `text` in, followed by a separator byte so that ("ab", "c") ≠ ("a", "bc").
    mutating func combine(_ text: String) {
        for byte in text.utf8 { mix(byte) }
        mix(0x1F)
    }

    private mutating func mix(_ byte: UInt8) {
        low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        high = (high ^ UInt64(byte ^ 0x5A)) &* 0x0000_0100_0000_01B3
    }

    /// The fingerprint as 32 lowercase hex digits.
    var hex: String {
        [high, low].map { value in
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }
}
