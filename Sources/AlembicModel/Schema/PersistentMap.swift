/// An immutable map from strings to values that shares structure between versions: a hash
/// array mapped trie (32-way nodes, only present slots stored). Setting or removing a key
/// copies the nodes on one path (at most a few dozen references) and leaves every other
/// version intact, so thousands of versions that each differ by a few keys cost little more
/// than one.
///
/// Iteration order follows the keys' hashes: it is stable within a process, not sorted.
public struct PersistentMap<Value: Sendable>: Sendable {
    /// One key and its value; shared between every version holding it.
    final class Leaf: Sendable {
        let hash: UInt64
        let key: String
        let value: Value

        init(hash: UInt64, key: String, value: Value) {
            self.hash = hash
            self.key = key
            self.value = value
        }
    }

    enum Slot: Sendable {
        case leaf(Leaf)
        case node(Node)
        /// Keys whose 64-bit hashes are equal.
        case collision([Leaf])
    }

    final class Node: Sendable {
        let bitmap: UInt32
        let slots: [Slot]

        init(bitmap: UInt32, slots: [Slot]) {
            self.bitmap = bitmap
            self.slots = slots
        }

        static var empty: Node { Node(bitmap: 0, slots: []) }
    }

    private var root: Node
    /// The number of keys.
    public private(set) var count: Int

    /// An empty map.
    public init() {
        root = .empty
        count = 0
    }

    /// True when the map holds no key.
    public var isEmpty: Bool { count == 0 }

    static func hash(_ key: String) -> UInt64 {
        // FNV-1a over the UTF-8 bytes: deterministic across runs, cheap for short names.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            h ^= UInt64(byte)
            h &*= 0x100_0000_01b3
        }
        return h
    }

    private static func position(_ hash: UInt64, _ shift: UInt64) -> (bit: UInt32, fragment: Int) {
        let fragment = Int((hash >> shift) & 31)
        return (UInt32(1) << UInt32(fragment), fragment)
    }

    private static func index(_ bitmap: UInt32, _ bit: UInt32) -> Int {
        (bitmap & (bit &- 1)).nonzeroBitCount
    }

    /// The value for `key`, if any.
    public subscript(_ key: String) -> Value? {
        let h = Self.hash(key)
        var node = root
        var shift: UInt64 = 0
        while true {
            let (bit, _) = Self.position(h, shift)
            guard node.bitmap & bit != 0 else { return nil }
            switch node.slots[Self.index(node.bitmap, bit)] {
            case .leaf(let leaf): return leaf.hash == h && leaf.key == key ? leaf.value : nil
            case .collision(let leaves): return leaves.first { $0.key == key }?.value
            case .node(let child):
                node = child
                shift += 5
            }
        }
    }

    /// Sets `key` to `value`.
    public mutating func set(_ key: String, _ value: Value) {
        let leaf = Leaf(hash: Self.hash(key), key: key, value: value)
        var added = false
        root = Self.inserting(leaf, into: root, shift: 0, added: &added)
        if added { count += 1 }
    }

    /// Removes `key`; returns whether it was present.
    @discardableResult
    public mutating func remove(_ key: String) -> Bool {
        var removed = false
        root = Self.removing(key, hash: Self.hash(key), from: root, shift: 0, removed: &removed) ?? .empty
        if removed { count -= 1 }
        return removed
    }

    private static func inserting(_ leaf: Leaf, into node: Node, shift: UInt64, added: inout Bool) -> Node {
        let (bit, _) = position(leaf.hash, shift)
        let i = index(node.bitmap, bit)
        var slots = node.slots
        guard node.bitmap & bit != 0 else {
            added = true
            slots.insert(.leaf(leaf), at: i)
            return Node(bitmap: node.bitmap | bit, slots: slots)
        }
        switch slots[i] {
        case .leaf(let existing):
            if existing.key == leaf.key {
                slots[i] = .leaf(leaf)
            } else if existing.hash == leaf.hash || shift >= 60 {
                added = true
                slots[i] = .collision([existing, leaf])
            } else {
                added = true
                var ignored = false
                let split = inserting(existing, into: .empty, shift: shift + 5, added: &ignored)
                slots[i] = .node(inserting(leaf, into: split, shift: shift + 5, added: &ignored))
            }
        case .collision(var leaves):
            if let j = leaves.firstIndex(where: { $0.key == leaf.key }) {
                leaves[j] = leaf
            } else {
                added = true
                leaves.append(leaf)
            }
            slots[i] = .collision(leaves)
        case .node(let child):
            slots[i] = .node(inserting(leaf, into: child, shift: shift + 5, added: &added))
        }
        return Node(bitmap: node.bitmap, slots: slots)
    }

    /// The node without `key`; nil when it would be empty.
    private static func removing(_ key: String, hash: UInt64, from node: Node, shift: UInt64, removed: inout Bool) -> Node? {
        let (bit, _) = position(hash, shift)
        guard node.bitmap & bit != 0 else { return node }
        let i = index(node.bitmap, bit)
        var slots = node.slots
        var bitmap = node.bitmap
        switch slots[i] {
        case .leaf(let leaf):
            guard leaf.key == key else { return node }
            removed = true
            slots.remove(at: i)
            bitmap &= ~bit
        case .collision(var leaves):
            guard let j = leaves.firstIndex(where: { $0.key == key }) else { return node }
            removed = true
            leaves.remove(at: j)
            if leaves.count == 1, let only = leaves.first { slots[i] = .leaf(only) } else { slots[i] = .collision(leaves) }
        case .node(let child):
            let updated = removing(key, hash: hash, from: child, shift: shift + 5, removed: &removed)
            guard removed else { return node }
            if let updated {
                if updated.slots.count == 1, case .leaf(let only) = updated.slots[0] { slots[i] = .leaf(only) } else { slots[i] = .node(updated) }
            } else {
                slots.remove(at: i)
                bitmap &= ~bit
            }
        }
        return slots.isEmpty ? nil : Node(bitmap: bitmap, slots: slots)
    }

    /// Calls `body` with every key and value.
    public func forEach(_ body: (String, Value) throws -> Void) rethrows {
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            for slot in node.slots {
                switch slot {
                case .leaf(let leaf): try body(leaf.key, leaf.value)
                case .collision(let leaves): for leaf in leaves { try body(leaf.key, leaf.value) }
                case .node(let child): stack.append(child)
                }
            }
        }
    }

    /// Every value, in iteration order.
    public var values: [Value] {
        var out: [Value] = []
        out.reserveCapacity(count)
        forEach { _, value in out.append(value) }
        return out
    }

    /// True when both maps are the same version (no comparison of contents).
    func isIdentical(to other: Self) -> Bool { root === other.root }
}
