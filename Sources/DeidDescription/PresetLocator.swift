import DeidPresets
import Foundation

/// Finds the folder holding the policy presets at run time.
///
/// `$DEID_PRESETS_DIR` (or its former name `$DEID_RULES_DIR`) when set: an explicit folder, for trying edited
/// presets without rebuilding. Otherwise the presets compiled into this binary (`EmbeddedPresets`), written once per
/// build to a cache folder so that everything reading a preset by path (policies, reference populations, the
/// report's SHA-256 of each file) sees the same bytes as `Presets/` had at build time. The binary therefore works
/// from any folder, installed or not.
public struct PresetLocator: Sendable {
    public static let environmentVariable = "DEID_PRESETS_DIR"
    /// The variable's name before the folder was renamed, still read.
    public static let formerEnvironmentVariable = "DEID_RULES_DIR"

    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The presets folder: the one the environment names, else the built-in presets' cache folder.
    public func locate() throws(DescriptionError) -> String {
        for variable in [Self.environmentVariable, Self.formerEnvironmentVariable] {
            guard let explicit = environment[variable], !explicit.isEmpty else { continue }
            // An explicit setting that is wrong is an error, not a reason to quietly use some other policy.
            guard DescriptionFiles.isDirectory(explicit) else {
                throw .presetsDirectoryNotFound(variable: variable, value: explicit)
            }
            return explicit
        }
        return try EmbeddedPresetsFolder(environment: environment).materialize()
    }

    /// How reports name a file: `built-in:calhhs-ddg-2.0.yaml` for one of the built-in presets (their cache folder
    /// differs from machine to machine; the SHA-256 beside the name identifies the bytes), any other path as is.
    public static func displayName(of path: String) -> String {
        let marker = "/deid/presets-" + EmbeddedPresets.fingerprint + "/"
        guard let range = path.range(of: marker) else { return path }
        return "built-in:" + path[range.upperBound...]
    }
}
