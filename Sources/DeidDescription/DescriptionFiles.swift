import Foundation

/// File-system helpers shared by the description and policy loaders, with errors in `DescriptionError` form
/// (Foundation's own text for a missing file on Linux is "Error Domain=NSCocoaErrorDomain Code=260 …", which
/// helps nobody).
package enum DescriptionFiles {
    static func read(_ path: String) throws(DescriptionError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadableFile(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw .unreadableFile(path: path, reason: "it is a folder, not a file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .unreadableFile(path: path, reason: "permission denied")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableFile(path: path, reason: "the file could not be opened")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path: path, reason: "it is not UTF-8 text")
        }
        return text
    }

    package static func contents(of directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory)
    }

    package static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The folder part of a path as written: `counts.csv` → `.`, `data/counts.csv` → `data`, `/x` → `/`.
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// Joins without doubling slashes and without turning `./x` into noise.
    package static func join(_ folder: String, _ name: String) -> String {
        if name.hasPrefix("/") { return name }
        var name = Substring(name)
        while name.hasPrefix("./") { name = name.dropFirst(2) }
        let folder = folder.isEmpty ? "." : folder
        if folder == "." { return String(name) }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// An absolute, `.`/`..`-free path, resolved against `base` when relative. Symlinks are kept: paths in
    /// messages should look like what the user typed.
    package static func absolute(_ path: String, base: String) -> String {
        let joined = path.hasPrefix("/") ? path : join(base, path)
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `target` relative to `base` (both absolute and normalised), e.g. `../deid.yaml`.
    static func relative(_ target: String, to base: String) -> String {
        let t = target.split(separator: "/")
        let b = base.split(separator: "/")
        var common = 0
        while common < t.count, common < b.count, t[common] == b[common] { common += 1 }
        let ups = Array(repeating: "..", count: b.count - common)
        let rest = t[common...].map(String.init)
        let parts = ups + rest
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
