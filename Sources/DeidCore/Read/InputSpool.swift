#if canImport(Glibc)
import Glibc
#endif

/// Standard input copied to a temporary file, so that stages needing a second pass (writing the release in
/// input order) can re-read it. A file source is used as it is.
struct InputSpool {
    let source: InputSource
    private let temporary: String?

    init(_ source: InputSource) throws(ReadError) {
        guard case .standardInput = source else {
            self.source = source
            temporary = nil
            return
        }
        let directory = Environment.temporaryDirectory
        var template = Array((directory + "/deid-stdin-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard fd >= 0 else { throw .readFailed(file: "<stdin>", reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n == 0 { break }
            guard n > 0 else {
                unlink(path)
                throw .readFailed(file: "<stdin>", reason: String(cString: strerror(errno)))
            }
            var offset = 0
            while offset < n {
                let w = buffer[offset..<n].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                guard w > 0 else {
                    unlink(path)
                    throw .readFailed(file: "<stdin>", reason: String(cString: strerror(errno)))
                }
                offset += w
            }
        }
        self.source = .file(path)
        temporary = path
    }

    func remove() {
        if let temporary { unlink(temporary) }
    }
}

enum Environment {
    static var temporaryDirectory: String {
        if let value = getenv("TMPDIR"), let text = String(validatingCString: value), !text.isEmpty { return text }
        return "/tmp"
    }
}
