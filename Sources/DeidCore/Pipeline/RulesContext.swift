/// The description and policy that govern one table, found and loaded the same way by every command.
public struct RulesContext: Sendable {
    public var descriptionFile: String
    public var description: TableDescription
    public var policy: Policy
    /// The `Rules/` folder the presets (and `reference/` data) were found in.
    public var presetsDirectory: String
    /// The reference populations the publication score looks up (`Rules/reference`).
    public var referenceDirectory: String { Assessor.referenceDirectory(presets: presetsDirectory) }

    public static func load(source: InputSource, rulesFile: String?, presetsDirectory: String?) throws -> RulesContext {
        // RuleDiscovery reads "-" as standard input: only --rules or deid.yaml from the working folder upward.
        let tablePath = if case .file(let path) = source { path } else { "-" }
        if case .file(let path) = source { try InputFile.checkPresent(path: path) }
        let descriptionFile = try RuleDiscovery.descriptionFile(forTable: tablePath, explicit: rulesFile)
        let description = try TableDescription.load(path: descriptionFile)
        let presets = try presetsDirectory ?? PresetLocator().locate()
        let policy = try Policy.load(for: description, presetsDirectory: presets)
        return RulesContext(descriptionFile: descriptionFile, description: description, policy: policy, presetsDirectory: presets)
    }
}
