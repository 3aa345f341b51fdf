import DeidModel

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
struct GreedySuppression {
    /// What every protector of one table shares and never changes, computed once.
    struct Shared: Sendable {
        let system: CellSystem
        let costs: SuppressionCosts
        let components: CellComponents
        /// For each cell, the relations it takes part in.
        let membership: [[Int32]]
        /// Per component, whether its cells are protected by cubes first (`CheapestCube`), a linear program
        /// being the fallback only: components whose linear programs would cost small cells × component size.
        let cubeFirst: [Bool]
        /// The smallest value each cell can take when hidden: 1, or for a total the number of its non-zero parts
        /// in its largest relation (each of them stays at least 1).
        let floors: [Int]

        init(system: CellSystem, costs: SuppressionCosts, components: CellComponents, cubeFirst: [Bool]? = nil) {
            self.system = system
            self.cubeFirst = cubeFirst ?? Array(repeating: false, count: components.cells.count)
            self.costs = costs
            self.components = components
            var floors = Array(repeating: 1, count: system.cellCount)
            for relation in system.relations {
                let nonZero = relation.parts.reduce(0) { $0 + (system.values[Int($1)] > 0 ? 1 : 0) }
                floors[relation.total] = max(floors[relation.total], nonZero)
            }
            self.floors = floors
            membership = system.relations.membership(cellCount: system.cellCount)
        }
    }

    private let shared: Shared
    private var system: CellSystem { shared.system }
    private var costs: SuppressionCosts { shared.costs }
    private var components: CellComponents { shared.components }
    private var membership: [[Int32]] { shared.membership }
    private var floors: [Int] { shared.floors }
    /// Linear programs over neighbourhoods (tried first) and over whole components (the fallback), built on
    /// first use and kept; `hiddenLog` lists every cell hidden so far, and each model catches up on it before it
    /// is solved, so a cell hidden while the model was idle moves for free there too.
    private var neighbourhoodModels: [[Int32]: ProtectionLP] = [:]
    private var componentModels: [Int32: ProtectionLP] = [:]
    private var hiddenNetworks: [Int32: HiddenNetworkLP] = [:]
    private var hiddenLog: [Int] = []
    private let hypercubes: HypercubeWitness
    private let cubes: CheapestCube
    /// The largest upward / downward move seen for each cell in any solution.
    private var witnessUp: [Double]
    private var witnessDown: [Double]
    private(set) var linearPrograms = 0
    /// The cubes hidden so far, as moves the audit may verify and use (`AuditProblem.hints`).
    private(set) var cubeMoves: [Move] = []

    init(_ shared: Shared) {
        self.shared = shared
        witnessUp = Array(repeating: 0, count: shared.system.cellCount)
        witnessDown = Array(repeating: 0, count: shared.system.cellCount)
        hypercubes = HypercubeWitness(system: shared.system)
        cubes = CheapestCube(system: shared.system, costs: shared.costs)
    }

    /// Whether the cell's component is protected by cubes first.
    func usesCubes(for cell: Int) -> Bool { shared.cubeFirst[Int(components.componentOf[cell])] }

    /// The protector's cube search, which only reads, for searches run in parallel.
    var cubeSearch: CheapestCube { cubes }

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
    ///
    /// `proposal`: a cube found earlier (on a pattern with fewer cells hidden, which makes it no less valid) to
    /// use instead of searching again, when the cell still needs one.
    mutating func ensure(
        _ cell: Int, width: Int, pattern: inout Pattern, reason: HiddenReason, proposal: CheapestCube.Cube? = nil
    ) throws(ProtectError) -> [Int]? {
        guard width > 0, !isCovered(cell, width: width) else { return [] }
        // Hidden cells already forming a hypercube around it may prove it without a linear program.
        let cube = hypercubes.best(for: cell, pattern: pattern)
        if let corners = cube.cube, cube.up + cube.down > 0 {
            recordWitnesses(corners.map { ($0.cell, $0.sign) }, isSolution: false)
            if shared.cubeFirst[Int(components.componentOf[cell])] {
                cubeMoves.append(Move(cells: corners.map { Int32($0.cell) }, steps: corners.map { $0.sign > 0 ? 1 : -1 }))
            }
            if isCovered(cell, width: width) { return [] }
        }
        // Cells hidden by a cube or by a split that then fails stay hidden (their moves are recorded as
        // witnesses), so they are reported with the rest.
        var hidden: [Int] = []
        if shared.cubeFirst[Int(components.componentOf[cell])],
            let cube = proposal ?? cubes.cheapest(for: cell, width: width, pattern: pattern)
        {
            for corner in cube.corners where !pattern.isHidden(corner.cell) {
                pattern.hide(corner.cell, reason)
                hiddenLog.append(corner.cell)
                hidden.append(corner.cell)
            }
            recordWitnesses(cube.corners.map { ($0.cell, Double($0.sign)) }, isSolution: false)
            cubeMoves.append(Move(cells: cube.corners.map { Int32($0.cell) }, steps: cube.corners.map(\.sign)))
            if isCovered(cell, width: width) { return hidden }
        }

        let room = max(0, system.values[cell] - floors[cell])
        var splits = [(down: min(room, width), up: width - min(room, width)), (down: 0, up: width)]
        if room >= width { splits.append((down: width, up: 0)) }
        for split in splits {
            // Up first: an upward move needs partners with room to go down, and reversed it usually gives the
            // downward move as well, with the same cells.
            guard let up = try move(cell, by: split.up, pattern: &pattern, reason: reason) else { continue }
            hidden += up
            guard let down = try move(cell, by: -split.down, pattern: &pattern, reason: reason) else { continue }
            return hidden + down
        }
        return nil
    }

