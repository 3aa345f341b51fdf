#if canImport(Glibc)
import Glibc
#endif

/// A byte range of a CSV file that starts at a record boundary, for reading a large file in parallel.
package struct CSVSegment: Sendable {
    var start: Int
    var end: Int
    /// The physical line the segment starts on, as far as the reader of this segment knows.
    var firstLine: Int
    /// The header, read beforehand (a segment that starts after it never sees it).
    var header: [String]

    package init(start: Int, end: Int, firstLine: Int, header: [String]) {
        self.start = start
        self.end = end
        self.firstLine = firstLine
        self.header = header
    }
}

/// Finds where a CSV file can be cut into segments that libcsv can parse independently: just after a line feed
/// that is outside any quoted field. RFC 4180 quotes come in pairs (an embedded quote is doubled), so the number
/// of quote bytes before a position is even exactly when the position is outside quotes. A file that is not
/// valid CSV may mislead this count; a reader then fails and the caller reads the file sequentially instead,
/// which reports the first error exactly.
package enum CSVSegments {
    /// The offset just after the first line feed at or after `target` that is outside quotes, or nil if there is
    /// none before the end of the file.
    package static func boundary(path: String, near target: Int, size: Int, quote: UInt8) -> Int? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var inQuotes = false
        var offset = 0
        while offset < size {
            let n = pread(fd, buffer, min(chunk, size - offset), off_t(offset))
            guard n > 0 else { return nil }
            var i = 0
            // Before the target only quote parity matters: jump from quote to quote.
            let scanEnd = min(n, max(target - offset, 0))
            while i < scanEnd {
                guard let found = memchr(buffer + i, Int32(quote), scanEnd - i) else { break }
                inQuotes.toggle()
                i = buffer.distance(to: found) + 1
            }
            i = max(i, scanEnd)
            // From the target on, the first line feed outside quotes ends the segment.
            let bytes = buffer.assumingMemoryBound(to: UInt8.self)
            while i < n {
                if bytes[i] == quote {
                    inQuotes.toggle()
                } else if bytes[i] == 0x0A && !inQuotes {
                    return offset + i + 1 < size ? offset + i + 1 : nil
                }
                i += 1
            }
            offset += n
        }
        return nil
    }
}
