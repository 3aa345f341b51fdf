import Foundation
import DeidSupport
import DeidSolver
import DeidDescription
import DeidModel

/// Something a reviewer should know about complementary suppression, as data (the reports word it).
public enum ProtectionNote: Sendable, Hashable {
    /// DDG Ed. 2.0 rule 6 found no published non-zero cell to add among the parts of `total` along `axis`.
    case rule6Unsatisfiable(total: [Coordinate], axis: String)
    /// The table was protected and audited together with `others` (a linked release): shared cells are one cell,
    /// and every interval holds against a reader of all the tables.
    case linkedRelease(with: [String])
    /// An update of `file`, the table's previous release: `kept` cells it hid stay hidden, the cells
    /// `newlyHidden` are hidden now for the first time, and those `newlyShown` it hid are shown now (zeros, or
    /// cells the table no longer has), each by its labels.
    case previousRelease(file: String, kept: Int, newlyHidden: [[Coordinate]], newlyShown: [[Coordinate]])
    /// The input was a published table: its `blank` hidden cells stay hidden, with values deid never saw, and
    /// `added` more are hidden so that the release passes the audit. The input published derived values (rates,
    /// percentages) beside `derivedShown` of its hidden counts, which the release leaves blank.
    case republished(blank: Int, added: Int, derivedShown: Int)
}

/// How the first pass chose complementary cells, for the report.
public struct ComplementaryMethod: Sendable, Hashable {
    /// Totals cost this many times their count per margin (the policy's `total_cost_factor`).
    public var totalCostFactor: Double
    /// Components protected by the exact search, of those with hidden cells.
    public var exactComponents: Int
    public var componentsWithHiddenCells: Int
    /// The largest component, in non-zero cells, given to the exact search.
    public var exactUpTo: Int
    /// Components protected by cubes first (`CheapestCube`): those where primary cells × cells exceeded
    /// `cubesAbove`.
    public var cubeComponents: Int
    public var cubesAbove: Int
}

/// A cell the audit found under-protected, as repair needs it.
public struct UnderProtectedCell: Sendable, Hashable {
    public var cell: Int
    /// Whether the attacker's interval still allows a small count: such a cell needs the policy's full width,
    /// any other only not to be exact.
    public var couldBeSmall: Bool

    public init(cell: Int, couldBeSmall: Bool) {
        self.cell = cell
        self.couldBeSmall = couldBeSmall
    }
}

/// DDG §4.4 complementary suppression (ddg-rules §6.2): hide published cells until no hidden cell can be
/// recomputed or narrowed from the totals.
///
/// 1. `firstPass`: every primary cell is given an interval at least `min_interval_width` wide, bought with the
///    cheapest published cells: exactly, by `OptimalSuppression`, in components of up to its `maximumCells`
///    non-zero cells (rule 6 included); greedily, one primary at a time, by `GreedySuppression` in larger ones.
///    Then DDG Ed. 2.0 rule 6 adds a cell to relations whose hidden values are all tiny or sum below the
///    threshold.
/// 2. The disclosure audit (not this stage: the pipeline's protect step) runs over the whole system; `repair`
///    widens every cell it finds under-protected the same way, and the audit runs again, until it passes.
public struct ComplementarySuppression {
    /// Rounds of audit and repair after which the protect step gives up.
    public static let maximumRounds = 25

    let shared: GreedySuppression.Shared
    let policy: Policy
    var protector: GreedySuppression
    /// What the report says about the method.
    public let method: ComplementaryMethod
    /// Notes gathered so far, distinct, in order.
    public private(set) var notes: [ProtectionNote] = []
    private let firstPassMoves: [Move]
    /// The cubes hidden so far, as moves for the audit to verify and use (`AuditProblem.hints`).
    public var cubeMoves: [Move] { firstPassMoves + protector.cubeMoves }