    /// One move (positive: up), unless a witness already shows it: searched in the cell's neighbourhood first,
    /// then in a wider one, then in its whole component.
    private mutating func move(_ cell: Int, by amount: Int, pattern: inout Pattern, reason: HiddenReason) throws(ProtectError) -> [Int]? {
        if amount == 0 || (amount > 0 ? witnessUp[cell] : witnessDown[cell]) >= Double(abs(amount)) - 1e-9 { return [] }
        var moves: [(cell: Int, delta: Double)]?
        for reach in [Neighbourhood.Reach.near, .wide] where moves == nil {
            moves = try neighbourhoodModel(for: cell, reach: reach, pattern: pattern).cheapestMove(of: cell, by: amount)
            linearPrograms += 1
        }
        // A costly move found nearby may have a much cheaper one further away (through cells of other regions
        // that are already hidden, say): above fifty times the counts a small cell's move needs, look at the
        // whole component too and keep the cheaper. (A lower bar searched far more often for the same result;
        // measurements: Benchmarks/README.md, "Design measurements".)
        if let near = moves, price(near, pattern) > 50 * Double(abs(amount) + system.values[cell]),
            let far = try farMove(of: cell, by: amount, pattern: pattern), price(far, pattern) < price(near, pattern)
        {
            moves = far
        }
        // A downward move blocked inside the wide neighbourhood is blocked by the cell's own parts (all of which
        // the neighbourhood holds) far more often than by anything further away; the caller then moves it up
        // instead, so only upward moves pay for a search of the whole component.
        if moves == nil && amount > 0 {
            moves = try farMove(of: cell, by: amount, pattern: pattern)
        }
        guard let moves else { return nil }
        var hidden: [Int] = []
        for (j, _) in moves where !pattern.isHidden(j) {
            pattern.hide(j, reason)
            hiddenLog.append(j)
            hidden.append(j)
        }
        recordWitnesses(moves)
        return hidden
    }

    /// The cheapest move of the cell within its whole component. A move through hidden cells alone costs
    /// nothing, so the small network of hidden cells is asked first; only when it has none is the whole
    /// component's program solved.
    private mutating func farMove(of cell: Int, by amount: Int, pattern: Pattern) throws(ProtectError) -> [(cell: Int, delta: Double)]? {
        if pattern.isHidden(cell), let network = try hiddenNetwork(for: cell, pattern: pattern) {
            linearPrograms += 1
            if let free = try network.freeMove(of: cell, by: amount) { return free }
        }
        linearPrograms += 1
        return try componentModel(for: cell, pattern: pattern).cheapestMove(of: cell, by: amount)
    }

    /// What hiding a move's published cells costs.
    private func price(_ moves: [(cell: Int, delta: Double)], _ pattern: Pattern) -> Double {
        moves.reduce(0) { $0 + (pattern.isHidden($1.cell) ? 0 : costs.cost[$1.cell]) }
    }

