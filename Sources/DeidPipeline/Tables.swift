import DeidRead
import DeidSupport

/// The tables a command was given, as the command line names them: paths, or `-` for standard input (which
/// may be read once), with the description to use for every table when one is given.
public struct TableArguments: Sendable {
    public var paths: [String]
    /// The table description given with `--description`; nil: found beside each table.
    public var descriptionFile: String?
    /// The name standard input goes by in messages (`--stdin-filename`).
    public var standardInputName: String?
    /// Tests point this at a presets folder; nil: found as `PresetLocator` does.
    public var presetsDirectory: String?

    public init(
        paths: [String], descriptionFile: String?, standardInputName: String?, presetsDirectory: String? = nil
    ) {
        self.paths = paths
        self.descriptionFile = descriptionFile
        self.standardInputName = standardInputName
        self.presetsDirectory = presetsDirectory
    }

    /// Each table's source and the name messages use for it.
    var tables: [(source: InputSource, name: String)] {
        paths.map { path in
            path == "-"
                ? (.standardInput, standardInputName ?? InputSource.standardInput.defaultDisplayName)
                : (.file(path), path)
        }
    }

    /// Every table as a check request.
    func requests(findingLimit: Int?) -> [CheckRequest] {
        tables.map { source, name in
            CheckRequest(
                source: source, displayName: name, descriptionFile: descriptionFile, presetsDirectory: presetsDirectory,
                findingLimit: findingLimit)
        }
    }

    /// Runs `body` on every table in order. A table it cannot handle is passed to `failed` as it comes and
    /// skipped; `failures` says whether there was one.
    func each<Report>(
        findingLimit: Int? = nil, failed: (any DiagnosticError) -> Void, _ body: (CheckRequest) throws -> Report
    ) -> (reports: [Report], failures: Bool) {
        Self.each(requests(findingLimit: findingLimit).map { [$0] }, failed: failed) { [try body($0[0])] }
    }

    /// Runs `body` on every group of tables in order; a group it cannot handle is passed to `failed` as it
    /// comes and skipped.
    static func each<Report>(
        _ groups: [[CheckRequest]], failed: (any DiagnosticError) -> Void, _ body: ([CheckRequest]) throws -> [Report]
    ) -> (reports: [Report], failures: Bool) {
        var reports: [Report] = []
        var failures = false
        for group in groups {
            do {
                reports += try body(group)
            } catch let error as any DiagnosticError {
                failed(error)
                failures = true
            } catch {
                failed(UnexpectedError(error))
                failures = true
            }
        }
        return (reports, failures)
    }
}
