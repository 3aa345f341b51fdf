import DeidSupport
import DeidRead
import DeidDescription

/// Builds a `Table` from `aggregate` input (one row per cell) while the CSV streams past.
struct AggregateTableBuilder: Sendable {
    let description: TableDescription
    let columns: ColumnMap
    let labelCodes: LabelRule
    let allowBlankCounts: Bool
    let readsRecodedRelease: Bool
    let refusesUndeclaredNumbers: Bool
    /// The first number met in a column the description gives no role, and where.
    private var undeclaredNumber: (column: String, at: SourceLocation)?
    let file: String

    private var interners: [ByteInterner]
    /// A stacked file's stratum dimensions, read from its stratum columns.
    private var strata: StrataReader?
    /// Per dimension, the label a stratum dimension stands at on the rows of other strata.
    private let stratumTotals: [String]
    /// Per dimension, its `aliases:` (nil without), so rows spelling a label otherwise are read as it.
    private let aliases: [[String: String]?]
    /// How counts and denominators are written (`number_format:`).
    private let numberFormat: NumberFormat
    private var firstLines: [[Int32]]
    // The per-cell columns below are internal so that `AggregateTableBuilder+Remainders.swift` can append cells.
    /// Cell coordinates, `dimensions.count` value ids per row; indexed (and checked for duplicates) at the end.
    var coordinates: [Int32] = []
    var counts: [Int] = []
    var denominators: [Double] = []
    var lines: [Int32] = []
    var annotations: [ReleaseMarks.Code] = []
    var derivedPublished: [Bool] = []
    var derivedZero: DerivedZeroFlags
    var rateDecimals: [Int8] = []
    var sampleSizes: [Int] = []
    /// Per column beyond the first count (more counts, then running totals), each row's value or `Table.blank`.
    var measureValues: [[Int]]

    init(
        description: TableDescription, columns: ColumnMap, labelCodes: LabelRule, allowBlankCounts: Bool,
        readsRecodedRelease: Bool = false, refusesUndeclaredNumbers: Bool = false, file: String
    ) {
        self.readsRecodedRelease = readsRecodedRelease
        self.refusesUndeclaredNumbers = refusesUndeclaredNumbers
        self.description = description
        self.columns = columns
        self.labelCodes = labelCodes
        self.allowBlankCounts = allowBlankCounts
        self.file = file
        interners = Array(repeating: ByteInterner(), count: columns.dimensions.count)
        firstLines = Array(repeating: [], count: columns.dimensions.count)
        derivedZero = DerivedZeroFlags(columns: columns.derived.count)
        measureValues = Array(repeating: [], count: columns.measures.count)
        stratumTotals = description.dimensions.map { $0.structure.grandTotal ?? "" }
        aliases = description.dimensions.map { $0.aliases.isEmpty ? nil : $0.aliases }
        numberFormat = NumberFormat(
            thousandsSeparator: description.thousandsSeparator?.asciiValue,
            trailingZeroDecimals: description.trailingZeroDecimals)
        if let fields = columns.strata, let spec = description.strata {
            strata = StrataReader(typeField: fields.type, valueField: fields.value, spec: spec, dimensions: description.dimensions)
        }
    }

