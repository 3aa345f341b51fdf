import DeidModel
import DeidAudit
import DeidProtect
import DeidVerify

/// What a linked release decided, seen from one of its tables: the table's cells are the linked system's cells
/// `cellMap[c]` (distinct cells of one table are distinct linked cells).
struct LinkedProjection {
    let cellMap: [Int32]

    func pattern(_ linked: Pattern) -> Pattern {
        var pattern = Pattern(cellCount: cellMap.count)
        for (cell, shared) in cellMap.enumerated() {
            if let reason = linked.reasons[Int(shared)] { pattern.hide(cell, reason) }
        }
        return pattern
    }

    /// The linked audit's intervals of this table's hidden cells, as this table's cells.
    func audit(_ linked: AuditResult) -> AuditResult {
        var byShared: [Int: Int] = [:]
        for (cell, shared) in cellMap.enumerated() { byShared[Int(shared)] = cell }
        var intervals: [CellInterval] = []
        for var interval in linked.intervals {
            guard let cell = byShared[interval.cell] else { continue }
            interval.cell = cell
            intervals.append(interval)
        }
        intervals.sort { $0.cell < $1.cell }
        return AuditResult(
            intervals: intervals, solver: linked.solver, components: linked.components,
            linearProgramsSolved: linked.linearProgramsSolved, integerProgramsSolved: linked.integerProgramsSolved,
            integerTightenedBounds: linked.integerTightenedBounds)
    }

    /// The linked protection with its audit seen from this table; its moves are the linked system's, so none is
    /// kept.
    func protection(_ linked: ProtectionResult, note: ProtectionNote) -> ProtectionResult {
        ProtectionResult(
            audit: audit(linked.audit), rounds: linked.rounds, method: linked.method, notes: linked.notes + [note])
    }

    func labels(_ linked: LabelOutcome) -> LabelOutcome {
        var decision = linked.decision
        decision.annotations = [:]
        for (cell, shared) in cellMap.enumerated() {
            if let code = linked.decision.annotations[Int(shared)] { decision.annotations[cell] = code }
        }
        return LabelOutcome(decision: decision, audit: linked.audit.map(audit))
    }
}
