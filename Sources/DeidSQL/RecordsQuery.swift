import DeidSupport
import DeidDescription

/// The SQL query that turns person records into the cell table `deid release` builds from them itself: every
/// combination of every dimension's labels (hierarchy levels and totals included, zeros where no record falls),
/// the same column names and labels, in the same row order, and one count column.
///
/// The records are counted once per combination of their labels (one `GROUP BY`, the only pass over them);
/// each combination is then joined to every label it counts towards in each dimension (its own, and the totals
/// and subtotals above it) and counted again, which gives every cell; the labels of each dimension, crossed and
/// joined to those counts, give the zeros. A record whose label is a total, or not a leaf of its hierarchy, stops
/// the query, as it stops deid.
public struct RecordsQuery {
    public let dialect: SQLDialect
    public let description: TableDescription

    /// Refuses a description the query cannot build exactly.
    public init(description: TableDescription, dialect: SQLDialect) throws(SQLError) {
        guard description.input == .records else { throw .notRecords(at: SourceLocation(file: description.file)) }
        try Self.refuseUnsupported(description)
        self.description = description
        self.dialect = dialect
    }

    /// The query over the records in `from` (see `SQLDialect.source`), without a closing semicolon, so that it
    /// can be put inside `COPY (…) TO …` as it is.
    public func text(from: String) throws(SQLError) -> String {
        let dimensions = description.dimensions
        var parts = ["WITH records AS (\n  SELECT " + dimensions.enumerated().map { d, spec in
            "COALESCE(CAST(\(dialect.identifier(spec.column)) AS \(dialect.textType)), '') AS d\(d)"
        }.joined(separator: ", ") + "\n  FROM \(try dialect.source(from))\n)"]
        let leafColumns = dimensions.indices.map { "d\($0)" }.joined(separator: ", ")
        parts.append("leaves AS (SELECT \(leafColumns), count(*) AS people FROM records GROUP BY \(leafColumns))")
        for (d, spec) in dimensions.enumerated() { parts += labelTables(d, spec) }
        parts.append(misfits(dimensions))
        parts.append(counted(dimensions.count))
        return parts.joined(separator: ",\n") + "\n" + cells(dimensions) + "\n"
    }

    /// `labels_d(label, label_rank, label_key)`: the dimension's labels, ordered by rank and then by their natural key;
    /// `up_d(leaf, label)`: each record label with every label it counts towards, itself included.
    private func labelTables(_ d: Int, _ spec: DimensionSpec) -> [String] {
        let column = "d\(d)"
        let observed = "SELECT DISTINCT \(column) AS leaf FROM leaves"
        switch spec.structure {
        case .none:
            return [
                "labels_\(d) AS (SELECT leaf AS label, 0 AS label_rank, \(dialect.naturalKey("leaf")) AS label_key FROM (\(observed)) AS seen)",
                "up_\(d) AS (SELECT leaf, leaf AS label FROM (\(observed)) AS seen)",
            ]
        case .total(let total):
            let t = dialect.literal(total)
            return [
                "labels_\(d) AS (SELECT \(t) AS label, 0 AS label_rank, '' AS label_key UNION ALL SELECT leaf, 1, "
                    + "\(dialect.naturalKey("leaf")) FROM (\(observed)) AS seen WHERE leaf <> \(t))",
                "up_\(d) AS (SELECT leaf, leaf AS label FROM (\(observed)) AS seen UNION ALL SELECT leaf, \(t) FROM (\(observed)) AS seen)",
            ]
        case .hierarchy(let hierarchy):
            let parents = hierarchy.parents
            let labels = hierarchy.preorder.enumerated().map { "(\(dialect.literal($1)), \($0), '')" }
            let up = hierarchy.leaves.flatMap { leaf in
                sequence(first: leaf) { parents[$0] }.map { "(\(dialect.literal(leaf)), \(dialect.literal($0)))" }
            }
            return [
                "labels_\(d)(label, label_rank, label_key) AS (VALUES \(labels.joined(separator: ", ")))",
                "up_\(d)(leaf, label) AS (VALUES \(up.joined(separator: ", ")))",
            ]
        }
    }

