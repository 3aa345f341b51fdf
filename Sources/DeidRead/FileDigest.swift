import Crypto
import DeidSupport

#if canImport(Glibc)
import Glibc
#endif

/// SHA-256 of files for the audit's provenance (table description, policy, reference data, output).
public enum FileDigest {
    public static func sha256(ofFile path: String) throws(ReadError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotHash(file: path, reason: systemMessage(errno)) }
        defer { _ = closeDescriptor(fd) }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            guard n > 0 else { throw .cannotHash(file: path, reason: systemMessage(errno)) }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
