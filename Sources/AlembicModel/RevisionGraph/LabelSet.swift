/// A set of branch labels as a bitset over the graph's label table. Label propagation
/// (`_add_branches`) unions whole sets into every descendant, so this keeps it linear in words.
struct LabelSet: Sendable, Hashable {
    private(set) var words: [UInt64] = []

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The label indices in the set, ascending.
    var indices: [Int] {
        var out: [Int] = []
        for (wordIndex, word) in words.enumerated() {
            var rest = word
            while rest != 0 {
                out.append(wordIndex * 64 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
        return out
    }

    mutating func insert(_ index: Int) {
        let word = index / 64
        if words.count <= word { words += Array(repeating: 0, count: word + 1 - words.count) }
        words[word] |= 1 << UInt64(index % 64)
    }

    func contains(_ index: Int) -> Bool {
        let word = index / 64
        return word < words.count && words[word] & (1 << UInt64(index % 64)) != 0
    }

    mutating func formUnion(_ other: LabelSet) {
        if words.count < other.words.count {
            words += Array(repeating: 0, count: other.words.count - words.count)
        }
        for (index, word) in other.words.enumerated() { words[index] |= word }
    }
}
