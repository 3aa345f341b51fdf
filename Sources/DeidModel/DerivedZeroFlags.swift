/// Per cell, which derived columns hold a value that reads as zero (`0.0`, `0%`; Example 3): one flag per cell and
/// derived column, cells in order, for however many derived columns the description declares.
public struct DerivedZeroFlags: Sendable {
    /// The number of derived columns.
    public let columns: Int
    private var flags: [Bool] = []

    public init(columns: Int) { self.columns = columns }

    /// Adds the next cell: `readsZero(k)` says whether its k-th derived column reads as zero.
    package mutating func appendCell(_ readsZero: (Int) -> Bool) {
        for k in 0..<columns { flags.append(readsZero(k)) }
    }

    /// Adds the cells of `other`, which has the same columns, after these.
    package mutating func append(contentsOf other: DerivedZeroFlags) { flags += other.flags }

    /// No derived column of `cell` reads as zero any more (its values are recomputed or left empty).
    package mutating func clear(cell: Int) {
        for k in 0..<columns { flags[cell * columns + k] = false }
    }

    /// Whether derived column `column` of `cell` reads as zero; false for a cell or column not recorded.
    public func readsZero(cell: Int, column: Int) -> Bool {
        let index = cell * columns + column
        return column < columns && index < flags.count && flags[index]
    }

    /// Whether any derived column of `cell` reads as zero.
    public func anyReadsZero(cell: Int) -> Bool {
        (0..<columns).contains { readsZero(cell: cell, column: $0) }
    }
}
