import DeidSupport

/// What protection and the disclosure audit work on: cells with their values and what a reader already knows
/// about them, and the linear relations among them. Neither stage sees a CSV row, a column or a label: where a
/// cell came from is kept in `origins`, for messages and for mapping a release back to rows. A system is built
/// from one table, or from tables released together (`LinkedTables`).
public struct CellSystem: Sendable {
    /// The value standing for a cell whose count the input left blank (hidden by an earlier release).
    public static let unknown = Table.blank

    /// Each cell's count of people, or `CellSystem.unknown`.
    public let values: [Int]
    /// Every relation `total = Σ parts`.
    public let relations: Relations
    /// Per cell, along how many axes it is a total or subtotal: totals cost more to hide.
    public let marginality: [Int8]
    /// What the input's annotation codes say about its blank cells (a release being checked); empty otherwise.
    public let knownLabels: [Int: HiddenLabel]
    /// The cells laid out on axes, for the searches that move values along them (hypercubes, neighbourhoods).
    public let grid: CellGrid
    /// Where each cell came from.
    public let origins: CellOrigins

    public var cellCount: Int { values.count }
    public func isUnknown(_ cell: Int) -> Bool { values[cell] == Self.unknown }

    package init(
        values: [Int], relations: Relations, marginality: [Int8], knownLabels: [Int: HiddenLabel], grid: CellGrid,
        origins: CellOrigins
    ) {
        self.values = values
        self.relations = relations
        self.marginality = marginality
        self.knownLabels = knownLabels
        self.grid = grid
        self.origins = origins
    }
}

/// How the values along one axis add up: `parent[v]` is the value `v` adds up into (or -1), `children[v]` the
/// values that add up to `v`.
public struct Axis: Sendable {
    public let parent: [Int32]
    public let children: [[Int32]]

    /// Whether the axis has a total or a hierarchy, so that values along it are tied by relations.
    public var isAdditive: Bool { parent.contains { $0 >= 0 } }
    public func isLeaf(_ value: Int32) -> Bool { children[Int(value)].isEmpty }
}

/// The cells as points of a grid: a value id on every axis.
public struct CellGrid: Sendable {
    public let axes: [Axis]
    let coordinates: [Int32]
    let index: CellIndex

    /// The cell's value id on `axis`.
    public func value(of cell: Int, on axis: Int) -> Int32 { coordinates[cell * axes.count + axis] }

    /// The cell at these value ids, if there is one.
    public func cell(at values: [Int32]) -> Int? { index.find(values) }

    /// The dense layout of the index (position of a cell = Σ value × stride), when it has one.
    package var dense: (strides: [Int], slots: [Int32])? { index.dense }
}

/// Where the cells of a system came from: their table, row and coordinates. Only messages and reports use it.
public struct CellOrigins: Sendable {
    /// A cell of a linked system: the first table that has it, and its cell there.
    struct Placement: Sendable {
        let table: Int32
        let cell: Int32
    }

    let tables: [Table]
    /// Per cell of a linked system; empty for a system of one table, whose cell i is the table's cell i.
    let placements: [Placement]
    let axisNames: [String]

    init(table: Table) {
        tables = [table]
        placements = []
        axisNames = table.dimensions.map(\.column)
    }

    init(tables: [Table], placements: [Placement], axisNames: [String]) {
        self.tables = tables
        self.placements = placements
        self.axisNames = axisNames
    }

    /// The file the cells were read from (every file, comma-separated, for tables released together).
    public var file: String { tables.map(\.file).joined(separator: ", ") }
    /// The cell's coordinates as labels, as its table has them.
    public func coordinates(of cell: Int) -> [Coordinate] {
        let (table, row) = place(cell)
        return table.coordinates(of: row)
    }
    /// The cell's row in its input (the first table that has it).
    public func location(of cell: Int) -> SourceLocation {
        let (table, row) = place(cell)
        return table.location(of: row)
    }
    /// The column along which relation `r`'s parts add up to its total.
    public func axisName(of relation: Relations.Relation) -> String { axisNames[relation.dimension] }

    private func place(_ cell: Int) -> (Table, Int) {
        guard !placements.isEmpty else { return (tables[0], cell) }
        let placement = placements[cell]
        return (tables[Int(placement.table)], Int(placement.cell))
    }
}

extension Table {
    /// The table as protection and the audit see it.
    public var cellSystem: CellSystem {
        CellSystem(
            values: counts, relations: relations, marginality: (0..<cellCount).map { Int8(marginality(of: $0)) },
            knownLabels: hiddenLabels,
            grid: CellGrid(
                axes: dimensions.map { Axis(parent: $0.parent, children: $0.children) }, coordinates: coordinates,
                index: index),
            origins: CellOrigins(table: self))
    }

    /// What an already-released input's annotation codes tell a reader about its blank cells.
    public var hiddenLabels: [Int: HiddenLabel] {
        var labels = marks.map(Self.labels) ?? [:]
        for cell in remainderCells where isBlank(cell) { labels[cell] = .unpublished }
        return labels
    }

    private static func labels(_ marks: ReleaseMarks) -> [Int: HiddenLabel] {
        guard marks.hasAnnotationColumn else { return [:] }
        var labels: [Int: HiddenLabel] = [:]
        for (cell, code) in marks.annotations.enumerated() {
            switch code {
            case .smallNumber: labels[cell] = .smallNumber
            case .complementary: labels[cell] = .complementary
            default: break
            }
        }
        return labels
    }
}
