import Foundation

/// The `Presets/` folder as it was when this `deid` was built: the policy presets and reference populations, so
/// the binary works from any folder without the source tree.
public enum EmbeddedPresets {
    /// Changes whenever any file's path or content changes.
    public static var fingerprint: String { EmbeddedPresetFiles.fingerprint }

    /// Every file, keyed by its path below `Presets/` (`calhhs-ddg-2.0.yaml`, `reference/ca-county-population.csv`).
    public static var files: [(path: String, contents: Data)] {
        EmbeddedPresetFiles.files.map { entry in
            // The build tool wrote the base64 itself; a failure here would be a build defect, not an input error.
            (entry.path, Data(base64Encoded: entry.base64) ?? Data())
        }
    }
}
