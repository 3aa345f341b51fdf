import DeidSupport
import DeidModel

/// The independent parts of a table: cells connected through relations. A dimension without a total splits the
/// table (each year its own slice), and nothing an attacker learns in one part says anything about another, so
/// protection works part by part.
struct CellComponents: Sendable {
    /// Component id of each cell.
    let componentOf: [Int32]
    /// Cells of each component, in cell order.
    let cells: [[Int32]]
    /// Relations of each component.
    let relations: [[Int32]]

    init(_ system: CellSystem) {
        var sets = UnionFind(count: system.cellCount)
        for relation in system.relations {
            for part in relation.parts { sets.union(relation.total, Int(part)) }
        }
        var ids = [Int: Int32]()
        var componentOf = [Int32](repeating: 0, count: system.cellCount)
        var cells: [[Int32]] = []
        for cell in 0..<system.cellCount {
            let root = sets.find(cell)
            let id: Int32
            if let known = ids[root] {
                id = known
            } else {
                id = Int32(cells.count)
                ids[root] = id
                cells.append([])
            }
            componentOf[cell] = id
            cells[Int(id)].append(Int32(cell))
        }
        var relations = Array(repeating: [Int32](), count: cells.count)
        for r in system.relations.indices {
            relations[Int(componentOf[system.relations[r].total])].append(Int32(r))
        }
        self.componentOf = componentOf
        self.cells = cells
        self.relations = relations
    }
}
