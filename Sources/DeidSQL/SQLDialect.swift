/// The SQL engines `deid sql` writes for. Each reads the records where they are (a table, or a file the engine
/// reads itself) and aggregates them there; deid then protects the cells.
public enum SQLDialect: String, Sendable, CaseIterable {
    /// DuckDB: a table name, or a CSV or Parquet file it reads with `read_csv` / `read_parquet`.
    case duckdb

    /// The relation the records come from: a file path (it has a folder separator or a file extension the
    /// engine reads) becomes the engine's file reader, every column read as text so labels stay as written
    /// (`007` stays `007`); anything else is used as written, as a table name or the user's own SQL.
    func source(_ from: String) -> String {
        let lower = from.lowercased()
        if lower.hasSuffix(".parquet") { return "read_parquet(\(SQLText.literal(from)))" }
        if from.contains("/") || [".csv", ".csv.gz"].contains(where: lower.hasSuffix) {
            // Declared, not sniffed: a small file's first rows must not decide how the rest is split.
            return "read_csv(\(SQLText.literal(from)), header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')"
        }
        return from
    }

    /// An expression that stops the query with `message` (a text expression) when it is evaluated.
    func failure(_ message: String) -> String { "error(\(message))" }

    /// An expression whose byte order is the order deid gives a dimension's labels read from records (digit
    /// runs compared as numbers, so `5-9` before `10-14`): each run of digits becomes `0`, its length without
    /// leading zeros in three digits, and those digits, which sorts like the number and, against any other
    /// character, like the digit it starts with.
    func naturalKey(_ text: String) -> String {
        "array_to_string(list_transform(regexp_extract_all(\(text), '[0-9]+|[^0-9]+'), lambda run: CASE WHEN "
            + "regexp_full_match(run, '[0-9]+') THEN '0' || lpad(CAST(length(ltrim(run, '0')) AS VARCHAR), 3, '0') "
            + "|| ltrim(run, '0') ELSE run END), '')"
    }
}

/// Quoting for the SQL deid writes: identifiers in double quotes and text in single quotes, each quote
/// doubled, which every dialect here reads the same way.
enum SQLText {
    static func identifier(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
