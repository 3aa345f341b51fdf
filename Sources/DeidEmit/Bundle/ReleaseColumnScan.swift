import DeidRead

/// The release as written, read back once: its header, the narrowest Table Schema type of each column's
/// non-empty values, its size and its SHA-256, so the package descriptor states what the file holds.
struct ReleaseColumnScan {
    var header: [String] = []
    var types: [PortalBundle.FieldType] = []
    var bytes = 0
    var sha256 = ""

    static func scan(path: String, displayName: String) throws -> ReleaseColumnScan {
        var options = CSVOptions()
        options.computeDigest = true
        let reader = try CSVReader(source: .file(path), displayName: displayName, options: options)
        var scan = ReleaseColumnScan()
        try reader.read(
            header: { fields in
                scan.header = fields
                scan.types = Array(repeating: .integer, count: fields.count)
            },
            row: { row in
                for i in 0..<row.count where scan.types[i] != .string && !row.isEmpty(i) {
                    scan.types[i] = narrowest(row[i], atMost: scan.types[i])
                }
            })
        scan.bytes = reader.bytesRead
        scan.sha256 = reader.sha256Hex ?? ""
        return scan
    }

    /// `integer` for `-?[0-9]+`, `number` for a plain decimal (`-?[0-9]+.[0-9]+`), else `string`; never narrower
    /// than `bound`, what the column's earlier values allowed.
    static func narrowest(_ bytes: UnsafeRawBufferPointer, atMost bound: PortalBundle.FieldType) -> PortalBundle.FieldType {
        var digits = 0, point = false, digitsAfterPoint = 0
        for (i, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where i == 0: continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if point { digitsAfterPoint += 1 } else { digits += 1 }
            case UInt8(ascii: ".") where !point && digits > 0: point = true
            default: return .string
            }
        }
        guard digits > 0 else { return .string }
        if point { return digitsAfterPoint > 0 ? .number : .string }
        return bound
    }
}