    /// Runs the first pass and rule 6 on `pattern`. `exactUpTo`: the largest component, in non-zero cells,
    /// protected exactly (tests lower it to 0 to run the greedy path on small tables); `cubesAbove`: components
    /// whose primary cells × cells exceed it start from cubes (tests lower it to 0 to use cubes everywhere).
    public init(
        system: CellSystem, policy: Policy, pattern: inout Pattern, exactUpTo: Int = OptimalSuppression.maximumCells,
        cubesAbove: Int = ComplementarySuppression.cubesAbove
    ) throws(ProtectError) {
        let costs = SuppressionCosts(system: system, rule: policy.complementary)
        let components = CellComponents(system)
        let cubeFirst = Self.cubeFirst(components: components, pattern: pattern, policy: policy, above: cubesAbove)
        let shared = GreedySuppression.Shared(system: system, costs: costs, components: components, cubeFirst: cubeFirst)
        let exact = try StageTrace.measure("exact search") { () throws(ProtectError) in
            try Self.optimizeSmallComponents(shared: shared, policy: policy, pattern: pattern, upTo: exactUpTo)
        }
        for cell in exact.hidden { pattern.hide(cell, .complementary) }
        StageTrace.note("exact: \(exact.solved.count) components, \(exact.iterations) iterations, \(pattern.hiddenCount) hidden")
        // The cells to protect from the start: small counts, and cells an earlier release hid (a published table
        // protected again, or an update's previous release), whose values may be small too.
        let primaries = pattern.hiddenCells.filter {
            [.primary, .inputBlank, .hiddenBefore].contains(pattern.reasons[$0])
                && !exact.solved.contains(components.componentOf[$0])
        }
        let firstPass = try StageTrace.measure("first pass") { () throws(ProtectError) in
            try Self.protectInParallel(primaries, shared: shared, width: policy.audit.minIntervalWidth, pattern: pattern)
        }
        for cell in firstPass.hidden { pattern.hide(cell, .complementary) }
        StageTrace.note("first pass: \(firstPass.linearPrograms) LPs, \(pattern.hiddenCount) hidden")
        self.shared = shared
        self.policy = policy
        firstPassMoves = firstPass.cubeMoves
        protector = GreedySuppression(shared)
        method = ComplementaryMethod(
            totalCostFactor: policy.complementary.totalCostFactor, exactComponents: exact.solved.count,
            componentsWithHiddenCells: exact.attempted, exactUpTo: exactUpTo,
            cubeComponents: Set(primaries.map { components.componentOf[$0] }).filter { cubeFirst[Int($0)] }.count,
            cubesAbove: cubesAbove)
        applyRule6(&pattern)
        StageTrace.note("rule 6: \(pattern.hiddenCount) hidden")
    }

    /// Widens every cell the audit found under-protected, then applies rule 6 again. Returns how many cells it
    /// hid; 0 means repair cannot help.
    public mutating func repair(_ cells: [UnderProtectedCell], pattern: inout Pattern) throws(ProtectError) -> Int {
        var added = 0
        for cell in cells {
            added += try Self.repair(cell, system: shared.system, policy: policy, protector: &protector, pattern: &pattern)
        }
        applyRule6(&pattern)
        return added
    }

    /// Components whose first pass starts from cubes: those where one linear program per primary cell over the
    /// component (primary cells × cells) would cost more than `above`.
    static func cubeFirst(components: CellComponents, pattern: Pattern, policy: Policy, above: Int) -> [Bool] {
        var primaries = Array(repeating: 0, count: components.cells.count)
        for cell in pattern.hiddenCells where pattern.isAudited(cell, policy: policy) {
            primaries[Int(components.componentOf[cell])] += 1
        }
        return components.cells.indices.map { primaries[$0] * components.cells[$0].count > above }
    }

    /// Where linear programs per primary cell stop: above the benchmark tables' components (those of table (b)
    /// come to about a million), below the 4-dimensional county tables whose linear programs took minutes.
    public static let cubesAbove = 4_000_000

    /// Exact suppression (`OptimalSuppression`) of every component small enough for it, in parallel. Returns the
    /// cells it hid and the components it solved; the others are left to the greedy first pass.
    static func optimizeSmallComponents(
        shared: GreedySuppression.Shared, policy: Policy, pattern: Pattern, upTo maximumCells: Int
    ) throws(ProtectError) -> (hidden: [Int], solved: Set<Int32>, attempted: Int, iterations: Int) {
        let components = shared.components
        var needed = Set<Int32>()
        for cell in pattern.hiddenCells where pattern.isAudited(cell, policy: policy) {
            needed.insert(components.componentOf[cell])
        }
        let work = needed.sorted()
        let results = try parallelMap(work.count, concurrently: GLPKModel.isThreadSafe) { w throws(ProtectError) in
            try OptimalSuppression.protect(
                component: Int(work[w]), shared: shared, policy: policy, pattern: pattern, maximumCells: maximumCells)
        }
        var hidden: [Int] = []
        var solved = Set<Int32>()
        var iterations = 0
        for (component, outcome) in zip(work, results) {
            guard let outcome else { continue }
            hidden += outcome.hidden
            solved.insert(component)
            iterations += outcome.iterations
        }
        return (hidden.sorted(), solved, work.count, iterations)
    }

