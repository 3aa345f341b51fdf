import DeidDescription
import DeidProtect

/// The words of the report's protection block: the complementary method, the notes, the labelling decision.
enum ProtectionText {
    /// How the audit treats cells hidden as statistically unreliable, as the policy chooses.
    static func unreliableCells(protectedByAudit: Bool) -> String {
        protectedByAudit
            ? "cells hidden as unreliable are protected by the disclosure audit like any hidden cell, so they cannot "
                + "be recomputed from the totals (survey.protect_unreliable: true, the conservative reading)"
            : "cells hidden as unreliable are treated by the disclosure audit as if published: reliability "
                + "suppression protects readers from noise, not people (survey.protect_unreliable: false)"
    }

    static func method(_ method: ComplementaryMethod) -> String {
        "cheapest pattern (cost = count + 1, totals × \(method.totalCostFactor) per margin): exact Benders "
            + "decomposition (0–1 master by GLPK branch and cut, attacker-subproblem linear programs) in "
            + "\(method.exactComponents) of \(method.componentsWithHiddenCells) components with hidden cells (those of "
            + "up to \(method.exactUpTo) non-zero cells), greedy attacker-subproblem linear programs per primary cell "
            + "in the rest\(cubes(method)); DDG Ed. 2.0 rule 6; then audit-and-repair"
    }

    private static func cubes(_ method: ComplementaryMethod) -> String {
        guard method.cubeComponents > 0 else { return "" }
        let components = method.cubeComponents == 1 ? "1 component" : "\(method.cubeComponents) components"
        return ", where in \(components) too large for one linear program per primary cell "
            + "(primary cells × cells above \(method.cubesAbove)) the cheapest generalised hypercube comes first and "
            + "a linear program only where no hypercube exists"
    }

    /// Distinct notes in order; a long list is cut to its first `keep` plus a count, so the report stays readable.
    static func notes(_ notes: [ProtectionNote], keep: Int = 20) -> [String] {
        var seen = Set<String>()
        let distinct = notes.map(note).filter { seen.insert($0).inserted }
        guard distinct.count > keep else { return distinct }
        return Array(distinct.prefix(keep)) + ["… and \(distinct.count - keep) more notes of the same kinds"]
    }

    static func note(_ note: ProtectionNote) -> String {
        switch note {
        case .rule6Unsatisfiable(let total, let axis):
            "rule 6 could not add a cell to the parts of \(total.label) along '\(axis)': every non-zero cell there is "
                + "already hidden; the disclosure audit still protects them"
        case .previousRelease(let file, let kept, let newlyHidden, let newlyShown):
            "an update of \(file): the \(kept) cells it hid stay hidden, \(newlyHidden.count) are hidden for the first "
                + "time, and \(newlyShown.count) it hid are shown now (zero now, or no longer in the table); the "
                + "report's update section lists both"
        case .republished(let blank, let added, let derivedShown):
            "the input was already published with \(blank) hidden cells, whose values deid never saw: they stay "
                + "hidden, bounded only by the input's codes, and \(added) more are hidden now; protection worked on one "
                + "table consistent with what the input publishes, and the audit ran on the input as published, as "
                + "`deid check` does"
                + (derivedShown == 0 ? "" : "; the input also published derived values (rates, percentages) beside "
                    + "\(derivedShown) of its hidden counts: this release leaves them blank, but readers of the input "
                    + "already have them, and they may give those counts away, so withdraw the input")
        case .linkedRelease(let others):
            "released together with \(others.joined(separator: ", ")): a cell the tables share (the same labels once "
                + "columns at their total are left out) is one cell, hidden in every table that shows it, and the "
                + "audit's intervals hold against a reader of all of them"
        }
    }

    static func labelReason(_ reason: LabelDecision.Reason, policy: Policy) -> String {
        let codes = policy.labels
        let smallMax = policy.numerator.minimum - 1
        switch reason {
        case .noAnnotationColumn:
            return "the release has no annotation column, so no code is published: a reader learns only that a blank "
                + "count is hidden"
        case .policyAsksForGeneric:
            return "the policy asks for one generic code for every hidden cell"
        case .nothingHidden:
            return "no cell is hidden"
        case .percentagesOnly(let code):
            return "every count is withheld because the table is published as rounded percentages; each row carries "
                + "the code \(code)"
        case .labelsPinRelation(let total, let axis):
            return "distinct codes would let an attacker narrow hidden cells: among the parts of \(total.label) along "
                + "'\(axis)', a small-number label bounds each cell to 1–\(smallMax) and the published total then "
                + "pins them down (DDG Ed. 2.0 Examples 1, 2, 4); every hidden cell carries the generic code "
                + "\(codes.genericCode)"
        case .labelAuditPassed:
            return "the label-aware audit passed: knowing which cells are small numbers (\(codes.primaryCode)) and "
                + "which are complementary (\(codes.complementaryCode)) narrows no hidden cell below the policy"
        case .keptPublishedCodes:
            return "the input was already published: its hidden cells keep the codes it published (readers have "
                + "them), and every cell hidden now carries the generic code \(codes.genericCode)"
        case .labelAuditFailed(let cells):
            return "distinct codes would let an attacker narrow \(cells) hidden cells (a small-number label bounds a "
                + "cell to 1–\(smallMax), a complementary label to \(policy.numerator.minimum) or more; DDG Ed. 2.0 "
                + "Examples 1, 2, 4), so every hidden cell carries the generic code \(codes.genericCode)"
        }
    }
}