    /// A solution Δ is a direction along which the table can change with every changed cell hidden. It can be
    /// stretched (s·Δ, s ≥ 1) and reversed (−t·Δ) as far as the cells it lowers stay ≥ 1, and every cell's
    /// move along either is a witness: later targets already covered need no linear program. A linear program's
    /// solution is feasible as it stands (s = 1 at least); a hypercube's unit direction is not, when a corner it
    /// lowers is already at 1, so `isSolution: false` takes only the reach the counts allow.
    private mutating func recordWitnesses(_ moves: [(cell: Int, delta: Double)], isSolution: Bool = true) {
        func reach(lowering sign: Double) -> Double {
            var limit = Double.infinity
            for (j, delta) in moves where delta * sign < 0 { limit = min(limit, Double(system.values[j] - 1) / abs(delta)) }
            return limit
        }
        let forward = isSolution ? max(reach(lowering: 1), 1) : reach(lowering: 1)
        let backward = reach(lowering: -1)
        for (cell, delta) in moves {
            let up = delta > 0 ? delta * forward : -delta * backward
            let down = delta > 0 ? delta * backward : -delta * forward
            witnessUp[cell] = max(witnessUp[cell], up)
            witnessDown[cell] = max(witnessDown[cell], down)
        }
    }

    private mutating func neighbourhoodModel(
        for cell: Int, reach: Neighbourhood.Reach, pattern: Pattern
    ) throws(ProtectError) -> ProtectionLP {
        if let model = neighbourhoodModels[Neighbourhood.key(of: cell, in: system, reach: reach)] { return synced(model) }
        let hood = Neighbourhood(of: cell, in: system, reach: reach)
        var relations = Set<Int32>()
        for member in hood.cells { relations.formUnion(membership[Int(member)]) }
        let model = try ProtectionLP(
            system: system, cells: hood.cells, relations: relations.sorted(), costs: costs, pattern: pattern)
        model.syncedLog = hiddenLog.count
        neighbourhoodModels[hood.key] = model
        return model
    }

    private mutating func componentModel(for cell: Int, pattern: Pattern) throws(ProtectError) -> ProtectionLP {
        let component = components.componentOf[cell]
        if let model = componentModels[component] { return synced(model) }
        let model = try ProtectionLP(
            system: system, cells: components.cells[Int(component)], relations: components.relations[Int(component)],
            costs: costs, pattern: pattern, mergesHidden: false)
        model.syncedLog = hiddenLog.count
        componentModels[component] = model
        return model
    }

    private mutating func hiddenNetwork(for cell: Int, pattern: Pattern) throws(ProtectError) -> HiddenNetworkLP? {
        let component = components.componentOf[cell]
        if let network = hiddenNetworks[component] { return synced(network) }
        let hidden = components.cells[Int(component)].map(Int.init).filter(pattern.isHidden)
        guard
            let network = try HiddenNetworkLP(
                system: system, membership: membership, components: components, component: component, hidden: hidden)
        else { return nil }
        network.syncedLog = hiddenLog.count
        hiddenNetworks[component] = network
        return network
    }

    /// A model built earlier catches up on the cells hidden since it last looked at the log.
    private func synced<Model: HiddenCellLog.Follower>(_ model: Model) -> Model {
        for cell in hiddenLog[model.syncedLog...] { model.markHidden(cell) }
        model.syncedLog = hiddenLog.count
        return model
    }

    /// Cells hidden by someone else (rule 6, the repair's fallback) cost nothing from now on.
    mutating func noteHidden(_ cells: [Int]) {
        hiddenLog += cells
    }

    /// Drops what witnesses claim about a cell. A witness is a move of the linear program, which may be
    /// fractional; when the audit, exact over whole numbers, finds the cell under-protected, the claim is void.
    mutating func forgetWitnesses(of cell: Int) {
        witnessUp[cell] = 0
        witnessDown[cell] = 0
    }

    /// The cheapest published cell that shares a relation with `cell` and may be hidden, if there is one.
    func cheapestPublishedPartner(of cell: Int, pattern: Pattern) -> Int? {
        var best: Int?
        for r in membership[cell] {
            let relation = system.relations[Int(r)]
            for other in [relation.total] + relation.parts.map(Int.init)
            where other != cell && costs.eligible[other] && !pattern.isHidden(other) {
                if best.map({ costs.cheaper(other, $0) }) ?? true { best = other }
            }
        }
        return best
    }

}

/// The protector's log of hidden cells, as its models read it.
enum HiddenCellLog {
    /// A model kept across targets that must treat every cell hidden since it was built as free to move.
    protocol Follower: AnyObject {
        /// How much of the log the model has applied.
        var syncedLog: Int { get set }
        /// Makes the cell free to move, if the model holds it.
        func markHidden(_ cell: Int)
    }
}
