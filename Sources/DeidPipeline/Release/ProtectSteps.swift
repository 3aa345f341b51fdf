import DeidSupport
import DeidModel
import DeidAssess
import DeidAudit
import DeidProtect
import DeidVerify
import DeidDescription

/// The pattern of hidden cells and the audit that proved it, on the table's cell system.
struct ProtectedTable {
    let assessed: AssessedTable
    let system: CellSystem
    let pattern: Pattern
    let percentages: PercentagesRelease?
    let protection: ProtectionResult
}

/// The protected table with the labels its release prints.
struct LabelledTable {
    let protected: ProtectedTable
    let labels: LabelOutcome
}

extension ReleaseSteps {
    /// Protection and the audit, in turn until the audit passes: rounded percentages (audited on their own),
    /// primary suppression, survey reliability, complementary suppression's first pass, then the disclosure audit
    /// over the whole system and a repair of every cell it finds under-protected, round after round.
    /// `previous`: the table's previous release, whose hidden cells stay hidden (`--previous`).
    static func protect(
        _ assessed: AssessedTable, limits: ProtectionLimits, previous: PreviousRelease? = nil
    ) throws -> ProtectedTable {
        let context = assessed.recoded.read.described.context
        let (table, policy, description) = (assessed.recoded.table, context.policy, context.description)
        let system = table.cellSystem
        var pattern = Pattern(cellCount: table.cellCount)
        let percentages = try description.masking.percentages.map { declaration in
            try auditedPercentages(
                RoundedPercentages.prepare(table: table, declaration: declaration, policy: policy), system: system,
                policy: policy)
        }
        percentages?.plan.hideCounts(in: &pattern)
        let republished = assessed.recoded.read.republished
        republished?.keepHidden(in: &pattern)
        // Small remainders of incomplete totals are small counts of the system: primary suppression hides them.
        if assessed.assessment.requiresMasking {
            PrimarySuppression.apply(to: system, policy: policy, pattern: &pattern)
            previous?.keepHidden(in: &pattern, counts: table.counts)
        }
        let unreliable = ReliabilityScreen.unreliableCells(in: table, description: description, policy: policy)
        SurveyReliability.hide(unreliable, in: &pattern, at: .beforeProtection, policy: policy)
        var protection = try StageTrace.measure("protect") {
            try protectUntilTheAuditPasses(
                system: system, policy: policy, pattern: &pattern, limits: limits, labels: republished?.labels ?? [:])
        }
        if let republished {
            let audit = try StageTrace.measure("audit as published") { try republished.audit(pattern, policy: policy) }
            guard audit.passed else {
                throw ProtectError.auditStillFailing(
                    cells: audit.underProtected.count, rounds: protection.rounds, file: system.origins.file)
            }
            protection.audit = audit
            protection.cubeMoves = []
            protection.notes.append(
                .republished(
                    blank: republished.blankCells.count, added: pattern.hiddenCount - republished.blankCells.count,
                    derivedShown: republished.derivedShown))
        }
        if let previous { protection.notes.append(previous.note(pattern: pattern, table: table)) }
        SurveyReliability.hide(unreliable, in: &pattern, at: .afterProtection, policy: policy)
        return ProtectedTable(
            assessed: assessed, system: system, pattern: pattern, percentages: percentages, protection: protection)
    }

