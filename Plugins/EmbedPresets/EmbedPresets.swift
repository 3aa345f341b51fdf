import Foundation
import PackagePlugin

/// Compiles the files under `Presets/` into the target that applies this plugin, so an installed `deid` carries the
/// policy presets and reference populations it was built with. `Presets/` stays the source of truth: every file in
/// it is an input of the build command, so editing one rebuilds the embedded copy.
@main struct EmbedPresets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let presets = context.package.directoryURL.appending(path: "Presets")
        let files = try Self.files(under: presets)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPresetFiles.swift")
        let tool = try context.tool(named: "EmbedPresetsTool")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) files of Presets/",
                executable: tool.url,
                arguments: [output.path, presets.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }

    /// Every regular file below `folder` except hidden ones, in a fixed order so the generated source is
    /// deterministic.
    static func files(under folder: URL) throws -> [URL] {
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard
            let walker = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        else { return [] }
        var found: [URL] = []
        for case let url as URL in walker where try url.resourceValues(forKeys: Set(keys)).isRegularFile == true {
            found.append(url)
        }
        return found.sorted { $0.path < $1.path }
    }
}
