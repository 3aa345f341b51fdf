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

    /// True for a regular file (following symlinks); false for pipes, devices and paths that do not exist,
    /// which the reader then reports as it opens them.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) != 0 || (info.st_mode & S_IFMT) == S_IFREG
    }

    private static func copy(_ source: InputSource, displayName: String) throws(ReadError) -> String {
        let input = try InputFile(source: source, displayName: displayName)
        var template = Array((Environment.temporaryDirectory + "/deid-input-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard fd >= 0 else { throw .readFailed(file: displayName, reason: systemMessage(errno)) }
        defer { close(fd) }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        do throws(ReadError) {
            while true {
                let n = try input.read(into: buffer, count: 1 << 20)
                if n == 0 { break }
                var offset = 0
                while offset < n {
                    let w = write(fd, buffer + offset, n - offset)
                    guard w > 0 else { throw ReadError.readFailed(file: displayName, reason: systemMessage(errno)) }
                    offset += w
                }
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
