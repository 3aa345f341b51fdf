import DeidDescription
import DeidModel

/// DDG Step 2, the numerator–denominator condition (T1, T3, T4, Q1, Q2): the table skips Step 3 only when
/// every count is 0 or at least the numerator minimum AND every denominator is large enough.
/// The result holds how many cells fail, never which values they hold.
public struct Step2Result: Sendable, Hashable, Encodable {
    public struct Numerator: Sendable, Hashable, Encodable {
        public var minimum: Int
        /// What the counts count, in words (Q3): the DDG's condition is about people, not events.
        public var sourceDescription: String
        /// Visible counts from 1 to minimum − 1.
        public var failingCells: Int
        /// Blank counts (hidden by an earlier release); they may be small, so they fail too.
        public var hiddenCells: Int
        public var passed: Bool

        enum CodingKeys: String, CodingKey {
            case minimum, passed, failingCells = "failing_cells", hiddenCells = "hidden_cells"
            case sourceDescription = "source_description"
        }
    }

    public struct Denominator: Sendable, Hashable, Encodable {
        /// `column`, `population`, `margin` or `none`.
        public var source: String
        /// In words: "the population of County's value (ca-county-population)".
        public var sourceDescription: String
        public var minimum: Int
        /// `fail_at_minimum` or `pass_at_minimum` (Q1).
        public var boundary: String
        public var failingCells: Int
        /// Cells with no known denominator; they fail (conservative).
        public var unknownCells: Int
        public var passed: Bool

        enum CodingKeys: String, CodingKey {
            case source, minimum, boundary, passed
            case sourceDescription = "source_description", failingCells = "failing_cells", unknownCells = "unknown_cells"
        }
    }

    public var numerator: Numerator
    public var denominator: Denominator
    public var passed: Bool { numerator.passed && denominator.passed }

    enum CodingKeys: String, CodingKey { case numerator, denominator, passed }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(numerator, forKey: .numerator)
        try c.encode(denominator, forKey: .denominator)
        try c.encode(passed, forKey: .passed)
    }
}

enum Step2Screen {
    static func run(
        table: Table, description: TableDescription, policy: Policy, references: ReferenceLibrary
    ) throws(AssessError) -> Step2Result {
        var small = 0, hidden = 0
        for count in table.counts {
            if count == Table.blank { hidden += 1 } else if policy.numerator.isSmall(count) { small += 1 }
        }
        let numerator = Step2Result.Numerator(
            minimum: policy.numerator.minimum, sourceDescription: numeratorSource(description),
            failingCells: small, hiddenCells: hidden, passed: small == 0 && hidden == 0)

        let (kind, text, values) = try denominators(table: table, description: description, policy: policy, references: references)
        var failing = 0, unknown = 0
        for value in values {
            if let value { if policy.denominator.isSmall(value) { failing += 1 } } else { unknown += 1 }
        }
        let denominator = Step2Result.Denominator(
            source: kind, sourceDescription: text, minimum: policy.denominator.minimum,
            boundary: policy.denominator.failAtMinimum ? "fail_at_minimum" : "pass_at_minimum",
            failingCells: failing, unknownCells: unknown, passed: failing == 0 && unknown == 0)
        return Step2Result(numerator: numerator, denominator: denominator)
    }

    /// What the counts are (Q3). Record input counts people itself; an aggregate's count column is taken as
    /// people, and the report says so, since a count of events can stand for fewer people than it shows.
    static func numeratorSource(_ description: TableDescription) -> String {
        switch description.input {
        case .records:
            "people counted from the records (one row per person)"
        case .aggregate:
            "the '\(description.countColumn)' column, read as numbers of people (Q3: a count of events, such as "
                + "visits, may stand for fewer people)"
        }
    }

