import DeidSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered text output to a file descriptor (stdout, or an atomic output file), so reports with hundreds of
/// thousands of findings stream out without being assembled into one string first.
public struct TextSink: ~Copyable {
    private let fileDescriptor: Int32
    private var buffer: [UInt8] = []
    private var failure: Int32 = 0

    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        buffer.reserveCapacity(1 << 16)
    }

    public mutating func write(_ text: String) {
        buffer.appendText(text)
        if buffer.count >= 1 << 16 { drain() }
    }

    /// Writes what is buffered; throws if any write failed (a full disk, a closed pipe).
    public mutating func flush(destination: String) throws(EmitError) {
        drain()
        if failure != 0 { throw .writeFailed(path: destination, reason: String(cString: strerror(failure))) }
    }

    private mutating func drain() {
        var offset = 0
        while offset < buffer.count && failure == 0 {
            let n = buffer[offset...].withUnsafeBytes { systemWrite(fileDescriptor, $0.baseAddress, $0.count) }
            if n > 0 { offset += n } else if errno != EINTR { failure = errno }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
