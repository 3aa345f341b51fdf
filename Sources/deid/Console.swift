import Foundation

/// Output helpers: results go to stdout, messages to stderr (never the Glibc `stderr` global, which Swift 6
/// rejects as shared mutable state).
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