    mutating func add(_ row: CSVRow) throws(ModelError) {
        let stratum = try strata?.read(row)
        for (d, field) in columns.dimensions.enumerated() {
            let before = interners[d].count
            if field >= 0, let alias = aliases[d], let label = alias[row.string(field)] {
                coordinates.append(interners[d].intern(label))
            } else if field >= 0 {
                coordinates.append(interners[d].intern(row[field]))
            } else if let stratum, let fields = columns.strata, stratum.layout[d] >= 0 {
                let part = stratum.parts[stratum.layout[d]]
                coordinates.append(interners[d].intern(UnsafeRawBufferPointer(rebasing: row[fields.value][part])))
            } else {
                coordinates.append(interners[d].intern(stratumTotals[d]))
            }
            if interners[d].count != before { firstLines[d].append(Int32(clamping: row.line)) }
        }
        lines.append(Int32(clamping: row.line))
        // A row marked in the note column (`hidden_marker:`) is a hidden cell whose readers know it is small: the
        // mark is the small-number code.
        let marked = columns.hiddenMarker.map { row.string($0) == description.hiddenMarker?.value } ?? false
        let annotation = marked ? .smallNumber : columns.annotation.map { code(row.string($0)) } ?? .none
        counts.append(try count(in: row, annotation: annotation, marked: marked))
        if let field = columns.denominator {
            if row.isEmpty(field) {
                denominators.append(.nan)
            } else {
                guard let value = NumberParser.decimal(row[field], format: numberFormat), value >= 0 else {
                    throw .invalidNumber(column: description.denominator ?? "", at: row.location(ofField: field))
                }
                denominators.append(value)
            }
        }
        derivedPublished.append(columns.derived.contains { !row.isEmpty($0) })
        derivedZero.appendCell { NumberParser.readsAsZero(row[columns.derived[$0]]) }
        for field in columns.rates {
            rateDecimals.append(field.flatMap { DecimalText.decimals(of: row[$0]) }.map { Int8(clamping: $0) } ?? -1)
        }
        if let field = columns.sampleSize { sampleSizes.append(try sampleSize(in: row, field: field)) }
        for (k, measure) in columns.measures.enumerated() {
            measureValues[k].append(try wholeNumber(in: row, field: measure.field, column: measure.name))
        }
        annotations.append(annotation)
        if refusesUndeclaredNumbers, undeclaredNumber == nil {
            for column in columns.undeclared where NumberParser.looksNumeric(row[column.field]) {
                undeclaredNumber = (column.name, row.location(ofField: column.field))
                break
            }
        }
    }

    private func count(in row: CSVRow, annotation: ReleaseMarks.Code, marked: Bool) throws(ModelError) -> Int {
        guard let field = columns.count else { return 0 }
        // A declared "no data" code beside a blank: an empty cell, which adds nothing to any total.
        if annotation == .noData && row.isEmpty(field) { return 0 }
        // A marked row is a hidden cell, whatever placeholder the count column holds.
        if marked {
            guard allowBlankCounts else { throw .blankCount(column: description.countColumn, at: row.location(ofField: field)) }
            return Table.blank
        }
        return try wholeNumber(in: row, field: field, column: description.countColumn)
    }

    /// A count of people in `field`: blank (`Table.blank`) only in a table already released.
    private func wholeNumber(in row: CSVRow, field: Int, column: String) throws(ModelError) -> Int {
        if row.isEmpty(field) {
            guard allowBlankCounts else { throw .blankCount(column: column, at: row.location(ofField: field)) }
            return Table.blank
        }
        switch NumberParser.readWholeNumber(row[field], format: numberFormat) {
        case .value(let count) where count <= Table.maximumCount: return count
        case .value, .tooLarge: throw .countTooLarge(column: column, at: row.location(ofField: field))
        case .notWhole: throw .invalidCount(column: column, at: row.location(ofField: field))
        }
    }

    /// Survey sample cases: a whole number, required for a release; blank in a table being checked is unknown.
    private func sampleSize(in row: borrowing CSVRow, field: Int) throws(ModelError) -> Int {
        let column = description.masking.sampleSize ?? ""
        if row.isEmpty(field) {
            guard allowBlankCounts else { throw .invalidSampleSize(column: column, at: row.location(ofField: field)) }
            return Table.blank
        }
        guard let cases = NumberParser.wholeNumber(row[field]) else {
            throw .invalidSampleSize(column: column, at: row.location(ofField: field))
        }
        return cases
    }

    private func code(_ text: String) -> ReleaseMarks.Code {
        if description.noDataCodes.contains(text) { return .noData }
        return switch text {
        case "", "0": .none
        case labelCodes.primaryCode: .smallNumber
        case labelCodes.complementaryCode: .complementary
        case labelCodes.genericCode: .generic
        case labelCodes.unreliableCode: .unreliable
        default: .other
        }
    }

