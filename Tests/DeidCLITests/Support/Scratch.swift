import Foundation

/// Paths into the checkout, found from this file so the tests run from any working directory.
enum Repo {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Support/ DeidCLITests/ Tests/ <root>
        // deid names its presets folder by its real path, so a checkout reached through a symlink must too.
        return url.resolvingSymlinksInPath().path
    }()
    static let fixtures = root + "/Tests/Fixtures"

    /// The text of a fixture file; empty if it cannot be read, which the tests using it then show.
    static func fixtureText(_ path: String) -> String {
        (try? String(contentsOfFile: fixtures + "/" + path, encoding: .utf8)) ?? ""
    }
    static let presets = root + "/Presets"
}

/// A fresh temporary folder for one test; the test removes it with `remove()` (usually in a `defer`).
struct Scratch: Sendable {
    let path: String

    init(prefix: String = "deid-cli") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `relative` (creating folders) and returns the absolute path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let file = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Copies every file of `folder` into this scratch folder.
    func copyContents(of folder: String) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            try FileManager.default.copyItem(atPath: folder + "/" + name, toPath: path + "/" + name)
        }
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + "/" + relative)))
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/" + relative)
    }

    /// Every file below the folder, as relative paths, sorted.
    func listing() -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []).sorted()
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
