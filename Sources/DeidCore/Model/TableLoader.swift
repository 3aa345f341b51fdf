/// Why a table is read: raw input for `release`, or any table (possibly an earlier release) for `check`.
public enum TablePurpose: Sendable {
    /// Every count must be present; the annotation column must not exist yet.
    case release
    /// Blank counts are cells hidden by an earlier release; an annotation column, if present, is read.
    case check
}

/// A table and what reading it measured.
public struct LoadedTable: Sendable {
    public let table: Table
    public let header: [String]
    public let bytesRead: Int
    /// SHA-256 of the input bytes, when requested.
    public let sha256: String?
}

/// The Read → Model step: streams the CSV once through libcsv and builds the table it describes.
public enum TableLoader {
    public static func load(
        _ source: InputSource, displayName: String, description: TableDescription, policy: Policy,
        purpose: TablePurpose, digest: Bool = false
    ) throws -> LoadedTable {
        var options = CSVOptions()
        options.computeDigest = digest
        let reader = try CSVReader(source: source, displayName: displayName, options: options)
        var header: [String] = []
        var aggregate: AggregateTableBuilder?
        var records: RecordTableBuilder?
        try reader.read(
            header: { fields in
                header = fields
                let columns = try ColumnMap.resolve(
                    header: fields, description: description, purpose: purpose, file: displayName)
                switch description.input {
                case .aggregate:
                    aggregate = AggregateTableBuilder(
                        description: description, columns: columns, labelCodes: policy.labels,
                        allowBlankCounts: purpose == .check, file: displayName)
                case .records:
                    records = RecordTableBuilder(description: description, columns: columns, file: displayName)
                }
            },
            row: { row in
                if aggregate != nil {
                    try aggregate?.add(row)
                } else {
                    records?.add(row)
                }
            })
        let table: Table
        if let builder = aggregate {
            table = try builder.finish()
        } else if let builder = records {
            table = try builder.finish()
        } else {
            throw ModelError.emptyTable(file: displayName)
        }
        return LoadedTable(table: table, header: header, bytesRead: reader.bytesRead, sha256: reader.sha256Hex)
    }
}
