import Dispatch
import DeidSupport
import DeidSolver

/// The disclosure audit: proves that no hidden cell of a table can be recomputed or narrowed too far from what
/// is published (ddg-rules §6.10, Q11, Q12; ddg-rules §13).
///
/// ## What the attacker is assumed to know
/// Every published cell; every additive relation of the table (`total = Σ parts` along every dimension and every
/// hierarchy level, all at once, as τ-ARGUS's audit does); that counts are whole numbers; that a hidden cell is
/// not zero (zeros are always shown, DDG v2 rule 3); and what each hidden cell's label says: "small number"
/// means 1…smallMax, "complementary" means ≥ smallMax + 1, a generic code only ≥ 1.
///
/// ## What is computed
/// For every hidden cell c, the smallest and largest value x_c takes over all integer completions x of the table
/// that agree with that knowledge. Every value in between need not be attainable, but both ends are: each is
/// the value of c in some completion the attacker cannot rule out. Unbounded above is reported as such.
///
/// ## Method
/// 1. Published values are moved to the right-hand side of each relation. A relation left with a single hidden
///    cell fixes it exactly (as subtraction by hand would); fixed values are substituted and the step repeats.
/// 2. The remaining hidden cells fall into independent components (cells linked through shared relations);
///    each is a small linear system solved on its own, in parallel when GLPK is built thread-safe.
/// 3. Per component, one GLPK model; for each cell, minimise and maximise it with the simplex method, each
///    run warm-started from the last. This is the linear-programming (LP) relaxation: it ignores integrality.
/// 4. Integrality. In a plain 2-D table with totals the equations form a network and the LP optimum is always
///    at an integer point, but in 3 or more dimensions (and with some hierarchies) it can be fractional, and
///    the integer bound can then lie strictly inside the LP bound: an LP-only audit would under-state what the
///    attacker knows (see AuditIntegralityTests for a 2×2×3 table that the LP leaves open and the integers
///    determine completely). So: when the optimal vertex has every hidden cell integral, it is itself a
///    completion and the LP bound is exact; otherwise that extreme is solved again as an integer program
///    (GLPK branch and bound, on columns bounded by their LP bounds). The result is exact over integers, which
///    also closes leaks such as 15 = 10 + 3 + x + x with x ≥ 1 (τ-ARGUS UserSupport #194).
/// 5. Every integral solution met on the way is a completion, and so is the true table when `release` audits
///    its own pattern (its values are checked against every bound and equation first); if one already puts a
///    cell on a proven bound (its label's bound, one implied by a single relation, or its rounded LP bound),
///    that extreme needs no further solve.
/// Bounds are rounded inward to whole numbers with a 1e-7 tolerance for floating-point error.
///
/// ## Cost and precision
/// LPs are cheap, even with hundreds of hidden cells. Integer programs are not: in dense 3-D components almost
/// every LP vertex is fractional, so nearly every extreme needs one. With `AuditPrecision.verdict` the audit
/// spends no integer program on a cell whose verdict is already certain, which spares much of that work, and
/// marks the intervals it left at their LP bounds as not exact; verdicts are the same as with `.exact`
/// (measurements: Benchmarks/README.md, "Design measurements").
///
/// ## Protection standard
/// See `CellInterval.Requirement`: a "small number" cell must still span 1…smallMax; a "complementary" cell, or
/// an unlabelled one that is provably > smallMax, must not be exactly determined; an unlabelled cell that could
/// be small must keep an interval at least `minIntervalWidth` wide. No hidden cell may be exactly determined.
/// `release` and `check` apply the same rule, since a released table does not say which cells are small.
///
/// ## Failure
/// Published numbers that admit no completion at all raise `AuditError.inconsistent`; the audit never passes a
/// table it could not solve.
public struct DisclosureAudit {
    public static func run(_ problem: AuditProblem) throws(AuditError) -> AuditResult {
        let position = try problem.validatedHiddenPositions()
        let system = try ReducedSystem(problem, position: position)
        var lower: [Int] = system.fixed.map { $0 ?? 0 }
        var upper: [Int?] = system.fixed
        var exact = [Bool](repeating: true, count: problem.hidden.count)
        var settings = SolveSettings(
            smallMax: problem.smallMax, minIntervalWidth: problem.minIntervalWidth, precision: problem.precision)
        settings.witnessesSettleFrom = problem.hintsSettleFrom
        Progress.shared.begin("auditing", total: problem.hidden.count, unit: "hidden cells")
        var linearPrograms = 0
        var integerPrograms = 0
        var tightened = 0
        var solved = 0
        for (component, outcome) in zip(system.components, try solveAll(system.components, settings)) {
            for (j, p) in component.positions.enumerated() {
                lower[p] = outcome.lower[j]
                upper[p] = outcome.upper[j]
                exact[p] = outcome.exact[j]
            }
            linearPrograms += outcome.linearPrograms
            integerPrograms += outcome.integerPrograms
            tightened += outcome.integerTightened
            if !component.rows.isEmpty { solved += 1 }
        }
        let intervals = problem.hidden.indices.sorted { problem.hidden[$0] < problem.hidden[$1] }.map { p in
            let cell = problem.hidden[p]
            return CellInterval(
                cell: cell, lower: lower[p], upper: upper[p], label: problem.label(of: cell),
                smallMax: problem.smallMax, minIntervalWidth: problem.minIntervalWidth, exact: exact[p])
        }
        return AuditResult(
            intervals: intervals, solver: "GLPK \(GLPKModel.version) (simplex, exact integer check)",
            components: solved, linearProgramsSolved: linearPrograms, integerProgramsSolved: integerPrograms,
            integerTightenedBounds: tightened)
    }

