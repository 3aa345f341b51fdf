/// The SQL engines `deid sql` writes for. Each reads the records where they are and counts them there; deid then
/// protects the cells.
public enum SQLDialect: String, Sendable, CaseIterable {
    /// DuckDB: a table name, or a CSV or Parquet file it reads with `read_csv` / `read_parquet`.
    case duckdb
    /// PostgreSQL: a table name (or any relation), read on the server.
    case postgres
    /// Spark SQL: a table or view name (or any relation).
    case spark

    /// The relation the records come from. DuckDB reads files itself: a path (a folder separator, or a CSV or
    /// Parquet extension) becomes its file reader, every column read as text so labels stay as written (`007`
    /// stays `007`). Anything else is used as written, as a table name or the user's own SQL.
    func source(_ from: String) throws(SQLError) -> String {
        let lower = from.lowercased()
        let isFile = from.contains("/") || [".csv", ".csv.gz", ".parquet"].contains(where: lower.hasSuffix)
        switch self {
        case .duckdb where lower.hasSuffix(".parquet"):
            return "read_parquet(\(literal(from)))"
        case .duckdb where isFile:
            // Declared, not sniffed: a small file's first rows must not decide how the rest is split.
            return "read_csv(\(literal(from)), header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')"
        case .postgres where isFile:
            throw .fileSource(path: from, dialect: rawValue, hint: "load it into a table first (\\copy TABLE FROM 'FILE' CSV HEADER) and name the table")
        case .spark where isFile:
            throw .fileSource(
                path: from, dialect: rawValue,
                hint: "register it as a view first (spark.read.csv(FILE, header=True, escape='\"').createOrReplaceTempView(NAME)) "
                    + "and name the view")
        case .duckdb, .postgres, .spark:
            return from
        }
    }

    /// A true condition that stops the query with `message` (a text expression) when it is evaluated.
    func failure(_ message: String) -> String {
        switch self {
        case .duckdb: "error(\(message)) IS NULL"
        // PostgreSQL has no function that raises; reading the message as a number fails and shows it.
        case .postgres: "CAST(\(message) AS integer) = 0"
        case .spark: "raise_error(\(message)) IS NULL"
        }
    }

    /// `text` compared byte by byte, as deid compares labels: PostgreSQL would otherwise use the database's
    /// collation.
    func bytewise(_ text: String) -> String {
        switch self {
        case .duckdb, .spark: text
        case .postgres: "\(text) COLLATE \"C\""
        }
    }

    /// An expression whose byte order is the order deid gives a dimension's labels read from records (digit
    /// runs compared as numbers, so `5-9` before `10-14`): each run of digits becomes `0`, its length without
    /// leading zeros in three digits, and those digits, which sorts like the number and, against any other
    /// character, like the digit it starts with.
    func naturalKey(_ text: String) -> String {
        let digits = "'0' || lpad(CAST(length(ltrim(run, '0')) AS \(textType)), 3, '0') || ltrim(run, '0')"
        switch self {
        case .duckdb:
            return "array_to_string(list_transform(regexp_extract_all(\(text), '[0-9]+|[^0-9]+'), lambda run: "
                + "CASE WHEN regexp_full_match(run, '[0-9]+') THEN \(digits) ELSE run END), '')"
        case .spark:
            let stripped = "TRIM(LEADING '0' FROM run)"
            return "array_join(transform(regexp_extract_all(\(text), '([0-9]+|[^0-9]+)', 1), run -> CASE WHEN run RLIKE "
                + "'^[0-9]+$' THEN '0' || lpad(CAST(length(\(stripped)) AS STRING), 3, '0') || \(stripped) ELSE run END), '')"
        case .postgres:
            return "COALESCE((SELECT string_agg(CASE WHEN run ~ '^[0-9]+$' THEN \(digits) ELSE run END, '' ORDER BY place) "
                + "FROM regexp_matches(\(text), '[0-9]+|[^0-9]+', 'g') WITH ORDINALITY AS runs(found, place), "
                + "LATERAL (SELECT found[1] AS run) AS one), '')"
        }
    }
}

extension SQLDialect {
    /// The type of text: Spark has no VARCHAR without a length.
    var textType: String { self == .spark ? "STRING" : "VARCHAR" }

    /// A column name: in double quotes, or in backquotes for Spark, the quote doubled inside.
    func identifier(_ name: String) -> String {
        let quote = self == .spark ? "`" : "\""
        return quote + name.replacingOccurrences(of: quote, with: quote + quote) + quote
    }

    /// A text literal in single quotes: the quote doubled inside, or for Spark, which reads backslash escapes in
    /// literals, the quote and the backslash escaped by a backslash.
    func literal(_ text: String) -> String {
        guard self == .spark else { return "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        return "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
