/// Phase 2: the extremes whose LP vertex was fractional.
///
/// The LP bounds, rounded inward, hold for every integer point, so they first become column bounds (which
/// keeps branch and bound on a bounded region wherever the table allows). Then each pending extreme is solved
/// as an integer program, unless a witnessed integer point already attains its rounded LP bound, or (under
/// `AuditPrecision.verdict`) the cell fails its standard whatever the integer program would say.
extension ComponentSolver {
    mutating func integerPhase() throws(AuditError) {
        guard pendingMax.contains(true) || pendingMin.contains(true) else { return }
        // Every column's bounds, the targets' rounded LP bounds and the others' proven ones: all hold for every
        // integer point.
        for j in component.cells.indices {
            // LP bounds that cross once rounded inward leave no integer for this cell: no completion exists.
            guard outcome.lower[j] <= outcome.upper[j] ?? Int.max else { throw infeasible() }
            model.setBounds(column: j, lower: outcome.lower[j], upper: outcome.upper[j])
        }
        for j in targets where pendingMax[j] || pendingMin[j] {
            // Min first: under `.verdict` an exact lower bound can settle which standard applies.
            if pendingMin[j] && !settled(j) { try integerExtreme(j, maximize: false) }
            if pendingMax[j] && !settled(j) { try integerExtreme(j, maximize: true) }
            outcome.exact[j] = !pendingMin[j] && !pendingMax[j] && !abandoned[j]
        }
    }

    /// Under `.verdict`: whether the cell's verdict is already certain, so its pending extremes may keep their
    /// rounded LP bounds (which contain the exact ones).
    ///
    /// * Certain failure: the cell fails with its outer bounds; narrowing never rescues an interval, except
    ///   that an unlabelled cell whose lower bound rises above smallMax is judged by the looser "not exact"
    ///   standard, so that case waits for an exact lower bound.
    /// * Certain protection: witnessed integer points alone span what the standard asks for; the exact
    ///   interval contains them.
    private func settled(_ j: Int) -> Bool {
        settings.precision == .verdict && verdictCertain(j)
    }

    /// Whether the cell's verdict under its current (outer) bounds and witnessed integer points is the one its
    /// exact interval would get; see `settled`.
    private func verdictCertain(_ j: Int) -> Bool {
        let label = component.labels[j]
        let judged = CellInterval(
            cell: component.cells[j], lower: outcome.lower[j], upper: outcome.upper[j], label: label,
            smallMax: settings.smallMax, minIntervalWidth: settings.minIntervalWidth)
        // A rounded share that places the cell above smallMax is judged on its lower bound, which exactness can
        // still raise; every other standard only gets harder as the interval narrows.
        let judgedOnLowerBound: Bool = if case .roundedShare(let shareLower, _) = label { shareLower > settings.smallMax } else { false }
        let requirementFixed =
            (label != .unlabelled && label != .unpublished && !judgedOnLowerBound) || outcome.lower[j] > settings.smallMax || !pendingMin[j]
        if !judged.protected && requirementFixed { return true }
        return witnessesProtect(j)
    }

    /// Whether witnessed integer points alone span what the cell's standard asks for (with its current outer
    /// bounds, which hold for every integer point, telling whether it is provably above smallMax).
    func witnessesProtect(_ j: Int) -> Bool {
        let label = component.labels[j]
        guard witnessMin[j] <= witnessMax[j] else { return false }
        let span = witnessMax[j] - witnessMin[j]
        switch label {
        case .smallNumber: return witnessMin[j] == 1 && witnessMax[j] == settings.smallMax && span > 0
        case .complementary: return span > 0
        case .unlabelled, .unpublished:
            // The rounded LP lower bound holds for every integer point, pending or not.
            let provablyLarge = outcome.lower[j] > settings.smallMax
            return span >= max(settings.minIntervalWidth, 1) || (provablyLarge && span > 0)
        case .roundedShare(let shareLower, _):
            // Witnesses can prove width or the whole small range, never a lower bound above smallMax.
            guard shareLower <= settings.smallMax else { return false }
            return span >= max(settings.minIntervalWidth, 1) || (witnessMin[j] == 1 && witnessMax[j] >= settings.smallMax)
        }
    }

