/// Finds the cheapest published cells whose hiding gives a hidden cell a wide enough interval.
///
/// To move a target cell c by δ (up or down) it solves, over c's table component, the linear program
///
///     minimise  Σ cost_j · |Δ_j|                over published cells j (hidden cells cost nothing)
///     subject to every relation: change of the total = Σ changes of its parts
///                Δ_c = δ,  value_j + Δ_j ≥ 1 (hidden cells stay non-zero)
///                Δ_j = 0 for zeros and cells that may not be hidden
///
/// A solution is a second table that satisfies every total and equals the true table outside the cells it
/// changes. Once those cells are hidden an attacker cannot rule it out, so c's interval reaches value + δ. One
/// move down by b and one up by a give an interval at least a + b wide. This is the attacker-subproblem view of
/// complementary suppression used by τ-ARGUS's optimal method and sdcTable, solved one cell at a time.
///
/// Every solution is also remembered as a witness: a hidden cell that moved by δ in some solution can move by δ
/// under the current pattern (and any larger one), so later targets already covered by a witness need no LP.
struct PerturbationProtector {
    private let table: Table
    private let costs: SuppressionCosts
    private let components: TableComponents
    private var models: [Int32: ProtectionLP] = [:]
    /// The largest upward / downward move seen for each cell in any solution.
    private var witnessUp: [Double]
    private var witnessDown: [Double]
    private(set) var linearPrograms = 0
    /// The smallest value each cell can take when hidden: 1, or for a total the number of its non-zero parts in
    /// its largest relation (each of them stays at least 1).
    private let floors: [Int]

    init(table: Table, costs: SuppressionCosts, components: TableComponents) {
        self.table = table
        self.costs = costs
        self.components = components
        witnessUp = Array(repeating: 0, count: table.cellCount)
        witnessDown = Array(repeating: 0, count: table.cellCount)
        var floors = Array(repeating: 1, count: table.cellCount)
        for relation in table.relations {
            let nonZero = relation.parts.reduce(0) { $0 + (table.counts[Int($1)] > 0 ? 1 : 0) }
            floors[relation.total] = max(floors[relation.total], nonZero)
        }
        self.floors = floors
    }

    /// Whether witnesses already show the cell can move up and down by `width` in all.
    func isCovered(_ cell: Int, width: Int) -> Bool {
        witnessUp[cell] + witnessDown[cell] >= Double(width) - 1e-9
    }

    /// Makes the cell's interval at least `width` wide — it can move down by b and up by a with a + b ≥ width —
    /// hiding the cheapest published cells needed. Returns the cells it hid, or nil when no set of hideable
    /// cells allows it.
    ///
    /// The split tries the natural one first: down to the lowest value the cell's structure allows (1 for an inner
    /// cell, the number of its non-zero parts for a total), the rest upward; then all of it upward, then all
    /// downward. Each move is one linear program over the component, changing only bounds between solves.
    mutating func ensure(_ cell: Int, width: Int, pattern: inout Pattern, reason: HiddenReason) throws -> [Int]? {
        guard width > 0, !isCovered(cell, width: width) else { return [] }
        let room = max(0, table.counts[cell] - floors[cell])
        var splits = [(down: min(room, width), up: width - min(room, width)), (down: 0, up: width)]
        if room >= width { splits.append((down: width, up: 0)) }
        for split in splits {
            var hidden: [Int] = []
            guard let down = try move(cell, by: -split.down, pattern: &pattern, reason: reason) else { continue }
            hidden += down
            guard let up = try move(cell, by: split.up, pattern: &pattern, reason: reason) else { continue }
            return hidden + up
        }
        return nil
    }

    /// One move (positive: up), unless a witness already shows it.
    private mutating func move(_ cell: Int, by amount: Int, pattern: inout Pattern, reason: HiddenReason) throws -> [Int]? {
        if amount == 0 || (amount > 0 ? witnessUp[cell] : witnessDown[cell]) >= Double(abs(amount)) - 1e-9 { return [] }
        let model = try model(for: components.componentOf[cell], pattern: pattern)
        linearPrograms += 1
        guard let moves = try model.cheapestMove(of: cell, by: amount) else { return nil }
        var hidden: [Int] = []
        for (j, delta) in moves {
            if !pattern.isHidden(j) {
                pattern.hide(j, reason)
                model.markHidden(j)
                hidden.append(j)
            }
            if delta > 0 { witnessUp[j] = max(witnessUp[j], delta) } else { witnessDown[j] = max(witnessDown[j], -delta) }
        }
        return hidden
    }

    /// Cells hidden by someone else (rule 6) cost nothing from now on.
    mutating func noteHidden(_ cells: [Int]) {
        for cell in cells {
            models[components.componentOf[cell]]?.markHidden(cell)
        }
    }

    private mutating func model(for component: Int32, pattern: Pattern) throws -> ProtectionLP {
        if let model = models[component] { return model }
        let model = try ProtectionLP(
            table: table, cells: components.cells[Int(component)], relations: components.relations[Int(component)],
            costs: costs, pattern: pattern)
        models[component] = model
        return model
    }
}
