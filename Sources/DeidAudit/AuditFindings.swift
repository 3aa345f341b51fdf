import DeidSupport
import DeidDescription
import DeidModel

/// Turns under-protected cells into findings. A finding gives the interval's width, never its bounds: for an
/// exactly determined cell the bounds would be the hidden value itself.
public enum AuditFindings {
    public static func findings(for result: AuditResult, table: Table, policy: Policy) -> [Finding] {
        result.underProtected.map { interval in
            let coordinates = table.coordinates(of: interval.cell)
            let width = interval.width ?? 0
            let problem =
                width == 0
                ? "is exactly determined by the published numbers"
                : "can be narrowed by an attacker to an interval of width \(width)"
            return Finding(
                rule: .underProtected, location: table.location(of: interval.cell),
                message: "\(coordinates.label): the hidden cell \(problem); the policy requires a width of at least "
                    + "\(policy.audit.minIntervalWidth) for a cell that could be small, and more than 0 for any hidden "
                    + "cell. Hide more cells (deid release does this) or publish a coarser table",
                cell: coordinates,
                properties: [
                    "interval_width": String(width), "min_interval_width": String(policy.audit.minIntervalWidth),
                ])
        }
    }
}
