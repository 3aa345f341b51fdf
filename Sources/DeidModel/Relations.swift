/// The additive relations of a table: for every cell whose coordinate is a total or subtotal in some dimension,
/// `total = Σ parts`, where the parts are the cells with that coordinate replaced by each child.
///
/// Stored flat (one array of parts with offsets) because a table can have millions of them; the audit's linear
/// programs and the complementary search both read this one list.
public struct Relations: Sendable, RandomAccessCollection {
    public struct Relation: Sendable, Hashable {
        public let total: Int
        public let parts: ArraySlice<Int32>
        /// The dimension along which the parts add up to the total.
        public let dimension: Int

        /// The total followed by the parts: every cell the relation ties together.
        public var cells: [Int] { [total] + parts.map(Int.init) }

        /// Every cell with its coefficient in `total − Σ parts = 0`: +1 for the total, −1 for each part.
        package var signedCells: [(cell: Int, sign: Int32)] { [(total, 1)] + parts.map { (Int($0), -1) } }
    }

    var totals: [Int32] = []
    var dimensions: [Int8] = []
    var offsets: [Int32] = [0]
    var parts: [Int32] = []

    public init() {}

    init(reservingRelations relations: Int, parts: Int) {
        totals.reserveCapacity(relations)
        dimensions.reserveCapacity(relations)
        offsets.reserveCapacity(relations + 1)
        self.parts.reserveCapacity(parts)
    }

    mutating func append(total: Int, dimension: Int, parts newParts: some Sequence<Int32>) {
        totals.append(Int32(total))
        dimensions.append(Int8(dimension))
        parts.append(contentsOf: newParts)
        offsets.append(Int32(parts.count))
    }

    /// Appends another list's relations after this one's.
    mutating func append(contentsOf other: Relations) {
        let base = Int32(parts.count)
        totals += other.totals
        dimensions += other.dimensions
        offsets += other.offsets.dropFirst().map { $0 + base }
        parts += other.parts
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { totals.count }

    public subscript(position: Int) -> Relation {
        Relation(
            total: Int(totals[position]),
            parts: parts[Int(offsets[position])..<Int(offsets[position + 1])],
            dimension: Int(dimensions[position]))
    }

    /// For each cell, the relations it takes part in (as total or as part).
    public func membership(cellCount: Int) -> [[Int32]] {
        var member = Array(repeating: [Int32](), count: cellCount)
        for r in indices {
            member[Int(totals[r])].append(Int32(r))
            for p in parts[Int(offsets[r])..<Int(offsets[r + 1])] {
                member[Int(p)].append(Int32(r))
            }
        }
        return member
    }
}
