import DeidDescription

/// Reads age-group labels: "0-17", "0–17", "18 to 24", "65+", "65 and over", "<1", "Under 5", "90+", "5".
enum AgeLabelParser {
    private static let noise: Set<String> = ["years", "year", "yrs", "yr", "old", "age", "ages", "aged"]

    static func parse(_ label: String) -> AgeRange? {
        let t = LabelToken.tokens(label, ignoring: noise)
        func word(_ i: Int, _ options: Set<String>) -> Bool {
            if case .word(let w) = t[i] { return options.contains(w) }
            return false
        }
        func number(_ i: Int) -> Int? {
            if case .number(let n) = t[i] { return n }
            return nil
        }
        switch t.count {
        case 1:
            return number(0).map { AgeRange(low: $0, high: $0) }
        case 2:
            if let n = number(0), t[1] == .symbol("+") || word(1, ["plus"]) { return AgeRange(low: n, high: nil) }
            if let n = number(1), n >= 1, t[0] == .symbol("<") || word(0, ["under", "below"]) {
                return AgeRange(low: 0, high: n - 1)
            }
            return nil
        case 3:
            if let a = number(0), let b = number(2), t[1] == .symbol("-") || word(1, ["to", "through"]) {
                return a <= b ? AgeRange(low: a, high: b) : nil
            }
            if let n = number(0), word(1, ["and", "or"]) {
                if word(2, ["over", "older", "above", "up"]) { return AgeRange(low: n, high: nil) }
                if word(2, ["under", "younger", "below"]) { return AgeRange(low: 0, high: n) }
            }
            if let n = number(2), n >= 1, word(0, ["less"]), word(1, ["than"]) { return AgeRange(low: 0, high: n - 1) }
            return nil
        default:
            return nil
        }
    }
}

/// Age Range (R1, Q15): the width of the narrowest age group decides; an open-ended group ends at the
/// policy's `open_ended_max_age`.
enum AgeScore {
    static func score(_ d: Int, _ ctx: ScoringContext) throws(AssessError) -> CriterionScore {
        let spec = ctx.spec(d)
        let maxAge = ctx.scoring.age.openEndedMaxAge
        var narrowest: (label: String, range: AgeRange, width: Int)?
        for label in ctx.categories(d) {
            guard let range = spec.scoring.ages[label] ?? AgeLabelParser.parse(label) else {
                throw .unscorableLabel(
                    spec.location, column: spec.column, label: label,
                    problem: "deid cannot read this age group; give its range under `ages:` on the dimension "
                        + "(e.g. `ages: {\"\(label)\": [65, open]}`), or declare it as the dimension's `total:` "
                        + "if it stands for all ages")
            }
            // Inclusive width (12–14 is 3); a group starting above the assumed maximum counts as one year. Ages
            // are clamped to 0…1000 first, so a label such as "0-9223372036854775807" scores as very wide
            // instead of overflowing.
            let age = { (value: Int) in Swift.min(Swift.max(value, 0), 1_000) }
            let width = Swift.max(1, age(range.high ?? maxAge) - age(range.low) + 1)
            if narrowest.map({ width < $0.width }) ?? true { narrowest = (label, range, width) }
        }
        guard let narrowest else {
            return CriterionScore(
                criterion: "age", dimension: spec.column, category: "no age group",
                evidence: "no age group besides totals and unknown", points: 0, source: ctx.source)
        }
        let band = ctx.scoring.age.bands.band(for: narrowest.width)
        let read = narrowest.range.high == nil ? " (read as \(narrowest.range.low)–\(maxAge), Q15)" : ""
        let shown = narrowest.range.high.map { $0 == narrowest.range.low ? "\($0)" : "\(narrowest.range.low)–\($0)" }
            ?? narrowest.label
        let years = narrowest.width == 1 ? "1 year" : "\(narrowest.width) years"
        return CriterionScore(
            criterion: "age", dimension: spec.column, category: band?.category ?? "",
            evidence: "smallest range \(shown)\(read) = \(years)", points: band?.points ?? 0, source: ctx.source)
    }
}
