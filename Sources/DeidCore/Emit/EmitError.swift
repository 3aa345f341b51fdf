#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Problems writing outputs. Nothing is left at the destination when one of these is thrown.
public enum EmitError: DiagnosticError {
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case cannotReplace(path: String, reason: String)
    case sameFile(path: String)

    public var location: SourceLocation? {
        switch self {
        case .cannotCreate(let path, _), .writeFailed(let path, _), .cannotReplace(let path, _), .sameFile(let path):
            SourceLocation(file: path)
        }
    }

    public var message: String {
        switch self {
        case .cannotCreate(_, let reason): "cannot create the output file: \(reason)"
        case .writeFailed(_, let reason): "writing the output failed: \(reason)"
        case .cannotReplace(_, let reason): "cannot move the finished output into place: \(reason)"
        case .sameFile: "an output would overwrite the input table; choose another output path"
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
