import DeidSupport
import DeidRead
import DeidDescription

/// A reference file and its SHA-256, as recorded in the assessment (Q18: the audit hashes every figure source).
public struct ReferenceFile: Sendable, Hashable, Encodable {
    public var name: String
    public var file: String
    public var sha256: String
}

/// One row of a reference file: a label, its aliases, the DDG category it counts as, and its population.
public struct ReferenceRow: Sendable, Hashable {
    public var label: String
    public var aliases: [String]
    /// The category the label counts as in a policy's category lists; nil for detailed groups.
    public var category: String?
    /// Nil when the file gives no population (a category label only).
    public var figure: PopulationFigure?
    public var source: String
}

/// The rows of one reference file (Presets/reference/README.md), looked up by label or alias ignoring case.
public struct ReferencePopulations: Sendable {
    public static let header = ["label", "aliases", "category", "population_min", "population_max", "source"]

    public let info: ReferenceFile
    public let rows: [ReferenceRow]
    private let index: [String: Int]

    public func row(for label: String) -> ReferenceRow? {
        index[ScoringText.key(label)].map { rows[$0] }
    }

    /// Reads and checks a reference file through the strict CSV reader (which also hashes it).
    static func load(path: String, name: String) throws(AssessError) -> ReferencePopulations {
        var options = CSVOptions()
        options.computeDigest = true
        var rows: [ReferenceRow] = []
        var index: [String: Int] = [:]
        let sha256: String
        do {
            let reader = try CSVReader(source: .file(path), displayName: path, options: options)
            try reader.read(
                header: { fields in
                    guard fields == header else {
                        throw AssessError.invalidReference(
                            SourceLocation(file: path, line: 1),
                            problem: "the header must be \(header.joined(separator: ","))")
                    }
                },
                row: { row in
                    let parsed = try parse(row, path: path)
                    // A row may repeat its own label among its aliases; two rows may not share one.
                    for key in Set(([parsed.label] + parsed.aliases).map(ScoringText.key)) {
                        if index[key] != nil {
                            throw AssessError.invalidReference(
                                SourceLocation(file: path, line: row.line),
                                problem: "'\(key)' names two rows; each label and alias may appear once")
                        }
                        index[key] = rows.count
                    }
                    rows.append(parsed)
                })
            sha256 = reader.sha256Hex ?? ""
        } catch let error as AssessError {
            throw error
        } catch let error as any DiagnosticError {
            throw .invalidReference(error.location ?? SourceLocation(file: path), problem: error.message)
        } catch {
            throw .invalidReference(SourceLocation(file: path), problem: "\(error)")
        }
        return ReferencePopulations(info: ReferenceFile(name: name, file: PresetLocator.displayName(of: path), sha256: sha256), rows: rows, index: index)
    }

    private static func parse(_ row: borrowing CSVRow, path: String) throws(AssessError) -> ReferenceRow {
        let at = SourceLocation(file: path, line: row.line)
        let label = row.string(0).trimmingWhitespace
        guard !label.isEmpty else { throw .invalidReference(at, problem: "a row has an empty label") }
        func number(_ field: Int) throws(AssessError) -> Int? {
            if row.isEmpty(field) { return nil }
            guard let value = NumberParser.wholeNumber(row[field]) else {
                throw .invalidReference(at, problem: "'\(header[field])' must be a whole number or empty")
            }
            return value
        }
        let low = try number(3), high = try number(4)
        if let low, let high, low > high {
            throw .invalidReference(at, problem: "population_min is above population_max")
        }
        let aliases = row.string(1).split(separator: "|").map { String(String($0).trimmingWhitespace) }.filter { !$0.isEmpty }
        let category = row.string(2).trimmingWhitespace
        return ReferenceRow(
            label: String(label), aliases: aliases, category: category.isEmpty ? nil : String(category),
            figure: low == nil && high == nil ? nil : PopulationFigure(min: low, max: high), source: row.string(5))
    }
}

/// Finds reference files by name (`Presets/reference/NAME.csv`) or path (relative to the description), loads
/// each once, and remembers which were used so the report can hash them.
final class ReferenceLibrary {
    let directory: String
    let descriptionFolder: String
    private var loaded: [String: ReferencePopulations] = [:]
    private(set) var used: [ReferenceFile] = []

    init(directory: String, descriptionFile: String) {
        self.directory = directory
        self.descriptionFolder = DescriptionFiles.folder(of: descriptionFile)
    }

    /// A name with a `/` or ending in `.csv` is a path, relative to the description's folder; any other is a file
    /// of the reference folder.
    static func path(of name: String, directory: String, descriptionFolder: String) -> String {
        let isPath = name.contains("/") || name.hasSuffix(".csv")
        return isPath ? DescriptionFiles.join(descriptionFolder, name) : DescriptionFiles.join(directory, name + ".csv")
    }

    func load(_ name: String, declaredAt: SourceLocation?) throws(AssessError) -> ReferencePopulations {
        let path = Self.path(of: name, directory: directory, descriptionFolder: descriptionFolder)
        if let cached = loaded[path] { return cached }
        guard DescriptionFiles.isFile(path) else {
            let available = ((try? DescriptionFiles.contents(of: directory)) ?? []).filter { $0.hasSuffix(".csv") }
                .map { String($0.dropLast(4)) }.sorted()
            throw .referenceNotFound(name: name, path: path, declaredAt: declaredAt, available: available)
        }
        let reference = try ReferencePopulations.load(path: path, name: name)
        loaded[path] = reference
        used.append(reference.info)
        return reference
    }
}
