#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file a command is asked to write, with the option that named it (for messages).
public struct PlannedOutput: Sendable, Hashable {
    public var path: String
    public var option: String

    public init(path: String, option: String) {
        self.path = path
        self.option = option
    }
}

/// A file a command reads, which no output may replace.
public struct PlannedInput: Sendable, Hashable {
    public var path: String
    /// What the file is to the command, for messages: "the input table", "the table description".
    public var role: String

    public init(path: String, role: String) {
        self.path = path
        self.role = role
    }
}

/// Every file a command writes, checked together before the first byte is written, then written all or none.
///
/// Checked: no path is empty; no output is an input (the same file by any name: a symlink, `./`, a hard link);
/// no two outputs are the same file; each destination is a regular file or absent, in a folder that exists and
/// is writable. A device, pipe or socket is refused rather than written through: every output is written to a
/// temporary file and renamed into place, which would replace `/dev/null` itself with a regular file.
/// A symlink to a regular file is written through (its target is replaced and the link kept).
public struct OutputPlan: Sendable {
    /// The outputs in commit order, each with the path it is finally written to (a symlink resolved).
    public let outputs: [PlannedOutput]
    let destinations: [String]

    public init(outputs: [PlannedOutput], inputs: [PlannedInput]) throws(EmitError) {
        let inputIDs = inputs.compactMap { input in FileID(path: input.path).map { ($0, input) } }
        var destinations: [String] = []
        var seen: [(id: String, option: String)] = []
        for output in outputs {
            let destination = try Self.destination(of: output)
            if let id = FileID(path: destination), let (_, input) = inputIDs.first(where: { $0.0 == id }) {
                throw .outputIsInput(path: output.path, option: output.option, input: input.path, role: input.role)
            }
            let canonical = Self.canonical(destination)
            if let earlier = seen.first(where: { $0.id == canonical }) {
                throw .outputsCollide(path: output.path, option: output.option, other: earlier.option)
            }
            seen.append((canonical, output.option))
            destinations.append(destination)
        }
        self.outputs = outputs
        self.destinations = destinations
    }

    /// Creates a temporary file beside each destination; nothing is visible at a destination until `commit`.
    public func stage() throws(EmitError) -> StagedOutputs {
        var files: [StagedFile] = []
        for (output, destination) in zip(outputs, destinations) {
            files.append(try StagedFile(destination: destination, shownAs: output.path, option: output.option))
        }
        return StagedOutputs(files: files)
    }

    /// Where `output` is written: its own path, or the target of a symlink to a regular file.
    static func destination(of output: PlannedOutput) throws(EmitError) -> String {
        guard !output.path.isEmpty else { throw .emptyOutputPath(option: output.option) }
        var info = stat()
        if stat(output.path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                return try writableFolder(of: resolved(output.path) ?? output.path, for: output)
            case S_IFDIR: throw .outputIsFolder(path: output.path, option: output.option)
            default: throw .outputNotRegular(path: output.path, option: output.option, kind: kind(info.st_mode))
            }
        }
        if lstat(output.path, &info) == 0 {
            throw .outputNotRegular(path: output.path, option: output.option, kind: "symbolic link to nothing")
        }
        return try writableFolder(of: output.path, for: output)
    }

    /// `path` itself, once its folder is known to exist and to be writable.
    private static func writableFolder(of path: String, for output: PlannedOutput) throws(EmitError) -> String {
        let folder = folder(of: path)
        var info = stat()
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .outputFolderMissing(path: output.path, option: output.option, folder: folder)
        }
        guard access(folder, W_OK) == 0 else {
            throw .outputFolderNotWritable(path: output.path, option: output.option, folder: folder)
        }
        return path
    }

    /// The last component of `path`.
    public static func fileName(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The absolute path with symlinks resolved; for a file that does not exist yet, its folder's plus its name.
    static func canonical(_ path: String) -> String {
        if let full = resolved(path) { return full }
        let name = fileName(of: path)
        return (resolved(folder(of: path)) ?? folder(of: path)) + "/" + name
    }

    private static func resolved(_ path: String) -> String? {
        guard let full = realpath(path, nil) else { return nil }
        defer { free(full) }
        return String(cString: full)
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFCHR: "character device"
        case S_IFBLK: "block device"
        case S_IFIFO: "named pipe"
        case S_IFSOCK: "socket"
        default: "special file"
        }
    }
}

/// A file's identity on disk: the same for every name of it (symlinks followed, hard links included).
struct FileID: Equatable {
    let device: UInt64
    let inode: UInt64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
