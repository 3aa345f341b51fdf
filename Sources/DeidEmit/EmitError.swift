import DeidSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Problems writing outputs. Nothing is left at any destination when one of these is thrown, except a file
/// already renamed into place before a later rename failed (see `StagedOutputs.commit`).
public enum EmitError: DiagnosticError {
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case cannotReplace(path: String, reason: String)
    /// An output names a file the command reads (the same file by any name).
    case outputIsInput(path: String, option: String, input: String, role: String)
    /// Two outputs name the same file.
    case outputsCollide(path: String, option: String, other: String)
    case emptyOutputPath(option: String)
    case outputIsFolder(path: String, option: String)
    /// A device, pipe or socket: the atomic rename would replace it with a regular file.
    case outputNotRegular(path: String, option: String, kind: String)
    case outputFolderMissing(path: String, option: String, folder: String)
    case outputFolderNotWritable(path: String, option: String, folder: String)
    /// The table read a second time, to write the release, was not the table protected.
    case inputChanged(file: String)

    public var location: SourceLocation? {
        switch self {
        case .cannotCreate(let path, _), .writeFailed(let path, _), .cannotReplace(let path, _),
            .outputIsInput(let path, _, _, _), .outputsCollide(let path, _, _), .outputIsFolder(let path, _),
            .outputNotRegular(let path, _, _), .outputFolderMissing(let path, _, _),
            .outputFolderNotWritable(let path, _, _), .inputChanged(let path):
            SourceLocation(file: path)
        case .emptyOutputPath:
            nil
        }
    }

    public var message: String {
        switch self {
        case .cannotCreate(_, let reason): "cannot create the output file: \(reason)"
        case .writeFailed(_, let reason): "writing the output failed: \(reason)"
        case .cannotReplace(_, let reason): "cannot move the finished output into place: \(reason)"
        case .outputIsInput(_, let option, let input, let role):
            "\(option) names the same file as \(role) '\(input)'; deid never overwrites what it reads: "
                + "choose another path"
        case .outputsCollide(_, let option, let other):
            "\(option) and \(other) name the same file; give each output its own path"
        case .emptyOutputPath(let option):
            "the path given to \(option) is empty; give a file path"
        case .outputIsFolder(_, let option):
            "\(option) names a folder; give the path of a file (e.g. inside that folder)"
        case .outputNotRegular(_, let option, let kind):
            "\(option) names a \(kind), not a regular file; deid writes each output to a temporary file and "
                + "renames it into place, which would replace the \(kind), so it refuses: give a regular file's path"
        case .outputFolderMissing(_, let option, let folder):
            "the folder '\(folder)' for \(option) does not exist; create it first"
        case .outputFolderNotWritable(_, let option, let folder):
            "cannot write in the folder '\(folder)' for \(option): permission denied"
        case .inputChanged:
            "the table changed while it was being released (deid reads it once to protect it and again to write "
                + "the release); nothing was written: release it again once nothing else is writing it"
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
