import DeidAudit
import DeidProtect
import DeidDescription
import DeidModel

/// What complementary suppression and the disclosure audit settled, for verification and the reports.
public struct ProtectionResult: Sendable {
    /// The final disclosure audit of the release (generic labels), which passed.
    public var audit: AuditResult
    /// Audit-and-repair rounds run after the first pass.
    public var rounds: Int
    public var method: ComplementaryMethod
    /// Things a reviewer should know (e.g. where rule 6 had no cell left to hide).
    public var notes: [ProtectionNote]
    /// The cubes protection hid, as moves later audits of the same pattern (with labels) may verify and use.
    public var cubeMoves: [Move]

    public init(
        audit: AuditResult, rounds: Int, method: ComplementaryMethod, notes: [ProtectionNote], cubeMoves: [Move] = []
    ) {
        self.audit = audit
        self.rounds = rounds
        self.method = method
        self.notes = notes
        self.cubeMoves = cubeMoves
    }
}

/// The labels the release prints, and the label-aware audit behind distinct codes when one ran.
public struct LabelOutcome: Sendable {
    public var decision: LabelDecision
    public var audit: AuditResult?

    public init(decision: LabelDecision, audit: AuditResult?) {
        self.decision = decision
        self.audit = audit
    }

    public var mode: LabelDecision.Mode { decision.mode }
    public var annotations: [Int: String] { decision.annotations }
}

/// A table published as rounded percentages, with the percentages audit that proved it safe.
public struct PercentagesRelease: Sendable {
    public var plan: PercentagesPlan
    /// One interval per non-zero category cell.
    public var audit: AuditResult

    public init(plan: PercentagesPlan, audit: AuditResult) {
        self.plan = plan
        self.audit = audit
    }

    public var declaration: PercentagesDeclaration { plan.declaration }
    public var texts: [String] { plan.texts }
    public var slices: Int { plan.slices }
}
