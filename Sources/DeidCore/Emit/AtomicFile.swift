#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output written to a temporary file beside its destination and renamed into place only when complete, so
/// a reader never sees half a release and a failed run leaves nothing behind.
public struct AtomicFile: ~Copyable {
    public let destination: String
    let temporary: String
    public let fileDescriptor: Int32
    private var finished = false

    public init(destination: String) throws(EmitError) {
        self.destination = destination
        var template = Array((destination + ".deid-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .cannotCreate(path: destination, reason: EmitError.errnoText()) }
        fchmod(fd, 0o644)
        fileDescriptor = fd
        temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes all of `bytes` (small outputs such as reports; tables go through `CSVWriter`).
    public func write(_ bytes: [UInt8]) throws(EmitError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fileDescriptor, $0.baseAddress, $0.count) }
            guard n > 0 else { throw .writeFailed(path: destination, reason: EmitError.errnoText()) }
            offset += n
        }
    }

    /// Flushes the file to disk and closes it; the destination is untouched until `commit`.
    public mutating func close() throws(EmitError) {
        guard !finished else { return }
        finished = true
        guard fsync(fileDescriptor) == 0, closeDescriptor(fileDescriptor) == 0 else {
            throw .writeFailed(path: destination, reason: EmitError.errnoText())
        }
    }

    /// Moves the finished file into place.
    public consuming func commit() throws(EmitError) {
        try close()
        guard rename(temporary, destination) == 0 else {
            let reason = EmitError.errnoText()
            unlink(temporary)
            throw .cannotReplace(path: destination, reason: reason)
        }
    }

    /// The temporary file's path, for hashing what was written before it is committed.
    public var temporaryPath: String { temporary }

    deinit {
        // Not committed: remove the partial output.
        if !finished { _ = closeDescriptor(fileDescriptor) }
        unlink(temporary)
    }
}

/// `close(2)`, named apart from `AtomicFile.close()`.
func closeDescriptor(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(fd)
    #else
    Darwin.close(fd)
    #endif
}
