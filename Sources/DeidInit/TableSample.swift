import DeidRead

/// One column of the table as read: its distinct values in order of first appearance, and each row's value as an
/// index into them.
struct ColumnValues {
    var distinct: [String] = []
    var index: [String: Int32] = [:]
    var rows: [Int32] = []

    mutating func append(_ value: String) {
        if let id = index[value] {
            rows.append(id)
            return
        }
        let id = Int32(distinct.count)
        distinct.append(value)
        index[value] = id
        rows.append(id)
    }

    /// The non-blank distinct values.
    var labels: [String] { distinct.filter { !$0.isEmpty } }
}

/// The table `deid init` describes: read once, every column kept as interned values (a table of counts has as
/// many rows as cells, so this grows with cells; person records are capped at `rowLimit`).
struct TableSample {
    static let rowLimit = 2_000_000

    var file: String
    var header: [String]
    var columns: [ColumnValues]
    var rowCount: Int { columns.first?.rows.count ?? 0 }

    static func read(_ source: InputSource, displayName: String) throws(InitError) -> TableSample {
        var header: [String] = []
        var columns: [ColumnValues] = []
        do {
            let reader = try CSVReader(source: source, displayName: displayName)
            try reader.read(
                header: { names in
                    header = names
                    columns = Array(repeating: ColumnValues(), count: names.count)
                },
                row: { row in
                    guard columns[0].rows.count < rowLimit else {
                        throw InitError.tooManyRows(file: displayName, limit: rowLimit)
                    }
                    for field in 0..<row.count { columns[field].append(row.string(field)) }
                })
        } catch let error as InitError {
            throw error
        } catch let error as ReadError {
            throw .read(error)
        } catch {
            throw .draftRejected(problem: "unexpected read failure: \(error)")
        }
        let sample = TableSample(file: displayName, header: header, columns: columns)
        guard sample.rowCount > 0 else { throw .noRows(file: displayName) }
        return sample
    }
}
