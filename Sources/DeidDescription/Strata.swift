import DeidSupport

/// A file that stacks several breakdowns (`strata:`): one column names each row's stratum type (`Strata` = `Age`,
/// `Gender`, `Gender * Race-Ethnicity`, or the whole population) and another holds its value (`Strata_Name` =
/// `65-74 years`, `Female * Asian`). Each breakdown variable is a dimension declared with `stratum:`; on a row of
/// another stratum type it stands at its total, so the file is read as one table whose rows are the breakdowns
/// and whose whole-population rows are the total of every one.
public struct StrataSpec: Sendable, Hashable {
    /// The column naming each row's stratum type.
    public var typeColumn: String
    /// The column holding each row's stratum value.
    public var valueColumn: String
    /// The stratum type of the whole-population rows (`Total Population`).
    public var wholePopulation: String
    /// What separates the variables of a crossed stratum type, and their values (`Gender * Race-Ethnicity`,
    /// `Female * Asian`).
    public var separator: String
    public var location: SourceLocation

    public init(
        typeColumn: String, valueColumn: String, wholePopulation: String, separator: String = " * ",
        location: SourceLocation
    ) {
        self.typeColumn = typeColumn
        self.valueColumn = valueColumn
        self.wholePopulation = wholePopulation
        self.separator = separator
        self.location = location
    }

    public static let keys = ["type", "value", "whole_population", "separator"]
}

extension TableDescription {
    /// Reads `strata:` (nil when absent).
    static func strata(_ table: StrictMapping, yaml: StrictYAML) throws(DescriptionError) -> StrataSpec? {
        guard let node = table["strata"] else { return nil }
        let map = try yaml.mapping(
            node, key: "strata", context: "'strata'", allowed: StrataSpec.keys,
            required: ["type": "type: Strata", "value": "value: Strata_Name", "whole_population": "whole_population: Total Population"],
            keyLocation: table.keyLocation("strata"))
        var spec = StrataSpec(
            typeColumn: try yaml.name(map.required("type"), key: "type", meaning: "the stratum-type column"),
            valueColumn: try yaml.name(map.required("value"), key: "value", meaning: "the stratum-value column"),
            wholePopulation: try yaml.text(
                map.required("whole_population"), key: "whole_population",
                meaning: "the stratum type of the whole-population rows"),
            location: map.location)
        if let separator = map["separator"] {
            spec.separator = try yaml.text(separator, key: "separator", meaning: "the text between crossed variables")
        }
        return spec
    }

    /// Stratum dimensions and `strata:` come together; both stratum columns are read, not dimensions; each
    /// stratum names one variable, and its total is where the rows of other strata stand.
    func checkStrata(_ table: StrictMapping) throws(DescriptionError) {
        let stratified = dimensions.filter { $0.stratum != nil }
        guard let strata else {
            if let spec = stratified.first {
                throw .invalidTable(
                    spec.location,
                    problem: "dimension '\(spec.column)' is a stratum, but the table declares no `strata:` (the "
                        + "columns that hold each row's stratum type and value)")
            }
            return
        }
        let location = table.keyLocation("strata") ?? strata.location
        guard !stratified.isEmpty else {
            throw .invalidTable(
                location,
                problem: "`strata:` needs at least one dimension with `stratum:` (e.g. `- column: Gender`, "
                    + "`stratum: Gender`), one per breakdown variable")
        }
        guard input == .aggregate else {
            throw .invalidTable(location, problem: "`strata:` describes an aggregate table; records input has no strata")
        }
        guard !strata.separator.isEmpty else {
            throw .invalidTable(location, problem: "the strata `separator` cannot be empty")
        }
        if !masking.aggregate.isEmpty {
            throw .invalidTable(
                location,
                problem: "`strata:` and `aggregate:` rules cannot be combined yet; merge the categories in the file")
        }
        if masking.percentages != nil || masking.sampleSize != nil {
            throw .invalidTable(
                location, problem: "`strata:` cannot be combined with rounded percentages or survey estimates yet")
        }
        try checkStratumNames(stratified, strata: strata)
    }

    private func checkStratumNames(_ stratified: [DimensionSpec], strata: StrataSpec) throws(DescriptionError) {
        var seen: Set<String> = []
        for spec in stratified {
            guard let name = spec.stratum else { continue }
            if [strata.typeColumn, strata.valueColumn].contains(spec.column) {
                throw .invalidTable(
                    spec.location,
                    problem: "'\(spec.column)' holds the strata themselves; name the stratum dimension after its "
                        + "variable (e.g. `column: Gender`)")
            }
            if name == strata.wholePopulation || name.contains(strata.separator) {
                throw .invalidTable(
                    spec.location,
                    problem: "the stratum '\(name)' of '\(spec.column)' must be one variable: not the whole population "
                        + "and without the separator '\(strata.separator)' (crossed strata are read from their parts)")
            }
            guard seen.insert(name).inserted else {
                throw .invalidTable(spec.location, problem: "the stratum '\(name)' is declared by two dimensions")
            }
        }
        let others = [count, denominator, annotation].compactMap { $0 } + derived
        if let column = others.first(where: { [strata.typeColumn, strata.valueColumn].contains($0) }) {
            throw .invalidTable(
                strata.location, problem: "'\(column)' is declared both as a stratum column and as another column")
        }
        if let spec = dimensions.first(where: { [strata.typeColumn, strata.valueColumn].contains($0.column) }) {
            throw .invalidTable(
                spec.location,
                problem: "the stratum columns '\(strata.typeColumn)' and '\(strata.valueColumn)' are read through "
                    + "`strata:`; remove them from 'dimensions'")
        }
    }
}
