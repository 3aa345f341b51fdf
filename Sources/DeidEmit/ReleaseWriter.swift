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
    /// Re-reads an aggregate input (a file; stdin is spooled to one first) and writes it row by row, as
    /// `release` decides. Returns the SHA-256 of the input as read this second time, for the caller to compare
    /// with the first read's.
    public static func writeAggregate(
        _ release: Release, input: InputSource, displayName: String, to fd: Int32
    ) throws -> String? {
        var options = CSVOptions()
        options.computeDigest = true
        let reader = try CSVReader(source: input, displayName: displayName, options: options)
        var writer = CSVWriter(fileDescriptor: fd)
        let (description, layout) = (release.description, release.layout)
        var keptWhenHidden = Set<Int>()
        var header: [String] = []
        var percentField: Int?
        // A published table protected again has the annotation column already: it is rewritten in place.
        var annotationField: Int?
        // With several counts or running totals, each column of a row is its own cell, shown or hidden apart from
        // the others (`Table.measures`): field → measure.
        var measureOfField: [Int: Int] = [:]
        let measures = release.table.measures
        // The note column of `hidden_marker:`: on a hidden row it keeps the mark an earlier release put there (its
        // readers have it) and nothing else.
        var markerField: Int?
        let mark = description.hiddenMarker.map { Array($0.value.utf8) }
        var inputRow = 0
        try reader.read(
            header: { fields in
                header = fields
                keptWhenHidden = Set(fields.indices.filter { release.columnsKeptWhenHidden.contains(fields[$0]) })
                for field in fields { writer.field(field) }
                if let percentages = layout.percentages {
                    // The input's own percent column is filled; otherwise one is added after the input's columns.
                    percentField = fields.firstIndex(of: percentages.column)
                    if percentField == nil { writer.field(percentages.column) }
                }
                annotationField = description.annotation.flatMap { fields.firstIndex(of: $0) }
                markerField = description.hiddenMarker.flatMap { fields.firstIndex(of: $0.column) }
                for (j, column) in (measures?.columns ?? []).enumerated() {
                    if let i = fields.firstIndex(of: column) { measureOfField[i] = j }
                }
                if let annotation = description.annotation, annotationField == nil { writer.field(annotation) }
                writer.endRecord()
            },
            row: { row in
                // Input row r is cell r of the table as read; recoding maps it to its group's cell, written once.
                defer { inputRow += 1 }
                guard let cell = layout.rows.map({ $0.cellWritten(atRow: inputRow) }) ?? inputRow else { return }
                // Derived and undeclared values are hidden when any count of the row is.
                let hidden: Bool
                let code: String?
                if let measures {
                    let cells = measures.columns.indices.lazy.map { measures.cell(row: cell, measure: $0) }
                    hidden = cells.contains(where: release.pattern.isHidden)
                    code = cells.compactMap { release.annotations[$0] }.first
                } else {
                    hidden = release.pattern.isHidden(cell)
                    code = release.annotations[cell]
                }
                let merged = release.mergedRow(cell)
                for i in 0..<row.count {
                    if i == percentField, let percentages = layout.percentages {
                        writer.field(percentages.texts[cell])
                    } else if i == annotationField {
                        // A declared "no data" code stays on its row.
                        let noData = release.table.marks?.annotations[cell] == .noData
                        writer.field(code ?? (noData ? String(decoding: row[i], as: UTF8.self) : ""))
                    } else if i == markerField, hidden {
                        writer.field(mark.map { Array(row[i]) == $0 } == true ? row[i] : UnsafeRawBufferPointer(start: nil, count: 0))
                    } else if let j = measureOfField[i] {
                        let own = measures.map { $0.cell(row: cell, measure: j) } ?? cell
                        writer.field(release.pattern.isHidden(own) ? UnsafeRawBufferPointer(start: nil, count: 0) : row[i])
                    } else if hidden && !keptWhenHidden.contains(i) {
                        writer.field(UnsafeRawBufferPointer(start: nil, count: 0))
                    } else if let merged {
                        writer.field(merged.field(header[i], original: row[i]))
                    } else {
                        writer.field(row[i])
                    }
                }
                if percentField == nil, let percentages = layout.percentages { writer.field(percentages.texts[cell]) }
                if description.annotation != nil, annotationField == nil { writer.field(code ?? "") }
                writer.endRecord()
            })
        try writer.flush()
        return reader.sha256Hex
    }

    /// Writes an aggregated records table: dimension columns in declared order, then the count column.
    public static func writeAggregated(_ release: Release, to fd: Int32) throws {
        let (table, description, layout) = (release.table, release.description, release.layout)
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
            writer.field(release.pattern.isHidden(cell) ? "" : String(table.counts[cell]))
            if let percentages = layout.percentages { writer.field(percentages.texts[cell]) }
            if description.annotation != nil { writer.field(release.annotations[cell] ?? "") }
            writer.endRecord()
        }
        try writer.flush()
    }
}
