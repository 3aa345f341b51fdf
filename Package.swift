// swift-tools-version: 6.2
// deid: de-identify health and human-services tables under the CalHHS Data De-Identification Guidelines.
import PackageDescription

/// Warnings are errors in deid's own targets: the engineering standard is "no warnings".
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "deid",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "deid", targets: ["deid"]),
        .library(name: "DeidCore", targets: ["DeidCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        // Test-only: golden JSON and HTML reports (`Tests/DeidCoreTests/Emit/__Snapshots__`).
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", exact: "1.19.7"),
    ],
    targets: [
        // System libraries from Debian: libcsv parses the CSV, GLPK solves the audit's linear programs.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        // Every stage of the pipeline (Read → Model → Assess → Protect → Audit → Emit) lives here.
        .target(
            name: "DeidCore",
            dependencies: [
                "CLibCSV", "CGLPK", "Yams",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // Fuzz targets for the readers: libFuzzer's entry point when built with `-sanitize=fuzzer -D DEID_LIBFUZZER`
        // (scripts/fuzz.sh), otherwise a deterministic mutation harness (run by the tests).
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "deid-fuzz", dependencies: ["DeidCore", "CLibFuzzer"], path: "Sources/DeidFuzz", swiftSettings: strict),
        // The thin command-line front end.
        .executableTarget(
            name: "deid",
            dependencies: ["DeidCore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DeidCoreTests",
            dependencies: [
                "DeidCore", .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            // Golden reports, read by swift-snapshot-testing from beside the test file, not bundled resources.
            exclude: ["Emit/__Snapshots__"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DeidCLITests",
            dependencies: ["DeidCore"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
