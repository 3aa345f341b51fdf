#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps field bytes to dense `Int32` ids (0, 1, 2, … in first-seen order) without making a String per lookup:
/// group-by keys are hashed from the raw bytes, and a String is created only for a key never seen before
/// (creating a String is the next cost after the parse).
///
/// An open-addressing table of ids over one contiguous byte store; a value type, so copies are independent.
public struct ByteInterner: Sendable {
    /// Key bytes, back to back; key `id` is `bytes[starts[id] ..< starts[id + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Slot → id, or -1 when empty. The capacity is a power of two, at most half full.
    private var slots: [Int32] = Array(repeating: -1, count: 16)
    public private(set) var labels: [String] = []
    /// The id returned last: tables sorted by their dimensions repeat a column's value row after row, so one
    /// comparison usually answers without hashing.
    private var lastID: Int32 = -1

    public init() {}

    public var count: Int { labels.count }

    /// The id of these bytes, adding them (and creating their String) if they are new.
    public mutating func intern(_ key: UnsafeRawBufferPointer) -> Int32 {
        if lastID >= 0, equals(Int(lastID), key) { return lastID }
        let hash = Self.hash(key)
        let (slot, found) = find(key, hash: hash)
        if let found {
            lastID = found
            return found
        }
        lastID = insert(key, hash: hash, slot: slot, label: String(decoding: key, as: UTF8.self))
        return lastID
    }

    public mutating func intern(_ label: String) -> Int32 {
        var utf8 = label  // withUTF8 may make the storage contiguous, so it needs a mutable copy
        return utf8.withUTF8 { buffer in
            let key = UnsafeRawBufferPointer(buffer)
            let hash = Self.hash(key)
            let (slot, found) = find(key, hash: hash)
            if let found { return found }
            return insert(key, hash: hash, slot: slot, label: label)
        }
    }

    public func id(of key: UnsafeRawBufferPointer) -> Int32? {
        find(key, hash: Self.hash(key)).id
    }

    public func id(of label: String) -> Int32? {
        var label = label
        return label.withUTF8 { id(of: UnsafeRawBufferPointer($0)) }
    }

    // MARK: Table

    /// The slot holding `key`, or the empty slot where it would go.
    private func find(_ key: UnsafeRawBufferPointer, hash: UInt64) -> (slot: Int, id: Int32?) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let id = slots[slot]
                if id < 0 { return (slot, nil) }
                if hashes[Int(id)] == hash, equals(Int(id), key) { return (slot, id) }
                slot = (slot + 1) & mask
            }
        }
    }

    private func equals(_ id: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = starts[id]
        let length = starts[id + 1] - start
        guard length == key.count else { return false }
        if length == 0 { return true }
        return bytes.withUnsafeBytes { stored in
            guard let a = stored.baseAddress, let b = key.baseAddress else { return false }
            return memcmp(a + start, b, length) == 0
        }
    }

    private mutating func insert(_ key: UnsafeRawBufferPointer, hash: UInt64, slot: Int, label: String) -> Int32 {
        precondition(labels.count < Int32.max, "ByteInterner: more than 2^31 distinct keys")
        let id = Int32(labels.count)
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        hashes.append(hash)
        labels.append(label)
        slots[slot] = id
        if labels.count * 2 > slots.count { rehash(capacity: slots.count * 2) }
        return id
    }

    private mutating func rehash(capacity: Int) {
        var fresh = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for id in 0..<labels.count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while fresh[slot] >= 0 { slot = (slot + 1) & mask }
            fresh[slot] = Int32(id)
        }
        slots = fresh
    }

    /// A fast 64-bit hash of short keys: 8 bytes at a time, multiply-xorshift mixing. Unkeyed and not
    /// cryptographic; group labels of a table are few and not adversarial.
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ (UInt64(key.count) &* multiplier)
        var i = 0
        let n = key.count
        while i + 8 <= n {
            let word = key.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* multiplier
            h ^= h >> 29
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(key[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* multiplier
            h ^= h >> 29
        }
        h = (h ^ (h >> 32)) &* multiplier
        return h ^ (h >> 29)
    }
}
