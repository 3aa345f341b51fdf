import DeidRead
import DeidDescription
import DeidAssess
import DeidEmit

/// The description and policy that govern one table, found and loaded the same way by every command.
public struct DescriptionContext: Sendable {
    public var descriptionFile: String
    public var description: TableDescription
    public var policy: Policy
    /// The `Presets/` folder the presets (and `reference/` data) were found in.
    public var presetsDirectory: String
    /// The reference populations the publication score looks up (`Presets/reference`).
    public var referenceDirectory: String { Assessor.referenceDirectory(presets: presetsDirectory) }

    /// The files a command reads for a table under this description and policy, which none of its outputs may
    /// replace: the table, the description, the policy and every reference population file (the presets' own,
    /// and any the description names by path).
    public func inputFiles(table source: InputSource) -> [PlannedInput] {
        var files = [PlannedInput(path: descriptionFile, role: "the table description")]
        if case .file(let path) = source { files.insert(PlannedInput(path: path, role: "the input table"), at: 0) }
        files.append(PlannedInput(path: policy.file, role: "the policy"))
        // A reference folder that cannot be listed fails the scoring later; here it has nothing to protect.
        let shipped = ((try? DescriptionFiles.contents(of: referenceDirectory)) ?? []).sorted()
            .map { DescriptionFiles.join(referenceDirectory, $0) }
        let declared = Assessor.declaredReferenceFiles(of: description, referenceDirectory: referenceDirectory)
        files += (shipped + declared.filter { !shipped.contains($0) }).map {
            PlannedInput(path: $0, role: "a reference population file")
        }
        return files
    }

    public static func load(source: InputSource, descriptionFile explicit: String?, presetsDirectory: String?) throws -> DescriptionContext {
        // DescriptionDiscovery reads "-" as standard input: only --description or deid.yaml from the working folder upward.
        let tablePath = if case .file(let path) = source { path } else { "-" }
        if case .file(let path) = source { try InputFile.checkPresent(path: path) }
        let descriptionFile = try DescriptionDiscovery.descriptionFile(forTable: tablePath, explicit: explicit)
        let description = try TableDescription.load(path: descriptionFile)
        let presets = try presetsDirectory ?? PresetLocator().locate()
        let policy = try Policy.load(for: description, presetsDirectory: presets)
        return DescriptionContext(descriptionFile: descriptionFile, description: description, policy: policy, presetsDirectory: presets)
    }
}
