import DeidDescription
import DeidSQL
import Foundation

/// `deid sql DESCRIPTION --dialect D --from SOURCE`: the query that aggregates the records in a warehouse into
/// the cell table deid releases, and (`--emit-description`) that table's description.
public enum SQLRun {
    /// The query; writes the aggregate's description to `emitDescription` too, if given, once the query is built.
    public static func run(descriptionFile: String, dialect: SQLDialect, from: String, emitDescription: String?) throws -> String {
        let description = try TableDescription.load(path: descriptionFile)
        let query = try RecordsQuery(description: description, dialect: dialect).text(from: from)
        if let target = emitDescription {
            let same = URL(fileURLWithPath: target).standardizedFileURL == URL(fileURLWithPath: descriptionFile).standardizedFileURL
            guard !same else {
                throw SQLError.unwritable(path: target, reason: "it is the description of the records, which deid sql reads")
            }
            let yaml = try AggregateDescription.yaml(for: description)
            // What deid sql writes, deid must read: a description it cannot load back is a defect, never a file.
            _ = try TableDescription.parse(yaml: yaml, file: target)
            do {
                try Data(yaml.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
            } catch {
                throw SQLError.unwritable(path: target, reason: error.localizedDescription)
            }
        }
        return query
    }
}
