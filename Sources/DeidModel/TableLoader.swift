import Foundation
import DeidSupport
import DeidRead
import DeidDescription

/// Why a table is read: raw input for `release`, or any table (possibly an earlier release) for `check`.
public enum TablePurpose: Sendable {
    /// Every count must be present; the annotation column must not exist yet.
    case release
    /// Blank counts are cells hidden by an earlier release; an annotation column, if present, is read.
    case check
    /// A published table given to `release` to protect again: read as for `check` (blank counts are hidden
    /// cells, the annotation column says what the release told its readers), but as the table it is, not as
    /// one `aggregate:` rules may have merged.
    case republish
}

/// A table and what reading it measured.
public struct LoadedTable: Sendable {
    public let table: Table
    public let header: [String]
    public let bytesRead: Int
    /// SHA-256 of the input bytes, when requested.
    public let sha256: String?

    /// The same read with another table in its place (a published table's completion).
    public func replacingTable(_ table: Table) -> LoadedTable {
        LoadedTable(table: table, header: header, bytesRead: bytesRead, sha256: sha256)
    }
}

/// The Read → Model step: streams the CSV through libcsv and builds the table it describes. A large regular
/// file is cut at record boundaries and its two halves are read on two cores, then merged in file order, which
/// gives exactly the table a single pass would; if anything goes wrong that way, the file is read again in one
/// pass, so errors are always reported as a single pass finds them.
public enum TableLoader {
    /// Files smaller than this are read in one pass: splitting costs more than it saves.
    static let parallelMinimumBytes = 16 << 20

    public static func load(
        _ source: InputSource, displayName: String, description: TableDescription, policy: Policy,
        purpose: TablePurpose, digest: Bool = false
    ) throws -> LoadedTable {
        let request = Request(
            source: source, displayName: displayName, description: description, policy: policy, purpose: purpose,
            digest: digest)
        switch description.input {
        case .aggregate: return try load(AggregateTableBuilder.self, request)
        case .records:
            // `check` on a table that `release` aggregated from these records: it has the release's count column,
            // so it is read as the aggregate it is, with the same description.
            if purpose == .check, case .file(let path) = source,
                try readHeader(path: path, displayName: displayName, options: CSVOptions()).contains(description.countColumn)
            {
                var released = request
                released.description = description.releasedFromRecords
                return try load(AggregateTableBuilder.self, released)
            }
            return try load(RecordTableBuilder.self, request)
        }
    }

    struct Request: Sendable {
        var source: InputSource
        var displayName: String
        var description: TableDescription
        var policy: Policy
        var purpose: TablePurpose
        var digest: Bool

        func context(header: [String]) throws(ModelError) -> BuildContext {
            let columns = try ColumnMap.resolve(
                header: header, description: description, purpose: purpose, file: displayName)
            return BuildContext(
                description: description, columns: columns, labelCodes: policy.labels,
                allowBlankCounts: purpose != .release, readsRecodedRelease: purpose == .check,
                refusesUndeclaredNumbers: purpose != .check, file: displayName)
        }
    }

    static func load<Builder: TableBuilding>(_ type: Builder.Type, _ request: Request) throws -> LoadedTable {
        // A segmented read that fails for any reason is redone in one pass, which reports the first error in file
        // order (a later segment may meet its error first), so no error is lost, only reported the usual way.
        if case .file(let path) = request.source, ProcessInfo.processInfo.activeProcessorCount > 1,
            let loaded = try? loadInSegments(type, request, path: path)
        {
            return loaded
        }
        return try loadInOnePass(type, request)
    }

    static func loadInOnePass<Builder: TableBuilding>(_ type: Builder.Type, _ request: Request) throws -> LoadedTable {
        var options = CSVOptions()
        options.computeDigest = request.digest
        let reader = try CSVReader(source: request.source, displayName: request.displayName, options: options)
        var header: [String] = []
        var builder: Builder?
        let takeHeader: ([String]) throws -> Void = { fields in
            header = fields
            builder = Builder(try request.context(header: fields))
        }
        if Builder.takesRepeatedLines {
            try reader.read(
                header: takeHeader, row: { row in try builder?.add(row) },
                repeated: { memo, _ in builder?.addRepeated(memo: memo) })
        } else {
            try reader.read(header: takeHeader, row: { row in try builder?.add(row) })
        }
        guard let builder else { throw ModelError.emptyTable(file: request.displayName) }
        return LoadedTable(
            table: try builder.finish(), header: header, bytesRead: reader.bytesRead, sha256: reader.sha256Hex)
    }

    /// Reads the two halves of a large file in parallel; nil when the file is too small or has no safe cut.
    static func loadInSegments<Builder: TableBuilding>(
        _ type: Builder.Type, _ request: Request, path: String, minimumBytes: Int = parallelMinimumBytes
    ) throws -> LoadedTable? {
        let options = CSVOptions()
        let header = try readHeader(path: path, displayName: request.displayName, options: options)
        let size = try CSVReader(source: .file(path), displayName: request.displayName).regularFileSize ?? 0
        guard size >= minimumBytes,
            let cut = CSVSegments.boundary(path: path, near: size / 2, size: size, quote: UInt8(ascii: "\""))
        else { return nil }
        let context = try request.context(header: header)
        let segments = [
            CSVSegment(start: 0, end: cut, firstLine: 1, header: header),
            CSVSegment(start: cut, end: size, firstLine: 1, header: header),
        ]
        let parts = try StageTrace.measure("read segments") { try parallelMap(segments.count + (request.digest ? 1 : 0)) { i -> SegmentResult<Builder> in
            if i == segments.count {
                return SegmentResult(builder: nil, nextLine: 0, digest: try FileDigest.sha256(ofFile: path))
            }
            let reader = try CSVReader(
                path: path, displayName: request.displayName, options: options, segment: segments[i])
            var builder = Builder(context)
            if Builder.takesRepeatedLines {
                try reader.read(
                    header: { _ in }, row: { row in try builder.add(row) },
                    repeated: { memo, _ in builder.addRepeated(memo: memo) }, ignoringFirstField: !builder.readsFirstField)
            } else {
                try reader.read(header: { _ in }, row: { row in try builder.add(row) })
            }
            return SegmentResult(builder: builder, nextLine: reader.nextLine, digest: nil)
        } }
        guard var merged = parts[0].builder, let second = parts[1].builder else { return nil }
        // The second segment numbered its lines from 1; they continue where the first segment's lines end.
        StageTrace.measure("merge segments") { merged.append(second, lineOffset: Int32(clamping: parts[0].nextLine - 1)) }
        let table = try StageTrace.measure("finish table") { try merged.finish() }
        return LoadedTable(table: table, header: header, bytesRead: size, sha256: parts.last?.digest)
    }

    struct SegmentResult<Builder: TableBuilding>: Sendable {
        var builder: Builder?
        var nextLine: Int
        var digest: String?
    }

    /// The header alone: read the first record, then stop.
    static func readHeader(path: String, displayName: String, options: CSVOptions) throws -> [String] {
        struct Stop: Error {}
        let reader = try CSVReader(source: .file(path), displayName: displayName, options: options)
        var header: [String] = []
        do {
            try reader.read(header: { header = $0; throw Stop() }, row: { _ in throw Stop() })
        } catch is Stop {}
        return header
    }
}