    /// Below this many columns in total, starting threads costs more than it saves.
    static let parallelThreshold = 256

    /// A component with at least this many columns that also holds most of the table's columns is solved as
    /// two jobs, each computing the extremes of half its columns with a model of its own: otherwise a table
    /// that is one component (every dimension with a total, no year without one) would audit on one core.
    /// Splitting never raised the audit's wall time on two cores and often lowered it, left every interval the
    /// same, and costs more solves, since each half sees only its own witnesses (measurements:
    /// Benchmarks/README.md, "Design measurements").
    static let splitThreshold = 400

    /// Solves every component; the outcome is the same whether or not the jobs run in parallel, and the first
    /// error in component order (not in time) is the one thrown.
    private static func solveAll(_ components: [Component], _ settings: SolveSettings) throws(AuditError)
        -> [ComponentOutcome]
    {
        let columns = components.reduce(0) { $0 + $1.cells.count }
        let jobs = jobs(components, columns: columns)
        // Largest first, so a big job does not start last and leave one core idle. GLPK keeps its environment
        // per thread (glp_config("TLS")), and each model lives and dies inside one job, on one thread.
        let order = jobs.indices.sorted { jobs[$0].targets.count > jobs[$1].targets.count }
        let parallel = GLPKModel.isThreadSafe && jobs.count > 1 && columns >= parallelThreshold
        let outcomes = try parallelMap(jobs.count, concurrently: parallel, startOrder: order) { i throws(AuditError) in
            try solveOne(components[jobs[i].component], settings, targets: jobs[i].targets)
        }
        // A split component's jobs are adjacent, the first half first: the second copies its targets over.
        var merged: [ComponentOutcome] = []
        for (job, outcome) in zip(jobs, outcomes) {
            guard job.targets.lowerBound > 0 else {
                merged.append(outcome)
                continue
            }
            for j in job.targets {
                merged[merged.count - 1].lower[j] = outcome.lower[j]
                merged[merged.count - 1].upper[j] = outcome.upper[j]
                merged[merged.count - 1].exact[j] = outcome.exact[j]
            }
            merged[merged.count - 1].linearPrograms += outcome.linearPrograms
            merged[merged.count - 1].integerPrograms += outcome.integerPrograms
            merged[merged.count - 1].integerTightened += outcome.integerTightened
        }
        return merged
    }

    /// One job per component, except that a component holding more than half of the columns (so that no
    /// other could keep a second core busy) and at least `splitThreshold` of them is cut into two halves of
    /// its columns. The cut depends on the table alone, never on the machine or on whether GLPK is thread-safe,
    /// so the report (its count of solves included) is the same everywhere.
    static func jobs(_ components: [Component], columns: Int) -> [(component: Int, targets: Range<Int>)] {
        components.indices.flatMap { c -> [(component: Int, targets: Range<Int>)] in
            let n = components[c].cells.count
            guard n >= splitThreshold, 2 * n > columns, !components[c].rows.isEmpty else { return [(c, 0..<n)] }
            return [(c, 0..<n / 2), (c, n / 2..<n)]
        }
    }

    private static func solveOne(_ component: Component, _ settings: SolveSettings, targets: Range<Int>)
        throws(AuditError) -> ComponentOutcome
    {
        if component.rows.isEmpty {
            // In no relation at all: the attacker knows only the suppression and the label.
            return ComponentOutcome(
                lower: component.lower, upper: component.upper, exact: component.lower.map { _ in true })
        }
        return try ComponentSolver.solve(component, settings, targets: targets)
    }
}
