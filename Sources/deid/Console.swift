import DeidSupport

/// Messages go to stderr through `StandardStreams` (raw `write(2)`): a full or closed stderr must never crash
/// deid after its outputs are written. Results are written by the pipeline.
enum Console {
    static func error(_ text: String) {
        Progress.shared.finish()
        StandardStreams.error(text)
    }
}
