import DeidSupport

/// `cumulative:` a column that holds the running total of the count along a dimension (time): its value at each
/// label is its value at the previous label plus the count there. Two neighbouring running totals give the count
/// between them away, so deid models them as cells of their own, tied to the counts by those relations, and
/// hides them as the audit requires.
public struct CumulativeSpec: Sendable, Hashable {
    public var column: String
    /// The dimension the running total runs along; its labels sort in time order as text (ISO dates, years).
    public var along: String
    public var location: SourceLocation

    public init(column: String, along: String, location: SourceLocation) {
        self.column = column
        self.along = along
        self.location = location
    }

    static let keys = ["column", "along"]
}

extension TableDescription {
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
                    along: try yaml.name(map.required("along"), key: "along", meaning: "a dimension column"),
                    location: map.location))
        }
        return specs
    }

    /// One running total of the count, along a dimension without a total, in an aggregate table that no other
    /// method reshapes.
    func checkCumulative() throws(DescriptionError) {
        guard let spec = cumulative.first else { return }
        func refuse(_ problem: String) -> DescriptionError { .invalidTable(spec.location, problem: problem) }
        guard cumulative.count == 1 else { throw refuse("deid models one cumulative column per table for now") }
        guard input == .aggregate else { throw refuse("`cumulative:` is for aggregate tables") }
        guard let dimension = dimensions.first(where: { $0.column == spec.along }) else {
            throw refuse("'\(spec.along)' is not a dimension; `along:` names the dimension the running total runs along")
        }
        guard case .none = dimension.structure, dimension.stratum == nil else {
            throw refuse("the running total runs along '\(spec.along)', which has a total; a running total's "
                + "dimension has none (its last value is the total)")
        }
        let others = dimensions.map(\.column) + [count, denominator, annotation].compactMap { $0 } + derived
        guard !others.contains(spec.column) else {
            throw refuse("'\(spec.column)' is declared both as the cumulative column and as another column")
        }
        if strata != nil || dimensions.contains(where: { $0.remainder != nil }) || !masking.aggregate.isEmpty
            || masking.percentages != nil || masking.sampleSize != nil
        {
            throw refuse("`cumulative:` cannot be combined with strata, remainders, `aggregate:` rules, rounded "
                + "percentages or survey estimates yet")
        }
    }
}