    /// How many records carry a label no cell holds (a total, or a label outside the hierarchy), and how many
    /// records there are.
    private func misfits(_ dimensions: [DimensionSpec]) -> String {
        var conditions: [String] = []
        for (d, spec) in dimensions.enumerated() {
            switch spec.structure {
            case .none: continue
            case .total(let total): conditions.append("d\(d) = \(dialect.literal(total))")
            case .hierarchy(let hierarchy):
                // The leaves as a list: not every engine takes a subquery inside an aggregate's filter.
                conditions.append("d\(d) NOT IN (\(hierarchy.leaves.map(dialect.literal).joined(separator: ", ")))")
            }
        }
        let misfit = conditions.isEmpty ? "false" : conditions.joined(separator: " OR ")
        return "misfits AS (SELECT COALESCE(sum(people) FILTER (WHERE \(misfit)), 0) AS misfit, COALESCE(sum(people), 0) AS people FROM leaves)"
    }

    private func counted(_ arity: Int) -> String {
        let dims = 0..<arity
        return "counted AS (\n  SELECT " + dims.map { "up_\($0).label AS d\($0)" }.joined(separator: ", ")
            + ", sum(people) AS people\n  FROM leaves\n"
            + dims.map { "  JOIN up_\($0) ON up_\($0).leaf = leaves.d\($0)\n" }.joined()
            + "  GROUP BY " + dims.map { "up_\($0).label" }.joined(separator: ", ") + "\n)"
    }

    private func cells(_ dimensions: [DimensionSpec]) -> String {
        let dims = dimensions.indices
        let columns = dimensions.enumerated().map { "labels_\($0).label AS \(dialect.identifier($1.column))" }
        let count = "COALESCE(counted.people, 0) AS \(dialect.identifier(description.countColumn))"
        // The message gives no number: how many records are misfits may be a small count.
        let none = dialect.literal("deid: there are no records")
        let misfit = dialect.literal(
            "deid: some records carry a total or a label outside their dimension's hierarchy; deid release on the "
                + "records names the first")
        let stop = dialect.failure("CASE WHEN misfits.people = 0 THEN \(none) ELSE \(misfit) END")
        return "SELECT " + (columns + [count]).joined(separator: ", ") + "\n"
            + "FROM " + dims.map { "labels_\($0)" }.joined(separator: " CROSS JOIN ") + "\n"
            + "LEFT JOIN counted ON " + dims.map { "counted.d\($0) = labels_\($0).label" }.joined(separator: " AND ") + "\n"
            + "CROSS JOIN misfits\n"
            // CASE, not OR: only CASE promises not to evaluate the failure when the records fit.
            + "WHERE CASE WHEN misfits.misfit = 0 AND misfits.people > 0 THEN true ELSE \(stop) END\n"
            + "ORDER BY " + dims.map {
                "labels_\($0).label_rank, \(dialect.bytewise("labels_\($0).label_key")), length(labels_\($0).label), "
                    + dialect.bytewise("labels_\($0).label")
            }
            .joined(separator: ", ")
    }
}

extension RecordsQuery {
    /// What the query does not build. Most of these are refused for records input anyway; the rest (running
    /// totals, tables released together) would need more than one query.
    static func refuseUnsupported(_ description: TableDescription) throws(SQLError) {
        let file = SourceLocation(file: description.file)
        let tableKeys: [(String, Bool)] = [
            ("stacked strata (`strata:`)", description.strata != nil),
            ("running totals (`cumulative:`)", !description.cumulative.isEmpty),
            ("declared bounds between counts (`count_bounds:`)", !description.countBounds.isEmpty),
            ("more than one count", !description.moreCounts.isEmpty),
            ("a denominator, derived or descriptive column",
             description.denominator != nil || !description.derived.isEmpty || !description.descriptive.isEmpty),
            ("survey estimates, rates or rounded percentages",
             description.masking.sampleSize != nil || !description.masking.rates.isEmpty
                || description.masking.percentages != nil),
            ("a set of tables released together (`released_together:`)", !description.releasedTogether.isEmpty),
        ]
        if let feature = tableKeys.first(where: \.1)?.0 {
            throw .unsupported(
                feature: feature, at: file,
                hint: "aggregate the records with deid itself (deid release RECORDS.csv) or write the query by hand")
        }
        for spec in description.dimensions where spec.remainder != nil || spec.stratum != nil {
            throw .unsupported(
                feature: "the dimension '\(spec.column)' (`remainder:` or `stratum:`)", at: spec.location,
                hint: "aggregate the records with deid itself (deid release RECORDS.csv)")
        }
    }
}
