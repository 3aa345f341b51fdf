import Foundation
import DeidSupport
import DeidSolver
import DeidDescription
import DeidModel
import DeidAudit

/// What complementary suppression did, for the report.
public struct ProtectionResult: Sendable {
    /// The final disclosure audit of the release (generic labels): it passed, or `protect` threw.
    public var audit: AuditResult
    /// Audit-and-repair rounds run after the first pass.
    public var rounds: Int
    public var method: String
    /// Things a reviewer should know (e.g. where rule 6 had no cell left to hide).
    public var notes: [String]
}

/// DDG §4: hide complementary cells until no hidden cell can be recomputed or narrowed from the totals.
///
/// 1. Every primary cell is given an interval at least `min_interval_width` wide, bought with the cheapest
///    published cells: exactly, by `OptimalSuppression`, in components of up to its `maximumCells` non-zero
///    cells (rule 6 included); greedily, one primary at a time, by `GreedySuppression` in larger ones.
/// 2. DDG Ed. 2.0 rule 6 adds a cell to relations whose hidden values are all tiny or sum below the threshold.
/// 3. The disclosure audit runs over the whole table; every cell it finds under-protected is widened the same
///    way, and the audit runs again, until it passes. Nothing is released unless it does.
public enum ComplementarySuppression {
    static let maximumRounds = 25

    /// `exactUpTo`: the largest component, in non-zero cells, protected exactly (tests lower it to 0 to run the
    /// greedy path on small tables).
    public static func protect(
        table: Table, policy: Policy, pattern: inout Pattern, exactUpTo: Int = OptimalSuppression.maximumCells
    ) throws -> ProtectionResult {
        let costs = SuppressionCosts(table: table, rule: policy.complementary)
        let components = TableComponents(table)
        let width = policy.audit.minIntervalWidth
        var notes: [String] = []

        let shared = GreedySuppression.Shared(table: table, costs: costs, components: components)
        let exact = try StageTrace.measure("exact search") {
            try optimizeSmallComponents(shared: shared, policy: policy, pattern: pattern, upTo: exactUpTo)
        }
        for cell in exact.hidden { pattern.hide(cell, .complementary) }
        StageTrace.note("exact: \(exact.solved.count) components, \(exact.iterations) iterations, \(pattern.hiddenCount) hidden")
        let primaries = pattern.cells(hiddenFor: .primary).filter { !exact.solved.contains(components.componentOf[$0]) }
        let firstPass = try StageTrace.measure("first pass") {
            try protectInParallel(primaries, shared: shared, width: width, pattern: pattern)
        }
        for cell in firstPass.hidden { pattern.hide(cell, .complementary) }
        var protector = GreedySuppression(shared)
        StageTrace.note("first pass: \(firstPass.linearPrograms) LPs, \(pattern.hiddenCount) hidden")
        notes += applyRule6(policy, table, costs, &pattern, &protector)
        StageTrace.note("rule 6: \(pattern.hiddenCount) hidden")

        var rounds = 0
        while true {
            let audit = try StageTrace.measure("audit round \(rounds)") {
                // Exact intervals: the one that passes goes into the report as it is.
                try DisclosureAudit.run(AuditProblems.forRelease(table: table, pattern: pattern, policy: policy, labels: [:]))
            }
            StageTrace.note(
                "audit: \(audit.linearProgramsSolved) LPs, \(audit.integerProgramsSolved) integer programs, "
                    + "\(audit.integerTightenedBounds) tightened, \(audit.outerBoundIntervals) outer bounds")
            if audit.passed {
                let method = "cheapest pattern (cost = count + 1, totals × \(policy.complementary.totalCostFactor) "
                    + "per margin): exact Benders decomposition (0–1 master by GLPK branch and cut, attacker-subproblem "
                    + "linear programs) in \(exact.solved.count) of \(exact.attempted) components with hidden cells "
                    + "(those of up to \(exactUpTo) non-zero cells), greedy attacker-subproblem "
                    + "linear programs per primary cell in the rest; DDG Ed. 2.0 rule 6; then audit-and-repair"
                return ProtectionResult(audit: audit, rounds: rounds, method: method, notes: summarize(notes))
            }
            rounds += 1
            guard rounds <= maximumRounds else {
                throw ProtectError.auditStillFailing(cells: audit.underProtected.count, rounds: maximumRounds, file: table.file)
            }
            var added = 0
            for interval in audit.underProtected {
                added += try repair(interval, table: table, policy: policy, protector: &protector, pattern: &pattern)
            }
            notes += applyRule6(policy, table, costs, &pattern, &protector)
            if added == 0 {
                throw ProtectError.auditStillFailing(cells: audit.underProtected.count, rounds: rounds, file: table.file)
            }
        }
    }

