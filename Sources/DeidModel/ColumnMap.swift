import DeidSupport
import DeidDescription

/// Which field of each row holds what the description declares.
struct ColumnMap: Sendable {
    /// Per dimension, its field; -1 for a stratum dimension, read through `strata`.
    var dimensions: [Int]
    /// The stratum-type and stratum-value fields of a stacked file.
    var strata: (type: Int, value: Int)?
    var count: Int?
    var denominator: Int?
    var derived: [Int]
    /// The annotation column, when the input already has one (a released table).
    var annotation: Int?
    /// The unweighted sample cases of each survey estimate (`sample_size:`).
    var sampleSize: Int?
    /// The columns of the `rates:` formulas, in order; nil where the header lacks one.
    var rates: [Int?] = []
    /// The columns beyond the first count: more counts, then running totals (`cumulative:`).
    var measures: [(field: Int, name: String)] = []
    /// The note column of `hidden_marker:`.
    var hiddenMarker: Int?
    /// The columns the description gives no role.
    var undeclared: [(field: Int, name: String)] = []

    static func resolve(header: [String], description: TableDescription, purpose: TablePurpose, file: String)
        throws(ModelError) -> ColumnMap
    {
        let position = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        func find(_ column: String, _ purpose: String, _ at: SourceLocation? = nil) throws(ModelError) -> Int {
            guard let i = position[column] else {
                let declared = at ?? description.columnLocations[column] ?? SourceLocation(file: description.file)
                throw .missingColumn(column: column, purpose: purpose, header: header, declared: declared)
            }
            return i
        }
        var map = ColumnMap(dimensions: [], count: nil, denominator: nil, derived: [], annotation: nil)
        for spec in description.dimensions {
            if spec.stratum != nil {
                if position[spec.column] != nil { throw .stratumColumnInTable(column: spec.column, declared: spec.location) }
                map.dimensions.append(-1)
            } else {
                map.dimensions.append(try find(spec.column, "dimension", spec.location))
            }
        }
        if let strata = description.strata {
            map.strata = (
                try find(strata.typeColumn, "stratum type", strata.location),
                try find(strata.valueColumn, "stratum value", strata.location)
            )
        }
        if description.input == .aggregate {
            map.count = try find(description.countColumn, "count")
            if let denominator = description.denominator {
                map.denominator = try find(denominator, "denominator")
            }
            for column in description.derived {
                map.derived.append(try find(column, "derived"))
            }
            if let sampleSize = description.masking.sampleSize {
                map.sampleSize = try find(sampleSize, "sample size")
            }
            map.rates = description.masking.rates.map { position[$0.column] }
            for name in description.moreCounts { map.measures.append((try find(name, "count"), name)) }
            for spec in description.cumulative {
                map.measures.append((try find(spec.column, "cumulative", spec.location), spec.column))
            }
        }
        if let marker = description.hiddenMarker {
            map.hiddenMarker = try find(marker.column, "hidden marker")
        }
        let declared = description.declaredColumns
        map.undeclared = header.indices.filter { !declared.contains(header[$0]) }.map { ($0, header[$0]) }
        if let annotation = description.annotation, let i = position[annotation] {
            if purpose == .release {
                throw .annotationColumnExists(column: annotation, location: SourceLocation(file: file, line: 1))
            }
            map.annotation = i
        }
        return map
    }
}
