import DeidSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A write failure, reported by `CSVWriter.flush()`.
public enum CSVWriteError: DiagnosticError, Equatable {
    case writeFailed(destination: String, reason: String)

    public var location: SourceLocation? { nil }

    public var message: String {
        switch self {
        case .writeFailed(let destination, let reason):
            return "writing \(destination) failed: \(reason); check free disk space and permissions"
        }
    }
}

/// Buffered CSV output through `write(2)` (1 MiB buffer), with minimal RFC 4180 quoting: a field is quoted only
/// when it contains the delimiter, `"`, CR or LF, or starts or ends with a space or tab (many readers, libcsv's
/// default mode among them, would trim those), so released files look like their inputs (`42`, not `"42"`).
/// Whatever it writes, `CSVReader` reads back as the same fields.
///
/// The methods that add output cannot fail; the first write error is kept and thrown by `flush()`, which the
/// owner must call at the end. (A writer dropped without `flush()` still writes what it holds, ignoring errors.)
public struct CSVWriter: ~Copyable {
    private let fd: Int32
    private let delimiter: UInt8
    private let destination: String
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity = 1 << 20
    private var used = 0
    private var fieldsInRecord = 0
    private var lastFieldEmpty = false
    private var failure: CSVWriteError?

    /// `displayName` names the destination in error messages.
    public init(fileDescriptor: Int32, delimiter: UInt8 = UInt8(ascii: ","), displayName: String = "the output") {
        precondition(
            delimiter != UInt8(ascii: "\"") && delimiter != 0x0A && delimiter != 0x0D,
            "the CSV delimiter cannot be a quote or a line end")
        self.fd = fileDescriptor
        self.delimiter = delimiter
        self.destination = displayName
        self.buffer = .allocate(capacity: capacity)
    }

    deinit {
        if failure == nil { _ = Self.writeAll(fd, buffer, used) }
        buffer.deallocate()
    }

    public mutating func field(_ bytes: UnsafeRawBufferPointer) {
        if fieldsInRecord > 0 { put(delimiter) }
        fieldsInRecord += 1
        lastFieldEmpty = bytes.isEmpty
        if needsQuotes(bytes) {
            put(UInt8(ascii: "\""))
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { put(byte) }
                put(byte)
            }
            put(UInt8(ascii: "\""))
        } else {
            append(bytes)
        }
    }

    public mutating func field(_ text: String) {
        var text = text  // withUTF8 needs a mutable copy (it may make the storage contiguous)
        text.withUTF8 { field(UnsafeRawBufferPointer($0)) }
    }

    /// Ends the record with "\n". A record whose only field is empty is written as `""`: a bare empty line
    /// would be skipped as blank when read back.
    public mutating func endRecord() {
        if fieldsInRecord == 1, lastFieldEmpty {
            put(UInt8(ascii: "\""))
            put(UInt8(ascii: "\""))
        }
        put(0x0A)
        fieldsInRecord = 0
    }

    /// Writes out everything buffered, and reports the first write error since the writer was made.
    public mutating func flush() throws(CSVWriteError) {
        drain()
        if let failure { throw failure }
    }

    // MARK: Internals

    private func needsQuotes(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { return true }
        for byte in bytes where byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
        return false
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        if used == capacity { drain() }
        buffer[used] = byte
        used += 1
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard var source = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            if used == capacity { drain() }
            let n = min(remaining, capacity - used)
            (buffer + used).update(from: source.assumingMemoryBound(to: UInt8.self), count: n)
            used += n
            source += n
            remaining -= n
        }
    }

    /// Hands the buffer to the kernel. After a failure, output is dropped (the file is incomplete anyway) and
    /// `flush()` reports the error.
    private mutating func drain() {
        if failure == nil, let code = Self.writeAll(fd, buffer, used) {
            failure = .writeFailed(destination: destination, reason: systemMessage(code))
        }
        used = 0
    }

    /// write(2) until done; returns errno on failure.
    private static func writeAll(_ fd: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32? {
        var offset = 0
        while offset < count {
            let n = write(fd, bytes + offset, count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }  // no progress: do not spin
            offset += n
        }
        return nil
    }
}
