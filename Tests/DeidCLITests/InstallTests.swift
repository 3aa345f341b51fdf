import Foundation
import Testing

/// `scripts/install.sh` leaves one file, `PREFIX/bin/deid`, that works from a folder outside the repository: the
/// presets are compiled in, nothing is looked up in the source tree.
@Suite struct InstallTests {
    /// Runs the install script on the binary the tests were built with (`swift test` holds the build folder, so the
    /// script does not build).
    static func install(to prefix: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Repo.root + "/scripts/install.sh", "--skip-build", "--debug", "--prefix", prefix]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = "/usr/bin:/bin"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test func theInstalledBinaryRunsFromAFolderOutsideTheRepository() throws {
        let scratch = try Scratch(prefix: "deid-install")
        defer { scratch.remove() }
        #expect(!scratch.path.hasPrefix(Repo.root + "/"))
        let installed = try Self.install(to: scratch.path + "/prefix")
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stderr.contains("installed \(scratch.path)/prefix/bin/deid"))
        #expect(installed.stderr.contains("is not on your PATH; add it with:  export PATH=\"\(scratch.path)/prefix/bin:$PATH\""))

        let deid = scratch.path + "/prefix/bin/deid"
        for name in ["county-age-sex.csv", "county-age-sex.deid.yaml"] {
            try scratch.write("work/" + name, String(contentsOfFile: Repo.root + "/Samples/" + name, encoding: .utf8))
        }
        // A home of its own and no presets variable: only what is compiled into the binary can be used.
        let environment: [String: String?] = [
            "HOME": scratch.path + "/home", "XDG_CACHE_HOME": nil, "DEID_PRESETS_DIR": nil, "DEID_RULES_DIR": nil,
        ]
        let work = scratch.path + "/work"
        let check = try Deid.run(["check", "county-age-sex.csv"], in: work, environment: environment, binary: deid)
        #expect(check.status == 1, "\(check)")
        #expect(check.stdout.contains("small-count"), "\(check)")

        let release = try Deid.run(
            ["release", "county-age-sex.csv", "-o", "out.csv", "--report", "out.audit.json"], in: work,
            environment: environment, binary: deid)
        #expect(release.status == 0, "\(release)")
        let report = try scratch.read("work/out.audit.json")
        // The report names the built-in preset it applied; the copy was written under the new home's cache.
        #expect(report.contains("\"built-in:calhhs-ddg-2.0.yaml\""), "\(report.prefix(2000))")
        #expect(!report.contains(Repo.root + "/Presets"))
        let cache = try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/home/.cache/deid")
        #expect(cache.count == 1 && cache.allSatisfy { $0.hasPrefix("presets-") }, "\(cache)")

        let recheck = try Deid.run(
            ["check", "--description", "county-age-sex.deid.yaml", "out.csv"], in: work, environment: environment,
            binary: deid)
        #expect(recheck.status == 0, "\(recheck)")
    }

    @Test func anUnknownOptionIsRefused() throws {
        let scratch = try Scratch(prefix: "deid-install")
        defer { scratch.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Repo.root + "/scripts/install.sh", "--prefx", scratch.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(text.contains("unknown option '--prefx'"))
        #expect(!scratch.exists("bin/deid"))
    }
}
