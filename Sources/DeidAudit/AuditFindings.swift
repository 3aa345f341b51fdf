import DeidSupport
import DeidDescription
import DeidModel

/// Turns under-protected cells into findings. A finding gives the interval's width, never its bounds: for an
/// exactly determined cell the bounds would be the hidden value itself.
public enum AuditFindings {
    public static func findings(for result: AuditResult, system: CellSystem, policy: Policy) -> [Finding] {
        result.underProtected.map { interval in
            Finding(
                .underProtected(width: interval.width, minIntervalWidth: policy.audit.minIntervalWidth),
                location: system.origins.location(of: interval.cell), cell: system.origins.coordinates(of: interval.cell))
        }
    }
}
