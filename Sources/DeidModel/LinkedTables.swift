import DeidSupport

/// Tables released together, as one cell system. A cell is the same cell in every table where its dimension
/// columns (matched by name) carry the same labels once every dimension at its total is left out:
/// `County=Alameda, Sex=Total` in one table and `County=Alameda, Age Group=All Ages` in another are both the
/// cell `County=Alameda`. A table without a dimension column stands at that dimension's total.
///
/// The system's relations are every table's relations over the shared cells, so an attacker's view of the whole
/// set — what one table hides and another's totals give away — is what the audit solves.
public struct LinkedTables: Sendable {
    /// The one system over every table's cells and relations.
    public let system: CellSystem
    /// Per table, the system's cell for each of the table's cells.
    public let cellMaps: [[Int32]]

    /// Links `tables` (at least one). Fails when two tables give a shared cell different counts, when a label
    /// adds up into different totals in two tables, or when a table lacks a dimension that has no total elsewhere.
    public static func link(_ tables: [Table]) throws(ModelError) -> LinkedTables {
        let axes = try LinkedAxes(tables)
        var cells = LinkedCells(arity: axes.names.count)
        var maps: [[Int32]] = []
        for (t, table) in tables.enumerated() {
            let columns = axes.columns(of: t)
            let labels = table.hiddenLabels
            var map: [Int32] = []
            map.reserveCapacity(table.cellCount)
            var key = [Int32](repeating: 0, count: axes.names.count)
            for cell in 0..<table.cellCount {
                for u in key.indices {
                    if let d = columns[u] {
                        key[u] = axes.value(table: t, dimension: d, id: table.value(of: cell, in: d))
                    } else {
                        key[u] = axes.roots[u]
                    }
                }
                map.append(try cells.place(key, table: t, cell: cell, label: labels[cell], in: tables))
            }
            maps.append(map)
        }
        let relations = linkedRelations(tables, maps: maps, axes: axes)
        let system = cells.system(tables: tables, dimensions: axes.dimensions(), relations: relations)
        return LinkedTables(system: system, cellMaps: maps)
    }

    /// Every table's relations over the shared cells, each once, along the linked dimension of its axis.
    private static func linkedRelations(_ tables: [Table], maps: [[Int32]], axes: LinkedAxes) -> Relations {
        var relations = Relations()
        var seen: Set<[Int32]> = []
        for (t, table) in tables.enumerated() {
            let map = maps[t]
            let linkedDimension = axes.linkedDimensions(of: t)
            for relation in table.relations {
                let total = map[relation.total]
                let parts = relation.parts.map { map[Int($0)] }
                guard seen.insert([total] + parts.sorted()).inserted else { continue }
                relations.append(total: Int(total), dimension: linkedDimension[relation.dimension], parts: parts)
            }
        }
        return relations
    }
}
