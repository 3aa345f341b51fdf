import DeidDescription
import DeidModel

/// Why a table is not a HIPAA Safe Harbor release (45 CFR 164.514(b)(2)), for the Expert Determination template's
/// "Why the release does not meet Safe Harbor" (ddg-rules §8, §9): what the dimensions show, such as geography
/// below the state or dates finer than a year. Only what the dimensions show is detected; the reviewer adds the rest. Reasons
/// name columns, periods and age labels, never a count.
package enum SafeHarborScreen {
    package static func reasons(table: Table, description: TableDescription) -> [String] {
        var reasons: [String] = []
        for dimension in table.dimensions {
            let categories = dimension.labels.indices.filter { dimension.isLeaf(Int32($0)) }
                .map { dimension.labels[$0] }
            let spec = description.dimensions.first { $0.column == dimension.column }
            switch dimension.role {
            case .residenceGeography, .serviceGeography:
                guard categories.count > 1 else { break }
                reasons.append(
                    "'\(dimension.column)' shows \(categories.count) geographic units, each smaller than the state: "
                        + "Safe Harbor removes every subdivision below the state except 3-digit ZIP areas of more "
                        + "than 20,000 people (§164.514(b)(2)(i)(B))")
            case .time:
                // Labels deid reads by itself are years or spans of years; finer periods are declared.
                if let period = spec?.scoring.period, period.isFinerThanYear {
                    reasons.append(
                        "'\(dimension.column)' shows periods of one \(period): Safe Harbor keeps no date element "
                            + "finer than the year (§164.514(b)(2)(i)(C))")
                }
            case .age:
                let overage = categories.filter { label in
                    guard let range = spec?.scoring.ages[label] ?? AgeLabelParser.parse(label) else { return false }
                    return range.high.map { $0 > 89 } ?? (range.low > 90)
                }
                if let example = overage.first {
                    reasons.append(
                        "'\(dimension.column)' shows ages over 89 apart from a single \"90 or older\" group (e.g. "
                            + "\"\(example)\"): Safe Harbor aggregates them (§164.514(b)(2)(i)(C))")
                }
            default:
                break
            }
        }
        if let period = description.assessment.period, period.isFinerThanYear {
            reasons.append(
                "the table covers one \(period) (`period:` declared): Safe Harbor keeps no date element finer than "
                    + "the year (§164.514(b)(2)(i)(C))")
        }
        return reasons
    }
}

extension ReportingPeriod {
    /// Day, week, month, quarter and half year: finer than the years Safe Harbor allows.
    var isFinerThanYear: Bool {
        if case .years = self { return false }
        return true
    }
}
