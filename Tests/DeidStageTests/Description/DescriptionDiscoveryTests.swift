import Foundation
import Testing
@testable import DeidDescription

@Suite struct DescriptionDiscoveryTests {
    /// root/deid.yaml, root/data/deid.yaml, root/data/2024/counts.csv (+ counts.deid.yaml, + a --description file).
    func layout(_ folder: TemporaryFolder, beside: Bool = true, inFolder: Bool = true, inParent: Bool = true) throws {
        try folder.write("data/2024/counts.csv", "Year,Cases\n")
        try folder.write("explicit.yaml")
        if beside { try folder.write("data/2024/counts.deid.yaml") }
        if inFolder { try folder.write("data/2024/deid.yaml") }
        if inParent { try folder.write("data/deid.yaml") }
    }

    @Test func explicitWinsOverEverything() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try layout(folder)
        let found = try DescriptionDiscovery.descriptionFile(
            forTable: "data/2024/counts.csv", explicit: "explicit.yaml", currentDirectory: folder.path)
        #expect(found == "explicit.yaml")
    }

    @Test func thenTheTablesOwnDescription() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try layout(folder)
        #expect(try DescriptionDiscovery.descriptionFile(forTable: "data/2024/counts.csv", explicit: nil, currentDirectory: folder.path)
            == "data/2024/counts.deid.yaml")
        // An absolute table path gives absolute answers.
        #expect(try DescriptionDiscovery.descriptionFile(forTable: folder.path + "/data/2024/counts.csv", explicit: nil)
            == folder.path + "/data/2024/counts.deid.yaml")
    }

    @Test func thenDeidYamlInTheTablesFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try layout(folder, beside: false)
        #expect(try DescriptionDiscovery.descriptionFile(forTable: "data/2024/counts.csv", explicit: nil, currentDirectory: folder.path)
            == "data/2024/deid.yaml")
    }

    @Test func thenDeidYamlInAParentFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try layout(folder, beside: false, inFolder: false)
        #expect(try DescriptionDiscovery.descriptionFile(forTable: "data/2024/counts.csv", explicit: nil, currentDirectory: folder.path)
            == "data/deid.yaml")
        // Seen from inside the table's folder, the parent's file is ../deid.yaml.
        #expect(try DescriptionDiscovery.descriptionFile(forTable: "counts.csv", explicit: nil, currentDirectory: folder.path + "/data/2024")
            == "../deid.yaml")
    }

    @Test func aFolderNamedLikeADescriptionIsNotOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try layout(folder, beside: false, inFolder: false)
        try FileManager.default.createDirectory(atPath: folder.path + "/data/2024/counts.deid.yaml", withIntermediateDirectories: true)
        #expect(try DescriptionDiscovery.descriptionFile(forTable: "data/2024/counts.csv", explicit: nil, currentDirectory: folder.path)
            == "data/deid.yaml")
    }

    @Test func stdinUsesOnlyDeidYamlFromTheCurrentDirectoryUp() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try layout(folder)
        try folder.write("data/2024/-.deid.yaml")  // must not be taken for stdin's "own" description
        let cwd = folder.path + "/data/2024"
        #expect(try DescriptionDiscovery.descriptionFile(forTable: "-", explicit: nil, currentDirectory: cwd) == "deid.yaml")
        try FileManager.default.removeItem(atPath: cwd + "/deid.yaml")
        #expect(try DescriptionDiscovery.descriptionFile(forTable: "-", explicit: nil, currentDirectory: cwd) == "../deid.yaml")
        #expect(try DescriptionDiscovery.descriptionFile(forTable: "-", explicit: "../../explicit.yaml", currentDirectory: cwd)
            == "../../explicit.yaml")
    }

    @Test func noDescriptionListsEveryPlaceSearched() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try layout(folder, beside: false, inFolder: false, inParent: false)
        let error = descriptionError { () throws(DescriptionError) in
            try DescriptionDiscovery.descriptionFile(forTable: "data/2024/counts.csv", explicit: nil, currentDirectory: folder.path)
        }
        guard case .descriptionNotFound(let table, let searched) = error else {
            Issue.record("expected descriptionNotFound, got \(String(describing: error))")
            return
        }
        #expect(table == "data/2024/counts.csv")
        #expect(Array(searched.prefix(4)) == ["data/2024/counts.deid.yaml", "data/2024/deid.yaml", "data/deid.yaml", "deid.yaml"])
        #expect(searched.last == "/deid.yaml" || searched.last?.hasSuffix("../deid.yaml") == true)
        #expect(error?.message.contains("pass --description FILE") == true)
    }

    @Test func aMissingExplicitFileIsAnError() {
        let error = descriptionError { () throws(DescriptionError) in
            try DescriptionDiscovery.descriptionFile(forTable: "counts.csv", explicit: "/nonexistent/rules.yaml")
        }
        #expect(error == .descriptionFileNotFound(path: "/nonexistent/rules.yaml"))
        #expect(error?.description == "/nonexistent/rules.yaml: error: table description not found: '/nonexistent/rules.yaml' (given with --description)")
    }

    @Test(arguments: [
        ("counts.csv", "counts.deid.yaml"), ("data/counts.csv", "counts.deid.yaml"), ("counts", "counts.deid.yaml"),
        ("a.b.tsv", "a.b.deid.yaml"), (".hidden", ".hidden.deid.yaml"),
    ])
    func descriptionNameReplacesTheLastExtension(table: String, expected: String) {
        #expect(DescriptionDiscovery.descriptionName(forTable: table) == expected)
    }
}
