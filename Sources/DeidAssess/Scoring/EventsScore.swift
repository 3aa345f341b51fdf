import DeidDescription
import DeidModel

/// The smallest count the events criterion looks at. It stays inside the scorer: reports carry its band only.
struct EventsSummary {
    /// The smallest count (non-zero unless the policy counts zeros); nil when there is none.
    let smallest: Int?
    /// Whether some counts are blank (hidden by an earlier release), so the true smallest is unknown.
    let hasHidden: Bool

    init(table: Table, excludeZero: Bool) {
        var smallest: Int?
        var hidden = false
        for count in table.counts {
            if count == Table.blank {
                hidden = true
            } else if count > 0 || !excludeZero {
                smallest = Swift.min(smallest ?? count, count)
            }
        }
        self.smallest = smallest
        hasHidden = hidden
    }
}

/// Events, the numerator criterion (R3, Q4, Q26): the band of the smallest non-zero count in the table.
enum EventsScore {
    static func score(_ summary: EventsSummary, _ ctx: ScoringContext) -> CriterionScore {
        let bands = ctx.scoring.events.bands
        let noun = ctx.scoring.events.excludeZero ? "non-zero count" : "count"
        let band: ScoreBand?
        let evidence: String
        if summary.hasHidden {
            // A blank count was hidden for a reason: assume it is small.
            band = bands.riskiest
            evidence = "some counts are hidden, so the smallest may be small; riskiest band assumed"
        } else if let smallest = summary.smallest {
            band = bands.band(for: smallest)
            evidence = "smallest \(noun) falls in the band \(band.map { "'\($0.category)'" } ?? "none")"
        } else {
            band = bands.riskiest
            evidence = "the table has no \(noun); riskiest band assumed"
        }
        return CriterionScore(
            criterion: "events", category: band?.category ?? "", evidence: evidence, points: band?.points ?? 0,
            source: ctx.source)
    }
}
