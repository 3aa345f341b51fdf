import DeidRead
import DeidDescription
import DeidModel
import DeidVerify

/// Writes the release table: the input's columns, rows and order, with every hidden count (and the derived
/// values on its row) left empty, true zeros kept as `0`, and optionally an annotation column of Open Data
/// Portal codes. A hidden row keeps only its coordinates, denominator and sample size: a column the description
/// does not declare (a percent or a confidence limit someone forgot to list as `derived`) is emptied too, since
/// deid cannot tell what it reveals. For `records` input the release is the aggregated table, one row per cell.
/// A `ReleaseLayout` adds recoding (one row per group, at its first member's row) and the percent column of
/// rounded percentages.
public enum ReleaseWriter {
    /// What goes in the annotation column for each hidden cell (cells not in the map get an empty field).
    public typealias Annotations = [Int: String]

    /// Re-reads an aggregate input (a file; stdin is spooled to one first) and writes it row by row.
    public static func writeAggregate(
        input: InputSource, displayName: String, table: Table, pattern: Pattern, description: TableDescription,
        annotations: Annotations, hideDerived: Bool, layout: ReleaseLayout = .plain, to fd: Int32
    ) throws {
        let reader = try CSVReader(source: input, displayName: displayName)
        var writer = CSVWriter(fileDescriptor: fd)
        // The fields a hidden row still shows; every other one is emptied.
        var keptWhenHidden = Set<Int>()
        var header: [String] = []
        var percentField: Int?
        let rates = Dictionary(layout.rates.map { ($0.column, $0.multiplier) }, uniquingKeysWith: { a, _ in a })
        var inputRow = 0
        try reader.read(
            header: { fields in
                header = fields
                let position = Dictionary(fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                var kept = description.dimensions.map(\.column)
                kept += [description.denominator, description.masking.sampleSize].compactMap { $0 }
                if !hideDerived { kept += description.derived }
                keptWhenHidden = Set(kept.compactMap { position[$0] })
                for field in fields { writer.field(field) }
                if let percentages = layout.percentages {
                    // The input's own percent column is filled; otherwise one is added after the input's columns.
                    percentField = position[percentages.column]
                    if percentField == nil { writer.field(percentages.column) }
                }
                if let annotation = description.annotation { writer.field(annotation) }
                writer.endRecord()
            },
            row: { row in
                // Input row r is cell r of the table as read; recoding maps it to its group's cell, written once.
                defer { inputRow += 1 }
                guard let cell = layout.rows.map({ $0.cellWritten(atRow: inputRow) }) ?? inputRow else { return }
                let hidden = pattern.isHidden(cell)
                let merged = layout.rows?.isMerged(cell) == true
                    ? MergedRow(table: table, cell: cell, description: description, rates: rates) : nil
                for i in 0..<row.count {
                    if i == percentField, let percentages = layout.percentages {
                        writer.field(percentages.texts[cell])
                    } else if hidden && !keptWhenHidden.contains(i) {
                        writer.field(UnsafeRawBufferPointer(start: nil, count: 0))
                    } else if let merged {
                        writer.field(merged.field(header[i], original: row[i]))
                    } else {
                        writer.field(row[i])
                    }
                }
                if percentField == nil, let percentages = layout.percentages { writer.field(percentages.texts[cell]) }
                if description.annotation != nil { writer.field(annotations[cell] ?? "") }
                writer.endRecord()
            })
        try writer.flush()
    }

    /// Writes an aggregated records table: dimension columns in declared order, then the count column.
    public static func writeAggregated(
        table: Table, pattern: Pattern, description: TableDescription, annotations: Annotations,
        layout: ReleaseLayout = .plain, to fd: Int32
    ) throws {
        var writer = CSVWriter(fileDescriptor: fd)
        for dimension in table.dimensions { writer.field(dimension.column) }
        writer.field(description.countColumn)
        if let percentages = layout.percentages { writer.field(percentages.column) }
        if let annotation = description.annotation { writer.field(annotation) }
        writer.endRecord()
        for cell in 0..<table.cellCount {
            for (d, dimension) in table.dimensions.enumerated() {
                writer.field(dimension.labels[Int(table.value(of: cell, in: d))])
            }
            writer.field(pattern.isHidden(cell) ? "" : String(table.counts[cell]))
            if let percentages = layout.percentages { writer.field(percentages.texts[cell]) }
            if description.annotation != nil { writer.field(annotations[cell] ?? "") }
            writer.endRecord()
        }
        try writer.flush()
    }
}
