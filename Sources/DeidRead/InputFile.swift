#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw file descriptor for the reader: `open(2)`/`read(2)` rather than Foundation, so errors carry our own
/// wording (Foundation's "NSCocoaErrorDomain Code=260" text must never reach a statistician) and reads go
/// straight into the reader's fixed buffer.
package struct InputFile: ~Copyable {
    let fd: Int32
    let ownsDescriptor: Bool
    let name: String

    init(source: InputSource, displayName: String) throws(ReadError) {
        name = displayName
        switch source {
        case .standardInput:
            fd = 0
            ownsDescriptor = false
        case .file(let path):
            let opened = open(path, O_RDONLY | O_CLOEXEC)
            if opened < 0 { throw Self.openError(path: path, errno: errno) }
            // open(2) happily opens a directory for reading on Linux; read(2) fails later with EISDIR.
            var info = stat()
            if fstat(opened, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(opened)
                throw .isDirectory(path: path)
            }
            fd = opened
            ownsDescriptor = true
        }
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    /// Moves to a byte offset of a regular file (for reading one segment of it).
    func seek(to offset: Int) throws(ReadError) {
        if lseek(fd, off_t(offset), SEEK_SET) < 0 { throw .readFailed(file: name, reason: systemMessage(errno)) }
    }

    /// The size of a regular file, or nil for a pipe or terminal.
    func regularFileSize() -> Int? {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Reads up to `count` bytes; 0 means end of input. Retries on EINTR.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(ReadError) -> Int {
        while true {
            #if canImport(Darwin)
            let n = Darwin.read(fd, buffer, count)
            #elseif canImport(Musl)
            let n = Musl.read(fd, buffer, count)
            #else
            let n = Glibc.read(fd, buffer, count)
            #endif
            if n >= 0 { return n }
            let code = errno
            if code == EINTR { continue }
            if code == EISDIR { throw .isDirectory(path: name) }
            throw .readFailed(file: name, reason: systemMessage(code))
        }
    }

    /// Fails as opening the file would, without opening it (a named pipe is not consumed). Commands call it
    /// before they look for the table's description, so a mistyped path is reported as missing rather than as a
    /// table without a description.
    package static func checkPresent(path: String) throws(ReadError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw openError(path: path, errno: errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path: path) }
    }

    static func openError(path: String, errno code: Int32) -> ReadError {
        switch code {
        case ENOENT, ENOTDIR: return .fileNotFound(path: path)
        case EACCES, EPERM: return .permissionDenied(path: path)
        case EISDIR: return .isDirectory(path: path)
        default: return .cannotOpen(path: path, reason: systemMessage(code))
        }
    }
}

/// `strerror` text, e.g. "Too many open files", for the rare errors that have no case of their own.
func systemMessage(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "system error \(code)" }
    return String(cString: text)
}
