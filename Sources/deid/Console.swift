import ArgumentParser
import DeidSupport

/// Results go to stdout, messages to stderr, both through `StandardStreams` (raw `write(2)`): a full or closed
/// stderr must never crash deid after its outputs are written.
enum Console {
    /// False when standard output is closed or full.
    @discardableResult
    static func out(_ text: String) -> Bool {
        StandardStreams.output(text.hasSuffix("\n") ? text : text + "\n")
    }

    static func error(_ text: String) {
        StandardStreams.error(text)
    }
}

/// `--stdin-filename` names standard input in messages; a line break in it could forge a diagnostic line.
func validateStdinFilename(_ name: String?) throws {
    guard let name else { return }
    if name.isEmpty { throw ValidationError("--stdin-filename may not be empty") }
    if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
        throw ValidationError("--stdin-filename may not contain line breaks, tabs or other control characters")
    }
}