    /// Each cell's denominator (nil: unknown) and where it came from (Q2).
    private static func denominators(
        table: Table, description: TableDescription, policy: Policy, references: ReferenceLibrary
    ) throws(AssessError) -> (String, String, [Double?]) {
        let geography = table.dimensions.indices.first { table.dimensions[$0].role.isGeography }
        let source = description.assessment.denominatorFrom
            ?? (description.denominator != nil ? .column
                : (geography != nil || description.assessment.geography != nil ? .population : nil))
        switch source {
        case .column:
            let values = table.denominators.map { $0.map { $0.isNaN ? nil : $0 } } ?? Array(repeating: nil, count: table.cellCount)
            return ("column", "the '\(description.denominator ?? "")' column", values)
        case .margin(let column):
            guard let d = table.dimensions.firstIndex(where: { $0.column == column }) else {
                return ("margin", "the total along '\(column)' (not a dimension)", Array(repeating: nil, count: table.cellCount))
            }
            return ("margin", "each cell's total along '\(column)'", margins(table, along: d))
        case .population:
            return try populations(table: table, description: description, policy: policy, references: references, geography: geography)
        case nil:
            return ("none", "no denominator is declared (no `denominator:` column and no geography); every cell fails",
                    Array(repeating: nil, count: table.cellCount))
        }
    }

    /// The count of the cell that has this dimension's grand total in place of the cell's own value.
    private static func margins(_ table: Table, along d: Int) -> [Double?] {
        let dimension = table.dimensions[d]
        return (0..<table.cellCount).map { cell in
            let root = dimension.lineage(of: table.value(of: cell, in: d)).last ?? 0
            var key = (0..<table.dimensions.count).map { table.value(of: cell, in: $0) }
            key[d] = root
            guard let total = table.cell(at: key), !table.isBlank(total) else { return nil }
            return Double(table.counts[total])
        }
    }

    /// The population of each cell's geography value; totals and subtotals missing from the reference data
    /// add up their children. A table-level `geography:` gives every cell the same population.
    private static func populations(
        table: Table, description: TableDescription, policy: Policy, references: ReferenceLibrary, geography: Int?
    ) throws(AssessError) -> (String, String, [Double?]) {
        guard let d = geography else {
            let declared = description.assessment.geography
            var figure: Int? = declared?.population
            var origin = "declared in `geography:`"
            if figure == nil, let declared, let label = declared.label, let name = declared.reference ?? defaultReference(declared.role, policy) {
                let row = try references.load(name, declaredAt: declared.location).row(for: label)
                figure = row?.figure?.scoringValue
                origin = name
            }
            return ("population", "the population of the table's declared geography (\(origin))",
                    Array(repeating: figure.map(Double.init), count: table.cellCount))
        }
        let dimension = table.dimensions[d]
        let spec = description.dimensions.first { $0.column == dimension.column }
        let name = spec?.scoring.reference ?? defaultReference(dimension.role, policy)
        let reference = try name.map { n throws(AssessError) in try references.load(n, declaredAt: spec?.scoring.referenceLocation) }
        let resolver = LabelResolver(populations: spec?.scoring.populations ?? [:], reference: reference)
        var byValue: [Int?] = Array(repeating: nil, count: dimension.count)
        // Children before parents, so a subtotal can add up its children's populations.
        for v in dimension.labels.indices.sorted(by: { dimension.height[$0] < dimension.height[$1] }) {
            if let figure = resolver.resolve(dimension.labels[v])?.figure {
                byValue[v] = figure.scoringValue
            } else if !dimension.children[v].isEmpty {
                let parts = dimension.children[v].map { byValue[Int($0)] }
                // Saturating: populations typed into a description could overflow a sum.
                if parts.allSatisfy({ $0 != nil }) {
                    byValue[v] = parts.reduce(0) { sum, part in
                        let (total, overflow) = sum.addingReportingOverflow(part ?? 0)
                        return overflow ? Int.max : total
                    }
                }
            }
        }
        let values = (0..<table.cellCount).map { cell in byValue[Int(table.value(of: cell, in: d))].map(Double.init) }
        return ("population", "the population of each cell's '\(dimension.column)' value (\(resolver.lookedIn))", values)
    }

    private static func defaultReference(_ role: DimensionRole?, _ policy: Policy) -> String? {
        role == .serviceGeography ? policy.scoring?.serviceGeography.reference : policy.scoring?.residenceGeography.reference
    }
}
