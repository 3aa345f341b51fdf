import Foundation
import Testing

/// `deid score` run as a process: output and exit codes (0 no masking needed, 1 masking, 2 errors).
@Suite struct ScoringCommandLineTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // ScoreCommandTests.swift DeidCLITests/ Tests/
        return url.path
    }()
    static let ddg = root + "/Tests/Fixtures/ddg"

    /// The built `deid`, beside the test bundle (the same build folder), unless DEID_BINARY names one.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["DEID_BINARY"] { return path }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while folder.path != "/" && !FileManager.default.isExecutableFile(atPath: folder.path + "/deid") {
            folder.deleteLastPathComponent()
        }
        return folder.path + "/deid"
    }

    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DEID_PRESETS_DIR"] = Self.root + "/Presets"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test func releasableTableExitsZero() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build deid first: swift build --build-tests")
        let r = try run(["score", Self.ddg + "/s1-age-groups/table.csv"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("age (Age Group): smallest range 12–14 = 3 years → +5"))
        #expect(r.out.contains("total: 6 (threshold 12"))
    }

    @Test func tableNeedingMaskingExitsOne() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build deid first: swift build --build-tests")
        let folder = Self.ddg + "/edition-difference"
        let r = try run(["score", "--format", "json", "--description", folder + "/table.deid.yaml", folder + "/table.csv"])
        #expect(r.status == 1, "\(r.err)")
        #expect(r.out.contains("\"outcome\" : \"masking\"") && r.out.contains("\"total\" : 14"))
    }

    @Test func unscorableTableExitsTwo() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build deid first: swift build --build-tests")
        let missing = try run(["score", Self.ddg + "/does-not-exist.csv"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("does-not-exist.csv': no such file"), "\(missing.err)")
        let scratch = try Scratch()
        defer { scratch.remove() }
        let undescribed = try run(["score", try scratch.write("table.csv", "County,Count\nA,20\n")])
        #expect(undescribed.status == 2)
        #expect(undescribed.err.contains("no table description for"), "\(undescribed.err)")
        #expect(try run(["score"]).status == 2)
    }
}
