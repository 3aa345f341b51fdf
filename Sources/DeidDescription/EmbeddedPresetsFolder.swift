import DeidPresets
import Foundation

/// Writes the presets compiled into deid to a folder of their own (`deid/presets-<fingerprint>` under the user's
/// cache folder) and returns it. Every use compares each file with the embedded bytes, so a file edited or damaged
/// in the cache is written again rather than trusted; a folder is only ever published whole (written beside, then
/// renamed), so two deid processes starting at once never read a half-written preset.
struct EmbeddedPresetsFolder {
    var environment: [String: String]

    /// `$XDG_CACHE_HOME`, else `$HOME/.cache`, else the temporary folder.
    var cacheRoot: String {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache }
        if let home = environment["HOME"], home.hasPrefix("/") { return DescriptionFiles.join(home, ".cache") }
        return NSTemporaryDirectory()
    }

    /// Whether `folder` is where the built-in presets are written (messages then say "built into deid").
    static func isBuiltIn(_ folder: String) -> Bool {
        folder.hasSuffix("/deid/presets-" + EmbeddedPresets.fingerprint)
    }

    func materialize() throws(DescriptionError) -> String {
        let parent = DescriptionFiles.join(cacheRoot, "deid")
        let folder = DescriptionFiles.join(parent, "presets-" + EmbeddedPresets.fingerprint)
        let files = EmbeddedPresets.files
        if holds(files, in: folder) { return folder }
        do {
            let staging = folder + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
            try removeIfPresent(staging)
            try write(files, to: staging)
            try removeIfPresent(folder)
            do {
                try FileManager.default.moveItem(atPath: staging, toPath: folder)
            } catch {
                // Another deid published the folder between the removal and the rename: theirs is used if it is
                // whole (checked below), and only a staging folder that cannot be removed is an error.
                try removeIfPresent(staging)
            }
        } catch {
            throw .embeddedPresetsNotWritable(folder: folder, reason: error.localizedDescription)
        }
        guard holds(files, in: folder) else {
            throw .embeddedPresetsNotWritable(folder: folder, reason: "the files read back differ from the built-in ones")
        }
        return folder
    }

    /// Removes `path` if anything is there; failing to remove what is there is an error, not ignored.
    private func removeIfPresent(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        try FileManager.default.removeItem(atPath: path)
    }

    private func holds(_ files: [(path: String, contents: Data)], in folder: String) -> Bool {
        files.allSatisfy { FileManager.default.contents(atPath: DescriptionFiles.join(folder, $0.path)) == $0.contents }
    }

    private func write(_ files: [(path: String, contents: Data)], to folder: String) throws {
        for file in files {
            let path = DescriptionFiles.join(folder, file.path)
            try FileManager.default.createDirectory(
                atPath: DescriptionFiles.folder(of: path), withIntermediateDirectories: true)
            try file.contents.write(to: URL(fileURLWithPath: path))
        }
    }
}
