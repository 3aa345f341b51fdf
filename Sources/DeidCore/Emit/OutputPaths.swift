#if canImport(Glibc)
import Glibc
#endif

/// Guards against writing a release over its own input, or two outputs over each other.
enum OutputPaths {
    static func ensureDistinct(input: InputSource, outputs: [String]) throws(EmitError) {
        let resolved = outputs.map(canonical)
        if Set(resolved).count != resolved.count, let first = outputs.first {
            throw .sameFile(path: first)
        }
        if case .file(let path) = input {
            let source = canonical(path)
            for (output, name) in zip(resolved, outputs) where output == source { throw .sameFile(path: name) }
        }
    }

    /// The absolute path with symlinks resolved; for a file that does not exist yet, its folder's.
    static func canonical(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let resolved = realpath(folder.isEmpty ? "/" : folder, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved) + "/" + name
    }
}
