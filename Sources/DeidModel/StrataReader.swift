import DeidSupport
import DeidRead
import DeidDescription

/// Reads the stratum dimensions of a stacked file (`strata:`) from each row's stratum type and value: a row of
/// stratum `Gender * Race-Ethnicity` with value `Female * Asian` has `Gender=Female, Race-Ethnicity=Asian` and
/// every other stratum dimension at its total; a whole-population row has all of them at their totals.
struct StrataReader: Sendable {
    let typeField: Int
    let valueField: Int
    let spec: StrataSpec
    private let separator: [UInt8]
    /// Per dimension: its stratum, or nil for a column of the file.
    private let stratumOf: [String?]
    /// Stratum types met so far, and for each, per dimension, which part of the value it takes (-1: its total).
    private var types = ByteInterner()
    private var layouts: [[Int]] = []

    init(typeField: Int, valueField: Int, spec: StrataSpec, dimensions: [DimensionSpec]) {
        self.typeField = typeField
        self.valueField = valueField
        self.spec = spec
        separator = Array(spec.separator.utf8)
        stratumOf = dimensions.map(\.stratum)
    }

    /// Per dimension, the part of the row's stratum value it takes (-1: it stands at its total; base dimensions
    /// are always -1), and the byte ranges of the value's parts.
    mutating func read(_ row: CSVRow) throws(ModelError) -> (layout: [Int], parts: [Range<Int>]) {
        let id = Int(types.intern(row[typeField]))
        if id == layouts.count { layouts.append(try layout(ofType: types.labels[id], row: row)) }
        let layout = layouts[id]
        let partCount = layout.reduce(0) { max($0, $1 + 1) }
        guard partCount > 0 else { return (layout, []) }
        let parts = split(row[valueField])
        guard parts.count == partCount else {
            throw .stratumValueParts(
                value: row.string(valueField), type: types.labels[id], parts: partCount, separator: spec.separator,
                at: row.location(ofField: valueField))
        }
        return (layout, parts)
    }

    private func layout(ofType type: String, row: CSVRow) throws(ModelError) -> [Int] {
        var layout = Array(repeating: -1, count: stratumOf.count)
        if type == spec.wholePopulation { return layout }
        let names = type.components(separatedBy: spec.separator)
        for (part, name) in names.enumerated() {
            guard let d = stratumOf.firstIndex(of: name), layout[d] < 0 else {
                throw .unknownStratum(
                    type: type, part: name, column: spec.typeColumn, whole: spec.wholePopulation,
                    at: row.location(ofField: typeField))
            }
            layout[d] = part
        }
        return layout
    }

    /// The byte ranges between separators.
    private func split(_ value: UnsafeRawBufferPointer) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = separator.count
        while i + n <= value.count {
            if (0..<n).allSatisfy({ value[i + $0] == separator[$0] }) {
                parts.append(start..<i)
                i += n
                start = i
            } else {
                i += 1
            }
        }
        parts.append(start..<value.count)
        return parts
    }
}
