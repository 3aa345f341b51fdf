import Foundation
import Testing

/// The pipeline's direction, as the package declares it and as the sources import it: read → describe → model →
/// recode → assess → protect ⇄ audit → verify → emit → pipeline. No stage may depend on a later one, protection
/// and the audit (the defender and the attacker) know nothing of each other, and no source file imports a stage
/// its target does not depend on.
@Suite struct LayeringTests {
    /// The stages in the order the data flows.
    static let stages = [
        "DeidSupport", "DeidSolver", "DeidRead", "DeidPresets", "DeidDescription", "DeidInit", "DeidSQL", "DeidInventory", "DeidModel", "DeidRecode", "DeidAssess",
        "DeidAudit", "DeidProtect", "DeidVerify", "DeidEmit", "DeidPipeline",
    ]

    /// Each target's declared dependencies, read from `swift package dump-package`.
    static func declaredDependencies() throws -> [String: [String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // A scratch folder of its own: `swift test` holds the lock on the package's `.build`.
        let scratch = try Scratch(prefix: "deid-dump-package")
        defer { scratch.remove() }
        process.arguments = ["swift", "package", "--package-path", Repo.root, "--scratch-path", scratch.path, "dump-package"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let package = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let targets = try #require(package["targets"] as? [[String: Any]])
        var result: [String: [String]] = [:]
        for target in targets {
            let name = try #require(target["name"] as? String)
            let dependencies = (target["dependencies"] as? [[String: Any]]) ?? []
            result[name] = dependencies.compactMap { dependency in
                (dependency["byName"] as? [Any])?.first as? String ?? (dependency["target"] as? [Any])?.first as? String
            }
        }
        return result
    }

    @Test func noStageDependsOnALaterOneAndProtectAndAuditAreSiblings() throws {
        let declared = try Self.declaredDependencies()
        for (index, stage) in Self.stages.enumerated() {
            let dependencies = try #require(declared[stage], "\(stage) is not a target")
            for dependency in dependencies where dependency.hasPrefix("Deid") {
                let position = try #require(Self.stages.firstIndex(of: dependency), "\(dependency) is not a stage")
                #expect(position < index, "\(stage) depends on \(dependency), which comes after it")
            }
        }
        #expect(declared["DeidProtect"]?.contains("DeidAudit") == false)
        #expect(declared["DeidAudit"]?.contains("DeidProtect") == false)
        #expect(declared["deid"]?.filter { $0.hasPrefix("Deid") } == ["DeidPipeline"])
    }

    @Test func everyImportIsADeclaredDependency() throws {
        let declared = try Self.declaredDependencies()
        func closure(_ target: String) -> Set<String> {
            var seen: Set<String> = [target]
            var queue = [target]
            while let next = queue.popLast() {
                for dependency in declared[next] ?? [] where seen.insert(dependency).inserted { queue.append(dependency) }
            }
            return seen
        }
        for stage in Self.stages + ["deid"] {
            let folder = Repo.root + "/Sources/" + stage
            let reachable = closure(stage)
            for file in FileManager.default.subpaths(atPath: folder) ?? [] where file.hasSuffix(".swift") {
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                for match in text.matches(of: /(?m)^import (Deid\w+)$/) {
                    let module = String(match.output.1)
                    #expect(reachable.contains(module), "\(stage)/\(file) imports \(module), not a dependency")
                }
            }
        }
    }
}
