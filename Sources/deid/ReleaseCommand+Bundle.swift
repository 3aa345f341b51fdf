import ArgumentParser
import Foundation
import DeidPipeline

extension Deid.Release {
    /// `--bundle DIR`: the release goes into DIR under its input's name, with the package descriptor and the data
    /// dictionary beside it; the reviewer's reports stay outside. DIR is created when missing and removed again
    /// (when still empty) if the release fails, so a failed release leaves nothing behind.
    func runBundle(_ file: String, into folder: String) throws {
        guard output == nil else {
            throw Self.usageError("with --bundle the release is written into the folder under its input's name; leave out -o/--output")
        }
        guard let report else { throw Self.usageError("give the JSON audit report's path with --report FILE (outside the bundle)") }
        let table = tables.tables([file])
        let name = ((file == "-" ? tables.stdinFilename ?? "" : file) as NSString).lastPathComponent
        guard name.hasSuffix(".csv"), name != ".csv" else {
            throw Self.usageError("the release in a bundle is named after its input, which must end in .csv; give --stdin-filename NAME.csv")
        }
        var request = ReleaseRequest(table: table, output: folder + "/" + name, report: report, reportHTML: reportHtml)
        request.previous = previous
        request.bundle = folder
        let created = try Self.createFolder(folder)
        let bundleFolder = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        for reviewerFile in [report] + (reportHtml.map { [$0] } ?? []) {
            let parent = URL(fileURLWithPath: reviewerFile).deletingLastPathComponent().standardizedFileURL
            guard parent.resolvingSymlinksInPath().path != bundleFolder else {
                if created { rmdir(folder) }
                throw Self.usageError("\(reviewerFile) is for reviewers and must not be published: write it outside the bundle \(folder)")
            }
        }
        do {
            try release(request)
        } catch {
            if created { rmdir(folder) }
            throw error
        }
    }

    /// Creates `folder` when it does not exist; true when it did not. A file in its place is an error (exit 2).
    static func createFolder(_ folder: String) throws -> Bool {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw usageError("--bundle \(folder) is a file; name a folder") }
            return false
        }
        guard mkdir(folder, 0o755) == 0 else {
            throw usageError("cannot create the bundle folder \(folder): \(String(cString: strerror(errno)))")
        }
        return true
    }
}
