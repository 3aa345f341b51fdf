/// Lines already read as whole records, by their bytes. A physical line that starts a record and holds exactly
/// one record parses to the same fields every time it occurs (libcsv is at the same state, "no record begun",
/// before and after it), so when it occurs again the reader hands its consumer the memo id instead of parsing
/// it: person records whose columns are all categories repeat a few thousand distinct lines millions of times.
///
/// Memory is bounded by `capacity` lines, whatever the number of records. When the memo is full and fewer than
/// half of the lines looked up were repeats (a file whose lines are all different), lookups stop.
struct LineMemo {
    static let defaultCapacity = 1 << 16

    private var lines = ByteInterner()
    let capacity: Int
    private(set) var enabled = true
    private var hits = 0
    private var misses = 0

    init(capacity: Int = defaultCapacity) { self.capacity = capacity }

    /// The memo id of a line read before, counting the lookup.
    mutating func lookUp(_ line: UnsafeRawBufferPointer) -> Int32? {
        if let id = lines.id(of: line) {
            hits += 1
            return id
        }
        misses += 1
        if lines.count >= capacity, misses > hits {
            enabled = false
            lines = ByteInterner()  // never looked up again: its memory goes back
        }
        return nil
    }

    /// Remembers a line that was just read as one whole record; nil when the memo is full.
    mutating func remember(_ line: UnsafeRawBufferPointer) -> Int32? {
        guard lines.count < capacity else { return nil }
        return lines.intern(line)
    }
}
