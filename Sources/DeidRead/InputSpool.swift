#if canImport(Glibc)
import Glibc
#endif

/// An input that cannot be read twice (standard input, a named pipe, `<(…)`, a device) copied once into a
/// temporary file, so that every later pass (the header, two segments on two cores, the release written in
/// input order) reads the same bytes. A regular file is used as it is.
package final class InputSpool {
    package let source: InputSource
    private let temporary: String?

    /// `keepStandardInput` streams standard input as it is, for commands that read their input once.
    package init(_ source: InputSource, displayName: String, keepStandardInput: Bool = false) throws(ReadError) {
        switch source {
        case .standardInput where keepStandardInput:
            (self.source, temporary) = (source, nil)
        case .file(let path) where Self.isRegularFile(path):
            (self.source, temporary) = (source, nil)
        case .standardInput, .file:
            let path = try Self.copy(source, displayName: displayName)
            (self.source, temporary) = (.file(path), path)
        }
    }

    deinit {
        if let temporary { unlink(temporary) }
    }

    /// True for a regular file (following symlinks) and for a path that cannot be looked at (the reader then
    /// reports it as it opens it); false for pipes and devices.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) != 0 || (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The copy stops after a NUL byte, which the reader refuses where it stands: a device such as `/dev/zero`
    /// or `/dev/urandom` would otherwise be copied until the disk is full.
    private static func copy(_ source: InputSource, displayName: String) throws(ReadError) -> String {
        let input = try InputFile(source: source, displayName: displayName)
        let folder = Environment.temporaryDirectory
        var template = Array((folder + "/deid-input-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard fd >= 0 else { throw .cannotCopy(file: displayName, folder: folder, reason: systemMessage(errno)) }
        defer { close(fd) }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        do throws(ReadError) {
            while true {
                let read = try input.read(into: buffer, count: 1 << 20)
                if read == 0 { break }
                let nul = memchr(buffer, 0, read).map { UnsafeRawPointer(buffer).distance(to: $0) + 1 }
                var offset = 0
                while offset < (nul ?? read) {
                    let w = write(fd, buffer + offset, (nul ?? read) - offset)
                    guard w > 0 else {
                        throw ReadError.cannotCopy(file: displayName, folder: folder, reason: systemMessage(errno))
                    }
                    offset += w
                }
                if nul != nil { break }
            }
        } catch {
            unlink(path)
            throw error
        }
        return path
    }
}

enum Environment {
    static var temporaryDirectory: String {
        if let value = getenv("TMPDIR"), let text = String(validatingCString: value), !text.isEmpty { return text }
        return "/tmp"
    }
}
