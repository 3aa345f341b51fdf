/// An open-addressing hash set of fixed-length `Int32` tuples stored inline in one flat array, giving each
/// distinct tuple a dense id in insertion order. It keys cells by their coordinates without allocating per row,
/// which matters when a file has millions of rows.
package struct TupleTable: Sendable {
    let arity: Int
    /// Tuple `i` occupies `keys[i*arity ..< (i+1)*arity]`.
    package private(set) var keys: [Int32] = []
    private var slots: [Int32]
    private var mask: Int

    package init(arity: Int, capacity: Int = 64) {
        self.arity = arity
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        keys.reserveCapacity(capacity * arity)
    }

    /// Callers guarantee `arity >= 1`: a table description declares at least one dimension.
    var count: Int { keys.count / arity }

    private static func hash(_ key: UnsafeBufferPointer<Int32>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in key {
            h = (h ^ UInt64(UInt32(bitPattern: k))) &* 0x9E37_79B9_7F4A_7C15
        }
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }

    private func matches(_ id: Int, _ key: UnsafeBufferPointer<Int32>) -> Bool {
        let base = id * arity
        for j in 0..<arity where keys[base + j] != key[j] { return false }
        return true
    }

    /// The id of `key`, inserting it if new.
    package mutating func insert(_ key: UnsafeBufferPointer<Int32>) -> (id: Int, inserted: Bool) {
        var slot = Self.hash(key) & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if matches(id, key) { return (id, false) }
            slot = (slot + 1) & mask
        }
        let id = count
        slots[slot] = Int32(id)
        keys.append(contentsOf: key)
        if count * 2 > slots.count { grow() }
        return (id, true)
    }

    func find(_ key: UnsafeBufferPointer<Int32>) -> Int? {
        var slot = Self.hash(key) & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { return nil }
            if matches(id, key) { return id }
            slot = (slot + 1) & mask
        }
    }

    func find(_ key: [Int32]) -> Int? { key.withUnsafeBufferPointer { find($0) } }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        keys.withUnsafeBufferPointer { all in
            for id in 0..<count {
                let key = UnsafeBufferPointer(rebasing: all[id * arity..<(id + 1) * arity])
                var slot = Self.hash(key) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(id)
            }
        }
    }
}
