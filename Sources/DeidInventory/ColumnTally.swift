/// What one column of a record-level file holds, tallied as the file streams by: empty and non-empty fields,
/// how many values have each shape, the largest integer, distinct values, and the 3-digit areas of ZIP-like
/// values. Memory is bounded: no value is kept beyond the distinct counter's exact set.
struct ColumnTally {
    /// Integer values above this are counted (`integersAbove`): ages over 89.
    let integerLimit: Int
    var integersAbove = 0
    var empty = 0
    var nonEmpty = 0
    var shapeCounts = [Int](repeating: 0, count: ValueShape.all.count)
    var largestInteger: Int?
    var distinct = DistinctCounter()
    /// First three digits of 3-digit, 5-digit and ZIP+4 values (at most 1,000).
    var zip3Areas: Set<String> = []
    /// The previous value and its shape: sorted or repetitive columns repeat it, and it is not classified again.
    private var last: [UInt8] = []
    private var hasLast = false
    private var lastShape: ValueShape = []
    private var lastAbove = false

    init(integerLimit: Int) { self.integerLimit = integerLimit }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { empty += 1; return }
        nonEmpty += 1
        if hasLast, ByteText.same(last, bytes) {
            count(lastShape)
            if lastAbove { integersAbove += 1 }
            return
        }
        let shape = ValueShape.of(bytes)
        count(shape)
        distinct.add(bytes)
        lastAbove = false
        if shape.contains(.integer), let value = ByteText(bytes).integerValue {
            largestInteger = max(largestInteger ?? value, value)
            lastAbove = value > integerLimit
            if lastAbove { integersAbove += 1 }
        }
        if !shape.isDisjoint(with: [.zip3, .zip5, .zipPlus4]) {
            zip3Areas.insert(String(decoding: bytes.prefix(3), as: UTF8.self))
        }
        last.removeAll(keepingCapacity: true)
        last.append(contentsOf: bytes)
        hasLast = true
        lastShape = shape
    }

    private mutating func count(_ shape: ValueShape) {
        guard !shape.isEmpty else { return }
        for (i, s) in ValueShape.all.enumerated() where shape.contains(s) { shapeCounts[i] += 1 }
    }

    /// How many non-empty values have `shape`.
    func count(of shape: ValueShape) -> Int {
        ValueShape.all.firstIndex(of: shape).map { shapeCounts[$0] } ?? 0
    }

    /// Whether every non-empty value has `shape` (false for an empty column).
    func all(_ shape: ValueShape) -> Bool { nonEmpty > 0 && count(of: shape) == nonEmpty }
}
