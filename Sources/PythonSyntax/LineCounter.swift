/// 1-based line numbers of byte offsets for error messages, counted incrementally from the
/// previous query (forwards or backwards), so a run of queries costs the distance between them.
struct LineCounter {
    private var offset = 0
    private var line = 1

    /// Line breaks (`\n`, `\r\n`, lone `\r`) starting in `from ..< to`.
    private static func breaks(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var count = 0
        var k = from
        while k < to {
            let c = p[k]
            if c == 0x0A || (c == 0x0D && (k + 1 >= p.count || p[k + 1] != 0x0A)) { count += 1 }
            k += 1
        }
        return count
    }

    mutating func line(of target: Int, in p: UnsafeBufferPointer<UInt8>) -> Int {
        let target = min(max(target, 0), p.count)
        if target >= offset {
            line += LineCounter.breaks(p, offset, target)
        } else {
            line -= LineCounter.breaks(p, target, offset)
        }
        offset = target
        return line
    }
}