    /// A short diving heuristic: an integer point with cell `j` at `value`, found by rounding one fractional cell
    /// at a time; nil if none turns up within `diveSteps`. Every bound it changes is set back to the cell's
    /// outcome bounds, which hold for every integer point and are never looser than the model's own.
    ///
    /// With `j` fixed the objective is constant; it keeps the direction of the extreme being settled
    /// (`maximizing`), so that the basis of that extreme's LP optimum stays optimal apart from the fixed bounds,
    /// which costs less than always maximising (measurements: Benchmarks/README.md, "Design measurements").
    /// Each dive's outcome goes into `dives`, which the callers consult before diving.
    mutating func dive(fixing j: Int, at value: Int, maximizing: Bool) throws(AuditError) -> [Int]? {
        let point = try roundingDive(fixing: j, at: value, maximizing: maximizing)
        dives.record(success: point != nil)
        return point
    }

    private mutating func roundingDive(fixing j: Int, at value: Int, maximizing: Bool) throws(AuditError) -> [Int]? {
        var fixed = [j]
        defer { for k in fixed { model.setBounds(column: k, lower: outcome.lower[k], upper: outcome.upper[k]) } }
        model.setBounds(column: j, lower: value, upper: value)
        for _ in 0..<Self.diveSteps {
            guard case .optimal = try solving({ try model.optimize(column: j, maximize: maximizing) }) else { return nil }
            let point = component.cells.indices.map { model.value(column: $0) }
            if let integral = Self.integral(point) { return integral }
            guard let k = point.indices.first(where: { abs(point[$0] - point[$0].rounded()) > Self.integralityTolerance })
            else { return nil }
            let nearest = Int(point[k].rounded())
            guard nearest >= outcome.lower[k], nearest <= outcome.upper[k] ?? Int.max else { return nil }
            model.setBounds(column: k, lower: nearest, upper: nearest)
            fixed.append(k)
        }
        return nil
    }

    static let diveSteps = 12

    /// Replaces a rounded LP bound by the integer optimum, unless a witness already attains it.
    private mutating func integerExtreme(_ j: Int, maximize: Bool) throws(AuditError) {
        defer { if maximize { pendingMax[j] = false } else { pendingMin[j] = false } }
        let relaxed = maximize ? outcome.upper[j] : outcome.lower[j]
        let witnessed = maximize ? witnessMax[j] : witnessMin[j]
        if settings.skipsAttainedBounds, relaxed == witnessed { return }
        outcome.integerPrograms += 1
        // Usually some integer point attains the rounded LP bound. Cheapest first: fix the cell there and dive —
        // solve, fix a fractional cell at its nearest integer, solve again — which most often ends on an integral
        // vertex within a few steps. A dive that fails proves nothing; branch and bound then decides. The extreme
        // was dived for once already, in phase 1; this one runs on the rounded LP bounds of every cell, which
        // often succeeds where that one did not and so spares branch and bound (measurements:
        // Benchmarks/README.md, "Design measurements").
        if let relaxed, dives.worthTrying, let point = try dive(fixing: j, at: relaxed, maximizing: maximize) {
            witness(point)
            return
        }
        // Otherwise finding an integer point there is a feasibility question, far cheaper than optimising, and
        // then the bound is exact as it stands. When the cell's verdict is already certain, its searches get a
        // node budget, drawn from the solver's pool: used up, the rounded LP bound stays, marked not exact.
        let certain = verdictCertain(j)
        func budget() -> Int? { certain ? min(settings.certainVerdictNodeBudget, certainVerdictNodesLeft) : nil }
        func spend() { if certain { certainVerdictNodesLeft = max(0, certainVerdictNodesLeft - model.subproblemsOpened) } }
        if certain && certainVerdictNodesLeft == 0 {
            abandoned[j] = true
            return
        }
        if let relaxed {
            let search = try solving {
                try model.integerPoint(
                    fixing: j, at: relaxed, thenBounds: outcome.lower[j], outcome.upper[j], nodeLimit: budget())
            }
            spend()
            switch search {
            case .found(let point):
                if let integral = Self.integral(point) {
                    witness(integral)
                    return
                }
            case .none: break
            case .stopped:
                abandoned[j] = true
                return
            }
        }
        let optimum = try solving { try model.optimizeInteger(column: j, maximize: maximize, nodeLimit: budget()) }
        spend()
        switch optimum {
        case nil: abandoned[j] = true
        case .infeasible: throw infeasible()
        case .unbounded: throw .solverFailed(detail: "an integer program was unbounded where its relaxation was not")
        case .optimal(let value):
            let point = component.cells.indices.map { model.integerValue(column: $0) }
            if let integral = Self.integral(point) { witness(integral) }
            let bound = try Self.whole(value.rounded())
            if bound != relaxed { outcome.integerTightened += 1 }
            if maximize { outcome.upper[j] = bound } else { outcome.lower[j] = bound }
            // A tighter bound is valid for every integer point: it narrows the search for the next ones.
            model.setBounds(column: j, lower: outcome.lower[j], upper: outcome.upper[j])
        }
    }
}