    /// Appends the rows another builder read from the next segment of the same file, exactly as if they had
    /// been read in sequence: labels new to this builder get the next ids, lines continue after `lineOffset`.
    mutating func append(_ other: AggregateTableBuilder, lineOffset: Int32) {
        let arity = interners.count
        let remaps = SegmentLabels.merge(
            into: &interners, firstLines: &firstLines,
            from: other.interners, otherFirstLines: other.firstLines, lineOffset: lineOffset)
        // When the second segment saw no label the first did not, its ids are the first's already.
        let identical = remaps.allSatisfy { remap in remap.indices.allSatisfy { remap[$0] == Int32($0) } }
        if identical {
            coordinates += other.coordinates
        } else {
            coordinates.reserveCapacity(coordinates.count + other.coordinates.count)
            other.coordinates.withUnsafeBufferPointer { theirs in
                for row in stride(from: 0, to: theirs.count, by: arity) {
                    for d in 0..<arity { coordinates.append(remaps[d][Int(theirs[row + d])]) }
                }
            }
        }
        counts += other.counts
        denominators += other.denominators
        lines.reserveCapacity(lines.count + other.lines.count)
        for line in other.lines { lines.append(line + lineOffset) }
        annotations += other.annotations
        derivedPublished += other.derivedPublished
        derivedZero.append(contentsOf: other.derivedZero)
        rateDecimals += other.rateDecimals
        sampleSizes += other.sampleSizes
        for k in measureValues.indices { measureValues[k] += other.measureValues[k] }
        // Its line counts from the other segment's start; an error on it makes the loader read again in one pass.
        if undeclaredNumber == nil { undeclaredNumber = other.undeclaredNumber }
    }

    consuming func finish() throws(ModelError) -> Table {
        guard !counts.isEmpty else { throw .emptyTable(file: file) }
        if let (column, at) = undeclaredNumber { throw .undeclaredNumericColumn(column: column, at: at) }
        var dimensions: [Dimension] = []
        for (d, spec) in description.dimensions.enumerated() {
            let observed = DimensionBuilder.Observed(labels: interners[d].labels, firstLines: firstLines[d])
            // A table being checked may be a release whose values `aggregate:` rules merged.
            let declared =
                readsRecodedRelease ? spec.recoded(by: description.masking.aggregate, observed: Set(observed.labels)) : spec
            dimensions.append(try DimensionBuilder.aggregate(declared, observed: observed, file: file))
        }
        let rows = counts.count
        let (measures, runningSums) = try addMeasureCells(to: &dimensions)
        // Cells before `rowCells` are published (one per row and count or running total); the rest are remainders.
        let rowCells = rows * (measures?.columns.count ?? 1)
        try addRemainders(to: &dimensions)
        let (index, duplicate) = StageTrace.measure("index") { CellIndex.build(
            coordinates: coordinates, arity: dimensions.count, sizes: dimensions.map(\.count)) }
        if let (first, second) = duplicate {
            throw .duplicateCell(
                cell: RelationBuilder.labels(dimensions, coordinates, second),
                at: SourceLocation(file: file, line: Int(lines[second])), firstLine: Int(lines[first]))
        }
        let stratumDimensions = description.dimensions.indices.filter { description.dimensions[$0].stratum != nil }
        let withRemainder = description.dimensions.map { $0.remainder != nil }
        var relations = try StageTrace.measure("relations") { () throws(ModelError) in
            stratumDimensions.isEmpty
                ? try RelationBuilder.build(
                    dimensions: dimensions, coordinates: coordinates, index: index, cellCount: counts.count,
                    lines: lines, file: file, partsMayBeMissing: withRemainder, missingRows: description.missingRows)
                : try StratumRelations.build(
                    dimensions: dimensions, coordinates: coordinates, cellCount: counts.count, lines: lines,
                    file: file, stratumDimensions: stratumDimensions, partsMayBeMissing: withRemainder)
        }
        try StageTrace.measure("validate") { () throws(ModelError) in try RelationBuilder.validate(
            relations, counts: counts, dimensions: dimensions, coordinates: coordinates, lines: lines, file: file,
            firstUnpublished: rowCells) }
        relations.append(contentsOf: runningSums)
        let marks = ReleaseMarks(
            annotations: annotations, derivedPublished: derivedPublished, derivedZero: derivedZero,
            rateDecimals: rateDecimals, hasAnnotationColumn: columns.annotation != nil || columns.hiddenMarker != nil)
        return Table(
            file: file, kind: .aggregate, dimensions: dimensions, coordinates: coordinates, index: index, counts: counts,
            denominators: columns.denominator == nil ? nil : denominators, lines: lines, relations: relations,
            marks: marks, sampleSizes: columns.sampleSize == nil ? nil : sampleSizes,
            rowCells: rowCells < counts.count ? rowCells : nil, measures: measures)
    }
}