    /// The first pass, component by component: no relation joins two components, so protecting them
    /// separately, on as many cores as there are, gives exactly the pattern one pass in cell order would. The
    /// components with the most primary cells start first, so a large one does not start last.
    static func protectInParallel(
        _ primaries: [Int], shared: GreedySuppression.Shared, width: Int, pattern: Pattern
    ) throws(ProtectError) -> (hidden: [Int], linearPrograms: Int, cubeMoves: [Move]) {
        let system = shared.system
        var byComponent = Array(repeating: [Int](), count: shared.components.cells.count)
        for cell in primaries { byComponent[Int(shared.components.componentOf[cell])].append(cell) }
        let work = byComponent.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        Progress.shared.begin("protecting", total: primaries.count, unit: "small cells")
        // GLPK keeps its state per thread when built with thread-local storage (Debian's is); otherwise one core.
        let results = try parallelMap(work.count, concurrently: GLPKModel.isThreadSafe) {
            w throws(ProtectError) -> (hidden: [Int], linearPrograms: Int, cubeMoves: [Move]) in
            var local = pattern
            var protector = GreedySuppression(shared)
            let ordered = Self.order(work[w], shared: shared)
            for batch in stride(from: 0, to: ordered.count, by: Self.cubeBatch).map({ ordered[$0..<min($0 + Self.cubeBatch, ordered.count)] }) {
                let proposals = Self.proposals(for: Array(batch), protector: protector, width: width, pattern: local)
                for (cell, proposal) in zip(batch, proposals) {
                    Progress.shared.advance()
                    guard try protector.ensure(cell, width: width, pattern: &local, reason: .complementary, proposal: proposal) != nil else {
                        throw ProtectError.cannotProtect(
                            cell: system.origins.coordinates(of: cell), at: system.origins.location(of: cell), requiredWidth: width)
                    }
                }
            }
            // Everything this worker hid, read off its pattern: every witness it recorded relies on these cells.
            let hidden = shared.components.cells[Int(shared.components.componentOf[work[w][0]])].map(Int.init)
                .filter { local.isHidden($0) && !pattern.isHidden($0) }
            return (hidden, protector.linearPrograms, protector.cubeMoves)
        }
        return (
            results.flatMap(\.hidden).sorted(), results.reduce(0) { $0 + $1.linearPrograms },
            results.flatMap(\.cubeMoves)
        )
    }

    /// Cells whose cubes are searched at once, on every core, against the pattern as the batch starts; they are
    /// then applied in order, skipping a cell an earlier cube of the batch already covers. Fixed, so the pattern
    /// never depends on the machine.
    static let cubeBatch = 64

    /// The cube each cell of a batch would take now (nil outside components protected by cubes, or when it is
    /// covered already), searched in parallel: the searches only read.
    static func proposals(
        for batch: [Int], protector: GreedySuppression, width: Int, pattern: Pattern
    ) -> [CheapestCube.Cube?] {
        guard let first = batch.first, protector.usesCubes(for: first) else { return batch.map { _ in nil } }
        let open = batch.map { !protector.isCovered($0, width: width) }
        let search = protector.cubeSearch
        return parallelMap(batch.count) { i in
            open[i] ? search.cheapest(for: batch[i], width: width, pattern: pattern) : nil
        }
    }

    /// The order in which a component's primary cells are protected: cell order, except in a component
    /// protected by cubes: there the smallest counts first (a count of 1 can only rise, so its cube is the
    /// hardest to find and the others then reuse its cells), margins before inner cells among equal counts.
    /// On the scale benchmark's table (c) this hid about 2% fewer cells than cell order, in half the time.
    static func order(_ primaries: [Int], shared: GreedySuppression.Shared) -> [Int] {
        let system = shared.system
        guard let first = primaries.first, shared.cubeFirst[Int(shared.components.componentOf[first])] else {
            return primaries
        }
        return primaries.sorted {
            (system.values[$0], -Int(system.marginality[$0]), $0) < (system.values[$1], -Int(system.marginality[$1]), $1)
        }
    }

    /// Widens one under-protected cell to the standard it failed: the policy's width for a cell that could be
    /// small, any width above zero for a cell known to be above the small range. Returns how many cells it hid.
    ///
    /// The protector's witnesses are moves of linear programs; the audit is exact over whole numbers and may
    /// have just disproved them, so they are dropped first. If the linear program still finds its move among
    /// cells already hidden (a fractional one the integers do not allow), the cheapest published cell that
    /// shares a relation with the cell is hidden instead: hiding more never narrows an interval, and the next
    /// audit tells whether it was enough.
    static func repair(
        _ target: UnderProtectedCell, system: CellSystem, policy: Policy, protector: inout GreedySuppression,
        pattern: inout Pattern
    ) throws(ProtectError) -> Int {
        let cell = target.cell
        let width = target.couldBeSmall ? policy.audit.minIntervalWidth : 1
        protector.forgetWitnesses(of: cell)
        guard let added = try protector.ensure(cell, width: width, pattern: &pattern, reason: .complementary) else {
            throw ProtectError.cannotProtect(
                cell: system.origins.coordinates(of: cell), at: system.origins.location(of: cell), requiredWidth: width)
        }
        if !added.isEmpty { return added.count }
        guard let partner = protector.cheapestPublishedPartner(of: cell, pattern: pattern) else { return 0 }
        pattern.hide(partner, .complementary)
        protector.noteHidden([partner])
        return 1
    }

    private mutating func applyRule6(_ pattern: inout Pattern) {
        guard let rule = policy.complementary.rule6 else { return }
        let system = shared.system
        let before = Set(pattern.hiddenCells)
        let unsatisfiable = Rule6Application.apply(rule, system: system, costs: shared.costs, pattern: &pattern)
        protector.noteHidden(pattern.hiddenCells.filter { !before.contains($0) })
        var noted = Set(notes)
        for r in unsatisfiable {
            let relation = system.relations[r]
            let note = ProtectionNote.rule6Unsatisfiable(
                total: system.origins.coordinates(of: relation.total), axis: system.origins.axisName(of: relation))
            if noted.insert(note).inserted { notes.append(note) }
        }
    }
}
