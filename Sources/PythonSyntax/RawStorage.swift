/// A growable buffer of trivial values with manual memory management, for the lexer's and
/// parser's hot arrays (no uniqueness checks or retain/release per append).
///
/// Owned by exactly one lexer or parser run, which calls ``free()`` once when done.
struct RawStorage<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow(count + 1) }
        (base + count).initialize(to: value)
        count += 1
    }

    mutating func append(from other: UnsafeBufferPointer<Element>) {
        if count + other.count > capacity { grow(count + other.count) }
        if let source = other.baseAddress { (base + count).initialize(from: source, count: other.count) }
        count += other.count
    }

    mutating func append(contentsOf values: [Element]) {
        values.withUnsafeBufferPointer { append(from: $0) }
    }

    private mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let fresh = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        fresh.moveInitialize(from: base, count: count)
        base.deallocate()
        base = fresh
        capacity = newCapacity
    }

    /// Drops elements from `newCount` on.
    @inline(__always)
    mutating func truncate(_ newCount: Int) {
        if newCount < count { count = max(newCount, 0) }
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    func free() { base.deallocate() }
}
