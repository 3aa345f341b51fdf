import DeidSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files of an `OutputPlan`, renamed into place together by `commit`; dropped without a commit,
/// they are removed and nothing is left behind.
public final class StagedOutputs {
    public let files: [StagedFile]
    private var committed = false

    init(files: [StagedFile]) { self.files = files }

    /// Closes every file, then renames each into place in the plan's order (the release last). Every destination
    /// was checked by the plan, so a rename can fail only if the folder changed since; the files already moved
    /// then stay, and the rest are removed.
    public func commit() throws(EmitError) {
        for file in files { try file.close() }
        for file in files { try file.moveIntoPlace() }
        committed = true
    }

    deinit {
        guard !committed else { return }
        for file in files { file.discard() }
    }
}

/// One output being written to a temporary file beside its destination.
public final class StagedFile {
    public let destination: String
    /// The path as the user gave it, for messages.
    public let shownAs: String
    /// The option that named the file (`--report`, `--bundle`, …).
    public let option: String
    public let temporaryPath: String
    public let fileDescriptor: Int32
    private var open = true

    init(destination: String, shownAs: String, option: String) throws(EmitError) {
        self.destination = destination
        self.shownAs = shownAs
        self.option = option
        var template = Array((destination + ".deid-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .cannotCreate(path: shownAs, reason: EmitError.errnoText()) }
        fchmod(fd, 0o644)
        fileDescriptor = fd
        temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes all of `bytes` (reports; tables stream through `CSVWriter` on `fileDescriptor`).
    public func write(_ bytes: [UInt8]) throws(EmitError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { systemWrite(fileDescriptor, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw .writeFailed(path: shownAs, reason: EmitError.errnoText()) }
            offset += n
        }
    }

    /// Flushes the file to disk and closes it; the destination is untouched until the outputs are committed.
    public func close() throws(EmitError) {
        guard open else { return }
        open = false
        guard fsync(fileDescriptor) == 0, closeDescriptor(fileDescriptor) == 0 else {
            throw .writeFailed(path: shownAs, reason: EmitError.errnoText())
        }
    }

    func moveIntoPlace() throws(EmitError) {
        guard rename(temporaryPath, destination) == 0 else {
            let reason = EmitError.errnoText()
            unlink(temporaryPath)
            throw .cannotReplace(path: shownAs, reason: reason)
        }
    }

    func discard() {
        if open {
            open = false
            _ = closeDescriptor(fileDescriptor)
        }
        unlink(temporaryPath)
    }
}