    /// Exact suppression (`OptimalSuppression`) of every component small enough for it, in parallel. Returns the
    /// cells it hid and the components it solved; the others are left to the greedy first pass.
    static func optimizeSmallComponents(
        shared: GreedySuppression.Shared, policy: Policy, pattern: Pattern, upTo maximumCells: Int
    ) throws -> (hidden: [Int], solved: Set<Int32>, attempted: Int, iterations: Int) {
        let components = shared.components
        var needed = Set<Int32>()
        for cell in pattern.hiddenCells where pattern.isAudited(cell, policy: policy) {
            needed.insert(components.componentOf[cell])
        }
        let work = needed.sorted()
        let results = try parallelMap(work.count, concurrently: GLPKModel.isThreadSafe) { w in
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
    static func protectInParallel(_ primaries: [Int], shared: GreedySuppression.Shared, width: Int,
                                          pattern: Pattern) throws -> (hidden: [Int], linearPrograms: Int) {
        let table = shared.table
        var byComponent = Array(repeating: [Int](), count: shared.components.cells.count)
        for cell in primaries { byComponent[Int(shared.components.componentOf[cell])].append(cell) }
        let work = byComponent.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        // GLPK keeps its state per thread when built with thread-local storage (Debian's is); otherwise one core.
        let results = try parallelMap(work.count, concurrently: GLPKModel.isThreadSafe) {
            w -> (hidden: [Int], linearPrograms: Int) in
            var local = pattern
            var protector = GreedySuppression(shared)
            for cell in work[w] {
                guard try protector.ensure(cell, width: width, pattern: &local, reason: .complementary) != nil else {
                    throw ProtectError.cannotProtect(
                        cell: table.coordinates(of: cell), at: table.location(of: cell), requiredWidth: width)
                }
            }
            // Everything this worker hid, read off its pattern: every witness it recorded relies on these cells.
            let hidden = shared.components.cells[Int(shared.components.componentOf[work[w][0]])].map(Int.init)
                .filter { local.isHidden($0) && !pattern.isHidden($0) }
            return (hidden, protector.linearPrograms)
        }
        return (results.flatMap(\.hidden).sorted(), results.reduce(0) { $0 + $1.linearPrograms })
    }

    /// Distinct notes in order; a long list is cut to its first entries plus a count, so the report stays readable.
    static func summarize(_ notes: [String], keep: Int = 20) -> [String] {
        var seen = Set<String>()
        let distinct = notes.filter { seen.insert($0).inserted }
        guard distinct.count > keep else { return distinct }
        return Array(distinct.prefix(keep)) + ["… and \(distinct.count - keep) more notes of the same kinds"]
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
        _ interval: CellInterval, table: Table, policy: Policy, protector: inout GreedySuppression,
        pattern: inout Pattern
    ) throws -> Int {
        let cell = interval.cell
        let couldBeSmall = interval.lower <= policy.numerator.minimum - 1
        let width = couldBeSmall ? policy.audit.minIntervalWidth : 1
        protector.forgetWitnesses(of: cell)
        guard let added = try protector.ensure(cell, width: width, pattern: &pattern, reason: .complementary) else {
            throw ProtectError.cannotProtect(
                cell: table.coordinates(of: cell), at: table.location(of: cell), requiredWidth: width)
        }
        if !added.isEmpty { return added.count }
        guard let partner = protector.cheapestPublishedPartner(of: cell, pattern: pattern) else { return 0 }
        pattern.hide(partner, .complementary)
        protector.noteHidden([partner])
        return 1
    }

    private static func applyRule6(
        _ policy: Policy, _ table: Table, _ costs: SuppressionCosts, _ pattern: inout Pattern,
        _ protector: inout GreedySuppression
    ) -> [String] {
        guard let rule = policy.complementary.rule6 else { return [] }
        let before = Set(pattern.hiddenCells)
        let unsatisfiable = Rule6Application.apply(rule, table: table, costs: costs, pattern: &pattern)
        protector.noteHidden(pattern.hiddenCells.filter { !before.contains($0) })
        return unsatisfiable.map { r in
            let total = table.coordinates(of: table.relations[r].total).label
            let dimension = table.dimensions[table.relations[r].dimension].column
            return "rule 6 could not add a cell to the parts of \(total) along '\(dimension)': every non-zero cell "
                + "there is already hidden; the disclosure audit still protects them"
        }
    }
}
