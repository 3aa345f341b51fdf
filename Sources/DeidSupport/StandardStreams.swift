#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard output and standard error with `write(2)`, never Foundation's `FileHandle`, whose `write`
/// traps when the descriptor fails (`2>/dev/full`, `2>&-`, a closed pipe): a message that cannot be shown must
/// not turn a finished run into a crash.
public enum StandardStreams {
    /// Call first thing in `main`. Descriptors 0–2 that the caller closed (`2>&-`) are opened on /dev/null, so
    /// that the first file deid opens cannot become "standard error" and receive messages meant for the
    /// terminal; SIGPIPE is ignored, so a closed pipe is a write error deid reports through its exit code
    /// instead of a signal that kills it halfway.
    public static func prepare() {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 {
            let opened = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0 && opened != descriptor {
                _ = dup2(opened, descriptor)
                _ = closeDescriptor(opened)
            }
        }
        _ = signal(SIGPIPE, SIG_IGN)
    }

    /// Writes a line to standard error; failures are ignored (there is nowhere left to report them).
    public static func error(_ text: String) {
        _ = writeAll(descriptor: 2, text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Writes text to standard error as it is (no line break added): the progress line redraws itself.
    public static func errorText(_ text: String) {
        _ = writeAll(descriptor: 2, text)
    }

    /// Whether standard error is a terminal (where a progress line can be redrawn in place).
    public static var errorIsTerminal: Bool { isatty(2) == 1 }

    private static func writeAll(descriptor: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if n > 0 {
                offset += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }
}
