import DeidDescription
import DeidInit
import DeidRead
import Foundation

/// `deid init TABLE`: drafts the table's description, checks that deid reads it back, and writes it (to the file
/// beside the table, another path, or standard output).
public enum InitRun {
    public struct Outcome: Sendable {
        public var draft: DescriptionDraft
        /// Where it was written; nil for standard output.
        public var path: String?
    }

    /// `output` nil: `TABLE.deid.yaml` beside the table; "-": standard output (returned, not written).
    public static func run(
        source: InputSource, displayName: String, output: String?, force: Bool, presetsDirectory: String? = nil,
        print: (String) -> Void
    ) throws -> Outcome {
        let target = output ?? DescriptionDiscovery.defaultDescriptionPath(forTable: displayName)
        if target != "-", !force, FileManager.default.fileExists(atPath: target) {
            throw InitError.outputExists(path: target)
        }
        let presets = try presetsDirectory ?? PresetLocator().locate()
        let draft = try DescriptionInit.draft(source: source, displayName: displayName, presets: presets)
        let yaml = draft.yaml
        if draft.openDecisions == 0 {
            // A draft deid cannot read back is a defect of init, never a file left for the user.
            do {
                _ = try TableDescription.parse(yaml: yaml, file: target == "-" ? "<init>" : target)
            } catch {
                throw InitError.draftRejected(problem: error.message)
            }
        }
        guard target != "-" else {
            print(yaml)
            return Outcome(draft: draft, path: nil)
        }
        do {
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw InitError.unwritable(path: target, reason: error.localizedDescription)
        }
        return Outcome(draft: draft, path: target)
    }
}
