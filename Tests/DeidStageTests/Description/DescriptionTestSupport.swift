import Foundation
import Testing
@testable import DeidDescription

/// Paths into the checkout, found from this file so tests run from any working directory.
enum Repo {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Description/ DeidStageTests/ Tests/ <root>
        return url.path
    }()
    static let presets = root + "/Presets"
    static let fixtures = root + "/Tests/Fixtures"

    /// The text of a fixture file; empty if it cannot be read, which the tests using it then show.
    static func fixtureText(_ path: String) -> String {
        (try? String(contentsOfFile: fixtures + "/" + path, encoding: .utf8)) ?? ""
    }
}

/// Runs `body`, which must throw a `DescriptionError`, and returns it (nil, with a recorded issue, if it did not throw).
func descriptionError<T>(_ body: () throws(DescriptionError) -> T, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> DescriptionError? {
    do {
        _ = try body()
        Issue.record("expected a DescriptionError, but the call succeeded", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// A fresh temporary folder, removed by the caller with `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("deid-description-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ relative: String, _ text: String = "") throws -> String {
        let file = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