    /// The protect ⇄ audit loop. The audit's intervals are exact (or outer bounds, marked as such, where verified
    /// moves settled a cell of a large component), so the one that passes goes into the report as it is.
    /// `labels`: what the input's codes already told readers about cells it hid (a published table).
    static func protectUntilTheAuditPasses(
        system: CellSystem, policy: Policy, pattern: inout Pattern, limits: ProtectionLimits = ProtectionLimits(),
        labels: [Int: HiddenLabel] = [:]
    ) throws -> ProtectionResult {
        var suppression = try ComplementarySuppression(
            system: system, policy: policy, pattern: &pattern, exactUpTo: limits.exactUpTo, cubesAbove: limits.cubesAbove)
        var rounds = 0
        while true {
            let audit = try StageTrace.measure("audit round \(rounds)") {
                var problem = AuditProblems.forRelease(
                    system: system, pattern: pattern, policy: policy, labels: labels, hints: suppression.cubeMoves)
                problem.hintsSettleFrom = limits.hintsSettleFrom
                return try DisclosureAudit.run(problem)
            }
            StageTrace.note(
                "audit: \(audit.linearProgramsSolved) LPs, \(audit.integerProgramsSolved) integer programs, "
                    + "\(audit.integerTightenedBounds) tightened, \(audit.outerBoundIntervals) outer bounds")
            if audit.passed {
                return ProtectionResult(
                    audit: audit, rounds: rounds, method: suppression.method, notes: suppression.notes,
                    cubeMoves: suppression.cubeMoves)
            }
            rounds += 1
            guard rounds <= ComplementarySuppression.maximumRounds else {
                throw ProtectError.auditStillFailing(
                    cells: audit.underProtected.count, rounds: ComplementarySuppression.maximumRounds,
                    file: system.origins.file)
            }
            let cells = audit.underProtected.map {
                UnderProtectedCell(cell: $0.cell, couldBeSmall: $0.lower <= policy.numerator.minimum - 1)
            }
            guard try suppression.repair(cells, pattern: &pattern) > 0 else {
                throw ProtectError.auditStillFailing(
                    cells: audit.underProtected.count, rounds: rounds, file: system.origins.file)
            }
        }
    }

    /// The percentages audit: an attacker who knows every total and reads the percentages must still not narrow
    /// a category that could be small.
    static func auditedPercentages(_ plan: PercentagesPlan, system: CellSystem, policy: Policy) throws
        -> PercentagesRelease
    {
        let problem = AuditProblem(
            cellCount: system.cellCount, relations: system.relations, values: system.values,
            hidden: plan.labels.keys.sorted(), labels: plan.labels, policy: policy)
        let audit = try DisclosureAudit.run(problem)
        guard audit.passed else {
            throw ProtectError.percentagesNarrowSmallCells(
                cells: audit.underProtected.count, column: plan.column, file: system.origins.file)
        }
        return PercentagesRelease(plan: plan, audit: audit)
    }

    /// Distinct small-number and complementary codes only when the label-aware audit shows they narrow nothing.
    static func label(_ protected: ProtectedTable) throws -> LabelledTable {
        let context = protected.assessed.recoded.read.described.context
        if let republished = protected.assessed.recoded.read.republished, context.description.annotation != nil {
            let decision = Labelling.republished(
                pattern: protected.pattern, policy: context.policy,
                published: republished.publishedCodes(policy: context.policy))
            return LabelledTable(protected: protected, labels: LabelOutcome(decision: decision, audit: nil))
        }
        let labels = try labelOutcome(
            system: protected.system, pattern: protected.pattern, policy: context.policy,
            annotated: context.description.annotation != nil, hints: protected.protection.cubeMoves)
        return LabelledTable(protected: protected, labels: labels)
    }

    /// The labels of `pattern` on `system`: decided without an audit, or by the label-aware audit.
    static func labelOutcome(
        system: CellSystem, pattern: Pattern, policy: Policy, annotated: Bool, hints: [Move]
    ) throws -> LabelOutcome {
        try StageTrace.measure("labels") { () throws -> LabelOutcome in
            switch try Labelling.plan(system: system, pattern: pattern, policy: policy, annotated: annotated) {
            case .decided(let decision):
                return LabelOutcome(decision: decision, audit: nil)
            case .auditDistinctLabels(let labels):
                let audit = try DisclosureAudit.run(
                    AuditProblems.forRelease(system: system, pattern: pattern, policy: policy, labels: labels, hints: hints))
                let decision = try Labelling.conclude(
                    narrowed: audit.underProtected.count, pattern: pattern, policy: policy, file: system.origins.file)
                return LabelOutcome(decision: decision, audit: audit)
            }
        }
    }
}
