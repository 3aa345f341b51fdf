import DeidRead

/// Records per combination of the candidate quasi-identifiers' values, so that group sizes over any subset of
/// them can be derived after the one pass (a subset's groups are sums of the full combination's). A column found
/// to hold identifiers is dropped as soon as that is known, merging its groups, which keeps the table to the
/// combinations of the columns that remain. Past `limit` combinations counting stops and the measure is reported
/// as not made.
struct CombinationCounter {
    static let defaultLimit = 2_000_000

    /// Field indices tracked, in file order.
    private(set) var fields: [Int]
    private var interned: [ByteInterner]
    private var counts: [[Int32]: Int] = [:]
    let limit: Int
    private(set) var overflowed = false

    init(fields: [Int], limit: Int = defaultLimit) {
        self.fields = fields
        self.interned = Array(repeating: ByteInterner(), count: fields.count)
        self.limit = limit
    }

    mutating func add(_ value: (Int) -> UnsafeRawBufferPointer) {
        guard !overflowed, !fields.isEmpty else { return }
        var key = [Int32](repeating: 0, count: fields.count)
        for (slot, field) in fields.enumerated() { key[slot] = interned[slot].intern(value(field)) }
        counts[key, default: 0] += 1
        if counts.count > limit {
            overflowed = true
            counts = [:]
            interned = []
        }
    }

    /// Stops tracking `field`, merging the groups that differed only in it.
    mutating func drop(field: Int) {
        guard let slot = fields.firstIndex(of: field) else { return }
        fields.remove(at: slot)
        guard !overflowed else { return }
        interned.remove(at: slot)
        var merged: [[Int32]: Int] = [:]
        for (key, count) in counts {
            var shorter = key
            shorter.remove(at: slot)
            merged[shorter, default: 0] += count
        }
        counts = merged
    }

    /// Group sizes over `subset` (field indices, all tracked); nil when counting stopped or a field is not tracked.
    func groupSizes(over subset: [Int]) -> [Int]? {
        guard !overflowed else { return nil }
        var slots: [Int] = []
        for field in subset {
            guard let slot = fields.firstIndex(of: field) else { return nil }
            slots.append(slot)
        }
        if slots.count == fields.count { return Array(counts.values) }
        var merged: [[Int32]: Int] = [:]
        for (key, count) in counts { merged[slots.map { key[$0] }, default: 0] += count }
        return Array(merged.values)
    }
}
