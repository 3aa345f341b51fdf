import Foundation
import Testing

/// What one run of the `deid` executable produced.
struct DeidRun: Sendable, CustomStringConvertible {
    var arguments: [String]
    var status: Int32
    /// False when the process was killed by a signal (a crash): `status` is then the signal number.
    var exitedNormally: Bool
    var stdout: String
    var stderr: String
    var stdoutBytes: [UInt8]
    var stderrBytes: [UInt8]

    /// For expectation messages: the command line and everything it printed.
    var description: String {
        "deid \(arguments.joined(separator: " ")) → exit \(status)\(exitedNormally ? "" : " (signal)")\n"
            + "stdout:\n\(stdout)\nstderr:\n\(stderr)"
    }
}

/// Locates the built `deid` executable and runs it as a child process, the way a user or CI would.
///
/// The test bundle and `deid` are built into the same products folder (`.build/<triple>/debug/`), so the
/// executable is found beside the running test binary; `DEID_EXECUTABLE` overrides the search, and the
/// checkout's `.build/debug/deid` is the last resort.
enum Deid {
    static let executable: String? = {
        let fileManager = FileManager.default
        var candidates: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["DEID_EXECUTABLE"], !explicit.isEmpty {
            candidates.append(explicit)
        }
        // Linux: the test runner is itself an executable in the products folder.
        if let runner = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append((runner as NSString).deletingLastPathComponent + "/deid")
        }
        // macOS: `deidPackageTests.xctest` is a bundle inside the products folder.
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("deid").path)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("deid").path)
        }
        candidates.append(Repo.root + "/.build/debug/deid")
        return candidates.first { fileManager.isExecutableFile(atPath: $0) }
    }()

    /// An object file of deid's own targets newer than the executable, if any: the sources changed since `deid`
    /// was linked (an interrupted build, or a binary left from another build), and the tests would judge an
    /// outdated deid. Object files, not sources, are compared: an edit that compiles to the same object is no
    /// change, and SwiftPM then rightly does not relink.
    static let staleObject: String? = {
        let fileManager = FileManager.default
        guard let executable,
            let built = (try? fileManager.attributesOfItem(atPath: executable))?[.modificationDate] as? Date
        else { return nil }
        let products = (executable as NSString).deletingLastPathComponent
        let targets = ((try? fileManager.contentsOfDirectory(atPath: products)) ?? [])
            .filter { $0 == "deid.build" || ($0.hasPrefix("Deid") && $0.hasSuffix(".build") && !$0.hasSuffix("Tests.build")) }
        for target in targets.sorted() {
            let folder = products + "/" + target
            for file in (try? fileManager.contentsOfDirectory(atPath: folder)) ?? [] where file.hasSuffix(".o") {
                let modified = (try? fileManager.attributesOfItem(atPath: folder + "/" + file))?[.modificationDate] as? Date
                if let modified, modified > built { return target + "/" + file }
            }
        }
        return nil
    }()

    /// Runs `deid arguments…` in `directory` and waits for it. `stdin` nil connects standard input to
    /// /dev/null, so a command that wrongly waits for input ends instead of hanging the suite.
    /// `environment` entries are added to (or, with a nil value, removed from) the test's own environment;
    /// CI markers are removed by default so output does not depend on where the suite runs.
    /// `binary` runs another copy of deid (an installed one) instead of the one beside the tests.
    static func run(
        _ arguments: [String], in directory: String, stdin: [UInt8]? = nil,
        environment: [String: String?] = [:], binary: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> DeidRun {
        guard let executable = binary ?? executable else {
            Issue.record("the deid executable was not found; build it with `swift build --build-tests`",
                         sourceLocation: sourceLocation)
            throw DeidProcessError.executableNotFound
        }
        if let stale = staleObject {
            let advice = "deid was not relinked after its sources changed; run `swift build --build-tests` first"
            Issue.record("\(executable) is older than \(stale): \(advice)", sourceLocation: sourceLocation)
        }
        let scratch = try Scratch(prefix: "deid-run")
        defer { scratch.remove() }
        let outPath = try scratch.write("stdout", "")
        let errPath = try scratch.write("stderr", "")
        let inPath = try scratch.write("stdin", "")
        if let stdin { try Data(stdin).write(to: URL(fileURLWithPath: inPath)) }

        var env = ProcessInfo.processInfo.environment
        for key in ["CI", "GITHUB_ACTIONS", "PRE_COMMIT", "DEID_RULES_DIR", "DEID_PRESETS_DIR"] { env[key] = nil }
        for (key, value) in environment { env[key] = value }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = env
        // Files, not pipes: a chatty child can never block on a full pipe while the test waits for it.
        let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let inHandle =
            stdin == nil ? FileHandle.nullDevice : try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle
        try process.run()
        Watchdog.wait(for: process)
        try outHandle.close()
        try errHandle.close()
        if stdin != nil { try inHandle.close() }

        let outBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: outPath)))
        let errBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: errPath)))
        return DeidRun(
            arguments: arguments, status: process.terminationStatus,
            exitedNormally: process.terminationReason == .exit,
            stdout: String(decoding: outBytes, as: UTF8.self), stderr: String(decoding: errBytes, as: UTF8.self),
            stdoutBytes: outBytes, stderrBytes: errBytes)
    }
}

enum DeidProcessError: Error {
    case executableNotFound
}
