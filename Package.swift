// swift-tools-version: 6.2
// deid: de-identify health and human-services tables under the CalHHS Data De-Identification Guidelines.
import PackageDescription

/// Warnings are errors in deid's own targets: the engineering standard is "no warnings".
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

/// A stage of the pipeline: a library target whose dependencies are the stages before it.
func stage(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .target(name: name, dependencies: dependencies, swiftSettings: strict)
}

let package = Package(
    name: "deid",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "deid", targets: ["deid"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        // Test-only: golden JSON and HTML reports (`Tests/DeidStageTests/Emit/__Snapshots__`).
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", exact: "1.19.7"),
    ],
    targets: [
        // System libraries from Debian: libcsv parses the CSV, GLPK solves the linear programs.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),

        // The pipeline, one target per stage, each depending only on the stages before it:
        // read → describe → model → recode → assess → protect ⇄ audit → verify → emit, tied together by Pipeline.
        stage("DeidSupport", []),  // diagnostics (Finding, DiagnosticError), parallel map, union-find
        stage("DeidSolver", ["CGLPK"]),  // GLPK models, shared by protect and audit
        stage("DeidRead", ["DeidSupport", "CLibCSV", .product(name: "Crypto", package: "swift-crypto")]),
        // Presets/ compiled in at build time (the EmbedPresets plugin), so an installed deid needs no source tree.
        .target(name: "DeidPresets", swiftSettings: strict, plugins: ["EmbedPresets"]),
        .executableTarget(name: "EmbedPresetsTool", swiftSettings: strict),
        .plugin(name: "EmbedPresets", capability: .buildTool(), dependencies: ["EmbedPresetsTool"]),
        stage("DeidDescription", ["DeidSupport", "DeidRead", "DeidPresets", "Yams"]),  // table descriptions, policies, presets
        stage("DeidInit", ["DeidRead", "DeidDescription"]),  // `deid init`: a description drafted from a table
        stage("DeidSQL", ["DeidDescription", "Yams"]),  // `deid sql`: the records aggregated by a SQL engine
        stage("DeidInventory", ["DeidRead", "DeidDescription"]),  // `deid inventory`: a record-level file's columns screened
        stage("DeidModel", ["DeidRead", "DeidDescription"]),  // cells, dimensions, relations, patterns
        stage("DeidRecode", ["DeidModel"]),  // DDG Step 4 aggregation of small categories
        stage("DeidAssess", ["DeidModel"]),  // DDG Steps 1–3
        stage("DeidAudit", ["DeidModel", "DeidSolver"]),  // the attacker: intervals of hidden cells
        stage("DeidProtect", ["DeidModel", "DeidSolver"]),  // the defender: primary and complementary suppression, labels
        stage("DeidVerify", ["DeidProtect", "DeidAudit", "DeidRecode", "DeidAssess"]),  // the release, its guarantees re-derived
        stage("DeidEmit", ["DeidVerify", "DeidInventory"]),  // release CSV, reports, findings
        stage("DeidPipeline", ["DeidEmit", "DeidInit", "DeidSQL", "DeidInventory"]),  // check, release and score as named steps
        // The thin command-line front end.
        .executableTarget(
            name: "deid",
            dependencies: ["DeidPipeline", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        // Fuzz targets for the readers: libFuzzer's entry point when built with `-sanitize=fuzzer -D DEID_LIBFUZZER`
        // (scripts/fuzz.sh), otherwise a deterministic mutation harness (run by the tests).
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "deid-fuzz", dependencies: ["DeidModel", "CLibFuzzer"], path: "Sources/DeidFuzz",
            swiftSettings: strict),
        .testTarget(
            name: "DeidStageTests",
            dependencies: [
                "DeidPipeline", "DeidSolver", .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            // Golden reports, read by swift-snapshot-testing from beside the test file, not bundled resources.
            exclude: ["Emit/__Snapshots__"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DeidCLITests",
            dependencies: ["DeidSupport"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
