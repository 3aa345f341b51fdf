import DeidSupport

/// `cumulative:` a column that holds the running total of the count along a dimension (time): its value at each
/// label is its value at the previous label plus the count there. Two neighbouring running totals give the count
/// between them away, so deid models them as cells of their own, tied to the counts by those relations, and
/// hides them as the audit requires.
public struct CumulativeSpec: Sendable, Hashable {
    public var column: String
    /// The count it adds up (`of:`); nil: the table's count.
    public var of: String?
    /// The dimension the running total runs along; its labels sort in time order as text (ISO dates, years).
    public var along: String
    public var location: SourceLocation

    public init(column: String, of: String? = nil, along: String, location: SourceLocation) {
        self.column = column
        self.of = of
        self.along = along
        self.location = location
    }

    static let keys = ["column", "of", "along"]
}

/// `count_bounds:` one count never exceeds another in the same row (deaths ≤ cases). Not assumed: only declared
/// bounds are known to the audit, which then treats each row's difference as a cell no one sees, at least 0.
public struct CountBound: Sendable, Hashable {
    public var count: String
    public var atMost: String
    public var location: SourceLocation

    public init(count: String, atMost: String, location: SourceLocation) {
        self.count = count
        self.atMost = atMost
        self.location = location
    }

    static let keys = ["count", "at_most"]
}

extension TableDescription {
    /// Reads `count_bounds:` (empty when absent).
    static func countBounds(_ table: StrictMapping, yaml: StrictYAML) throws(DescriptionError) -> [CountBound] {
        guard let node = table["count_bounds"] else { return [] }
        var bounds: [CountBound] = []
        for item in try yaml.list(node, key: "count_bounds", meaning: "bounds between count columns") {
            let map = try yaml.mapping(
                item, key: "count_bounds", context: "a bound between counts", allowed: CountBound.keys,
                required: ["count": "- count: new_deaths", "at_most": "at_most: new_cases"])
            bounds.append(
                CountBound(
                    count: try yaml.name(map.required("count"), key: "count", meaning: "a count column"),
                    atMost: try yaml.name(map.required("at_most"), key: "at_most", meaning: "a count column"),
                    location: map.location))
        }
        return bounds
    }

    /// Reads `cumulative:` (empty when absent).
    static func cumulative(_ table: StrictMapping, yaml: StrictYAML) throws(DescriptionError) -> [CumulativeSpec] {
        guard let node = table["cumulative"] else { return [] }
        var specs: [CumulativeSpec] = []
        for item in try yaml.list(node, key: "cumulative", meaning: "running-total columns") {
            let map = try yaml.mapping(
                item, key: "cumulative", context: "a cumulative column", allowed: CumulativeSpec.keys,
                required: ["column": "- column: cumulative_cases", "along": "along: date"])
            specs.append(
                CumulativeSpec(
                    column: try yaml.name(map.required("column"), key: "column", meaning: "a column name"),
                    of: try map["of"].map { node throws(DescriptionError) in
                        try yaml.name(node, key: "of", meaning: "the count column it adds up")
                    },
                    along: try yaml.name(map.required("along"), key: "along", meaning: "a dimension column"),
                    location: map.location))
        }
        return specs
    }

    /// Running totals of declared counts, along a dimension without a total; several counts and running totals
    /// in an aggregate table that no other method reshapes.
    func checkMeasures() throws(DescriptionError) {
        if moreCounts.isEmpty, let bound = countBounds.first {
            throw .invalidTable(bound.location, problem: "`count_bounds:` relates count columns; `count:` lists only one")
        }
        guard !moreCounts.isEmpty || !cumulative.isEmpty else { return }
        let location = cumulative.first?.location ?? columnLocations[moreCounts.first ?? ""] ?? SourceLocation(file: file)
        func refuse(_ problem: String, at: SourceLocation? = nil) -> DescriptionError {
            .invalidTable(at ?? location, problem: problem)
        }
        guard input == .aggregate else { throw refuse("several counts and `cumulative:` are for aggregate tables") }
        if strata != nil || dimensions.contains(where: { $0.remainder != nil }) || !masking.aggregate.isEmpty
            || masking.percentages != nil || masking.sampleSize != nil
        {
            throw refuse("several counts and `cumulative:` cannot be combined with strata, remainders, `aggregate:` "
                + "rules, rounded percentages or survey estimates yet")
        }
        var seen = Set(countColumns)
        for spec in cumulative {
            guard seen.insert(spec.column).inserted else {
                throw refuse("'\(spec.column)' is declared twice, as a count or a cumulative column", at: spec.location)
            }
            if let of = spec.of, !countColumns.contains(of) {
                throw refuse("'\(of)' is not a count column; `of:` names one of `count:`", at: spec.location)
            }
            guard let dimension = dimensions.first(where: { $0.column == spec.along }) else {
                throw refuse(
                    "'\(spec.along)' is not a dimension; `along:` names the dimension the running total runs along",
                    at: spec.location)
            }
            guard case .none = dimension.structure else {
                throw refuse(
                    "the running total runs along '\(spec.along)', which has a total; a running total's dimension "
                        + "has none (its last value is the total)", at: spec.location)
            }
        }
        for bound in countBounds {
            guard countColumns.contains(bound.count), countColumns.contains(bound.atMost), bound.count != bound.atMost else {
                throw refuse(
                    "a bound names two different columns of `count:` (`count: new_deaths`, `at_most: new_cases`)",
                    at: bound.location)
            }
        }
        let others = dimensions.map(\.column) + [denominator, annotation].compactMap { $0 } + derived
        if let clash = (countColumns + cumulative.map(\.column)).first(where: others.contains) {
            throw refuse("'\(clash)' is declared both as a count or cumulative column and as another column")
        }
    }
}
