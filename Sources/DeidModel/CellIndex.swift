/// Finds a cell by its coordinates. A complete (or nearly complete) table — the usual case, since every total
/// needs all its parts — is indexed densely by mixed-radix position, which is a multiply-add per dimension and
/// one array load; a sparse table falls back to a hash of the coordinates.
package struct CellIndex: Sendable {
    private enum Storage: Sendable {
        case dense(strides: [Int], slots: [Int32])
        case hashed(TupleTable)
    }

    let arity: Int
    private let storage: Storage

    /// Indexes cells whose coordinates are stored flat (`arity` values per cell, value ids below `sizes`).
    /// Returns the first pair of cells found with equal coordinates, if any.
    package static func build(coordinates: [Int32], arity: Int, sizes: [Int]) -> (index: CellIndex, duplicate: (Int, Int)?) {
        let cellCount = coordinates.count / arity
        var positions = 1
        var overflow = false
        for size in sizes {
            (positions, overflow) = positions.multipliedReportingOverflow(by: max(size, 1))
            if overflow { break }
        }
        if !overflow && positions <= max(2 * cellCount, 4096) && positions < Int(Int32.max) {
            var strides = Array(repeating: 1, count: arity)
            for d in stride(from: arity - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * max(sizes[d + 1], 1) }
            var slots = [Int32](repeating: -1, count: positions)
            var duplicate: (Int, Int)?
            coordinates.withUnsafeBufferPointer { all in
                for cell in 0..<cellCount {
                    var offset = 0
                    for d in 0..<arity { offset += Int(all[cell * arity + d]) * strides[d] }
                    if slots[offset] >= 0 {
                        if duplicate == nil { duplicate = (Int(slots[offset]), cell) }
                    } else {
                        slots[offset] = Int32(cell)
                    }
                }
            }
            return (CellIndex(arity: arity, storage: .dense(strides: strides, slots: slots)), duplicate)
        }
        var table = TupleTable(arity: arity, capacity: cellCount)
        var duplicate: (Int, Int)?
        coordinates.withUnsafeBufferPointer { all in
            for cell in 0..<cellCount {
                let (id, inserted) = table.insert(UnsafeBufferPointer(rebasing: all[cell * arity..<(cell + 1) * arity]))
                if !inserted && duplicate == nil { duplicate = (id, cell) }
            }
        }
        return (CellIndex(arity: arity, storage: .hashed(table)), duplicate)
    }

    /// The dense layout (position of a cell = Σ value × stride), when the index has one.
    package var dense: (strides: [Int], slots: [Int32])? {
        if case .dense(let strides, let slots) = storage { return (strides, slots) }
        return nil
    }

    func find(_ key: UnsafeBufferPointer<Int32>) -> Int? {
        switch storage {
        case .dense(let strides, let slots):
            var offset = 0
            for d in 0..<arity { offset += Int(key[d]) * strides[d] }
            let cell = slots[offset]
            return cell >= 0 ? Int(cell) : nil
        case .hashed(let table):
            return table.find(key)
        }
    }

    func find(_ key: [Int32]) -> Int? { key.withUnsafeBufferPointer { find($0) } }

    /// The cell that has `cell`'s coordinates except `value` in `dimension`, given `cell`'s coordinates.
    /// On a dense index this is one multiply-add away from the cell's own position.
    func find(replacing dimension: Int, with value: Int32, in key: UnsafeMutableBufferPointer<Int32>) -> Int? {
        let saved = key[dimension]
        key[dimension] = value
        defer { key[dimension] = saved }
        return find(UnsafeBufferPointer(key))
    }
}
