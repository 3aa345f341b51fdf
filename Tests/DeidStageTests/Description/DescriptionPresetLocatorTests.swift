import DeidPresets
import Foundation
import Testing
@testable import DeidDescription

@Suite struct DescriptionPresetLocatorTests {
    @Test func environmentVariableComesFirst() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let locator = PresetLocator(environment: ["DEID_PRESETS_DIR": folder.path])
        #expect(try locator.locate() == folder.path)
    }

    /// The variable's name before the presets folder was called Presets still works.
    @Test func theFormerEnvironmentVariableStillWorks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let locator = PresetLocator(environment: ["DEID_RULES_DIR": folder.path])
        #expect(try locator.locate() == folder.path)
    }

    @Test func aWrongEnvironmentVariableIsAnErrorNotAFallback() {
        let locator = PresetLocator(environment: ["DEID_PRESETS_DIR": "/nonexistent/rules"])
        let error = descriptionError { () throws(DescriptionError) in try locator.locate() }
        #expect(error?.message.contains("DEID_PRESETS_DIR=/nonexistent/rules is not a folder") == true)
        #expect(error?.message.contains("unset it to use the presets built into deid") == true)
    }

    @Test func theNewVariableWinsOverTheFormerOne() throws {
        let new = try TemporaryFolder()
        let former = try TemporaryFolder()
        defer { new.remove(); former.remove() }
        let environment = ["DEID_PRESETS_DIR": new.path, "DEID_RULES_DIR": former.path]
        #expect(try PresetLocator(environment: environment).locate() == new.path)
    }

    @Test func aWrongFormerVariableIsAnErrorToo() {
        let locator = PresetLocator(environment: ["DEID_RULES_DIR": "/nonexistent/rules"])
        let error = descriptionError { () throws(DescriptionError) in try locator.locate() }
        #expect(error?.message.contains("DEID_RULES_DIR=/nonexistent/rules is not a folder") == true)
    }

    /// The files compiled in are this checkout's `Presets/`, every one of them, byte for byte.
    @Test func theBuiltInPresetsAreThisCheckoutsPresetsFolder() throws {
        let onDisk = try FileManager.default.subpathsOfDirectory(atPath: Repo.presets).filter {
            !$0.split(separator: "/").contains { $0.hasPrefix(".") } && DescriptionFiles.isFile(Repo.presets + "/" + $0)
        }
        let embedded = EmbeddedPresets.files
        #expect(embedded.map(\.path).sorted() == onDisk.sorted())
        for file in embedded {
            #expect(FileManager.default.contents(atPath: Repo.presets + "/" + file.path) == file.contents, "\(file.path)")
        }
        #expect(embedded.contains { $0.path == "calhhs-ddg-2.0.yaml" })
        #expect(embedded.contains { $0.path == "reference/ca-county-population.csv" })
    }

    /// Without the variable, the built-in presets are written under the cache folder and that folder is used.
    @Test func withoutTheVariableTheBuiltInPresetsAreWrittenToTheCache() throws {
        let cache = try TemporaryFolder()
        defer { cache.remove() }
        let found = try PresetLocator(environment: ["XDG_CACHE_HOME": cache.path]).locate()
        #expect(found == cache.path + "/deid/presets-" + EmbeddedPresets.fingerprint)
        for file in EmbeddedPresets.files {
            #expect(FileManager.default.contents(atPath: found + "/" + file.path) == file.contents, "\(file.path)")
        }
    }

    /// A cached preset someone edited is written again from the built-in bytes, never trusted.
    @Test func anEditedCacheIsRepaired() throws {
        let cache = try TemporaryFolder()
        defer { cache.remove() }
        let locator = PresetLocator(environment: ["XDG_CACHE_HOME": cache.path])
        let folder = try locator.locate()
        try "thresholds: {small_count: 1}\n".write(toFile: folder + "/calhhs-ddg-2.0.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder + "/reference/ca-county-population.csv")
        #expect(try locator.locate() == folder)
        let original = try #require(EmbeddedPresets.files.first { $0.path == "calhhs-ddg-2.0.yaml" })
        #expect(FileManager.default.contents(atPath: folder + "/calhhs-ddg-2.0.yaml") == original.contents)
        #expect(DescriptionFiles.isFile(folder + "/reference/ca-county-population.csv"))
    }

    /// HOME's cache folder when XDG_CACHE_HOME is not set.
    @Test func theCacheDefaultsToHomeDotCache() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let found = try PresetLocator(environment: ["HOME": home.path]).locate()
        #expect(found.hasPrefix(home.path + "/.cache/deid/presets-"))
    }

    @Test func anUnwritableCacheSaysWhatToSet() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A file where the cache folder should be: nothing can be created below it, even as root.
        let blocker = try folder.write("not-a-folder", "x")
        let error = descriptionError { () throws(DescriptionError) in
            try PresetLocator(environment: ["XDG_CACHE_HOME": blocker]).locate()
        }
        #expect(error?.message.contains("cannot write the presets built into deid") == true)
        #expect(error?.message.contains("set XDG_CACHE_HOME to a writable folder") == true)
    }
}
