/// Where a table comes from. `-` on the command line maps to `.standardInput`; the front end decides that,
/// the reader never falls back to stdin on its own.
public enum InputSource: Sendable, Hashable {
    case file(String)
    case standardInput

    /// The name diagnostics use when the caller gives none: the path as given, or `<stdin>`.
    public var defaultDisplayName: String {
        switch self {
        case .file(let path): return path
        case .standardInput: return "<stdin>"
        }
    }
}

/// Parser settings. The defaults suit CalHHS tables; tests shrink the buffers to exercise chunk boundaries.
public struct CSVOptions: Sendable, Hashable {
    /// Field separator: `,` for CSV, `\t` for TSV, `;` for some European exports. Must not be `"`, CR or LF.
    public var delimiter: UInt8 = UInt8(ascii: ",")
    /// A field longer than this fails as soon as it is noticed, instead of a runaway quote swallowing the rest of
    /// the file into memory. Checked after each physical line, so the parser may hold up
    /// to one read buffer more than this before it stops.
    public var maxFieldBytes: Int = 1 << 20
    /// A whole record (raw bytes, quotes and separators included) longer than this is an error. It bounds the
    /// memory a file without line breaks can take, e.g. a binary file or one huge header line.
    public var maxRecordBytes: Int = 64 << 20
    /// Size of the one fixed read buffer; the file is never held in memory as a whole.
    public var bufferBytes: Int = 1 << 20
    /// When set, the reader computes the SHA-256 of every byte it reads (BOM included), for the audit trail.
    public var computeDigest: Bool = false
    /// Tests only: keep libcsv's space function installed for every buffer, to compare against the
    /// per-buffer shortcut (`hasSpaceNextToStructure`).
    var alwaysUseSpaceFunction = false

    public init() {}
}
