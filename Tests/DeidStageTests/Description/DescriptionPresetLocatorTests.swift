import Foundation
import Testing
@testable import DeidDescription

@Suite struct DescriptionPresetLocatorTests {
    @Test func environmentVariableComesFirst() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let locator = PresetLocator(environment: ["DEID_PRESETS_DIR": folder.path], executablePath: "/nonexistent/bin/deid")
        #expect(try locator.locate() == folder.path)
    }

    /// The variable's name before the presets folder was called Presets still works.
    @Test func theFormerEnvironmentVariableStillWorks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let locator = PresetLocator(environment: ["DEID_RULES_DIR": folder.path], executablePath: "/nonexistent/bin/deid")
        #expect(try locator.locate() == folder.path)
    }

    @Test func aWrongEnvironmentVariableIsAnErrorNotAFallback() {
        let locator = PresetLocator(environment: ["DEID_PRESETS_DIR": "/nonexistent/rules"], executablePath: nil)
        let error = descriptionError { () throws(DescriptionError) in try locator.locate() }
        #expect(error?.message.contains("DEID_PRESETS_DIR=/nonexistent/rules (not a folder)") == true)
    }

    @Test func installedLayoutBesideBin() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let binary = try folder.write("usr/bin/deid")
        try FileManager.default.createDirectory(atPath: folder.path + "/usr/share/deid/Presets", withIntermediateDirectories: true)
        let found = try PresetLocator(environment: [:], executablePath: binary).locate()
        #expect(found == PresetLocator.realPath(folder.path) + "/usr/share/deid/Presets")
    }

    /// An install made before the presets folder was renamed (`share/deid/Rules`) is still found.
    @Test func theFormerInstalledLayoutStillWorks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let binary = try folder.write("usr/bin/deid")
        try FileManager.default.createDirectory(atPath: folder.path + "/usr/share/deid/Rules", withIntermediateDirectories: true)
        let found = try PresetLocator(environment: [:], executablePath: binary).locate()
        #expect(found == PresetLocator.realPath(folder.path) + "/usr/share/deid/Rules")
    }

    @Test func theNewVariableWinsOverTheFormerOne() throws {
        let new = try TemporaryFolder()
        let former = try TemporaryFolder()
        defer { new.remove(); former.remove() }
        let environment = ["DEID_PRESETS_DIR": new.path, "DEID_RULES_DIR": former.path]
        #expect(try PresetLocator(environment: environment, executablePath: nil).locate() == new.path)
    }

    @Test func aWrongFormerVariableIsAnErrorToo() {
        let locator = PresetLocator(environment: ["DEID_RULES_DIR": "/nonexistent/rules"], executablePath: nil)
        let error = descriptionError { () throws(DescriptionError) in try locator.locate() }
        #expect(error?.message.contains("DEID_RULES_DIR=/nonexistent/rules (not a folder)") == true)
    }

    @Test func walksUpFromTheRealPathOfABuildProduct() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("checkout/Presets/calhhs-ddg-2.0.yaml")
        let binary = try folder.write("checkout/.build/x86_64-unknown-linux-gnu/release/deid")
        // `.build/release` is a symlink in a real checkout; link the binary from elsewhere to prove it is resolved.
        try FileManager.default.createDirectory(atPath: folder.path + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/bin/deid", withDestinationPath: binary)
        let found = try PresetLocator(environment: [:], executablePath: folder.path + "/bin/deid").locate()
        #expect(found == PresetLocator.realPath(folder.path) + "/checkout/Presets")
    }

    @Test func theTestBinaryFindsThisCheckoutsPresets() throws {
        // swift test runs .build/…/deidPackageTests.xctest inside this checkout, so the walk finds Presets/.
        let found = try PresetLocator(environment: [:]).locate()
        #expect(PresetLocator.realPath(found) == PresetLocator.realPath(Repo.presets))
    }

    @Test func nothingFoundNamesWhatWasTried() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let binary = try folder.write("bin/deid")
        let error = descriptionError { () throws(DescriptionError) in try PresetLocator(environment: [:], executablePath: binary).locate() }
        #expect(error?.message.contains("DEID_PRESETS_DIR (not set)") == true)
        #expect(error?.message.contains("/share/deid/Presets") == true)
        #expect(error?.message.contains("Set DEID_PRESETS_DIR") == true)
    }
}
