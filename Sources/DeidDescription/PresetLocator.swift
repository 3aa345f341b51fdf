import Foundation

/// Finds the `Presets/` folder holding the policy presets at run time.
///
/// Order: `$DEID_PRESETS_DIR` (or its former name `$DEID_RULES_DIR`); `<executable's folder>/../share/deid/Presets`
/// (an installed layout; `…/Rules` as installed before the folder was renamed); then every folder above the
/// executable's real path that has `Presets/calhhs-ddg-2.0.yaml` (a checkout running `.build/release/deid`, as the
/// README and the pre-commit hook do). Tests either pass the folder to `Policy.load` directly or build a locator
/// with their own environment and executable path.
public struct PresetLocator: Sendable {
    public static let environmentVariable = "DEID_PRESETS_DIR"
    /// The variable's name before the folder was renamed, still read.
    public static let formerEnvironmentVariable = "DEID_RULES_DIR"
    /// The file whose presence identifies a presets folder while walking up from the executable.
    public static let marker = "calhhs-ddg-2.0.yaml"

    public var environment: [String: String]
    /// The running executable; symlinks are resolved before its folder is used.
    public var executablePath: String?

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String? = PresetLocator.currentExecutablePath()
    ) {
        self.environment = environment
        self.executablePath = executablePath
    }

    /// The presets folder, or an error listing where it was looked for (the former names, `DEID_RULES_DIR` and
    /// `share/deid/Rules`, are still looked at but not suggested).
    public func locate() throws(DescriptionError) -> String {
        var tried: [String] = []
        for variable in [Self.environmentVariable, Self.formerEnvironmentVariable] {
            guard let explicit = environment[variable], !explicit.isEmpty else { continue }
            // An explicit setting that is wrong is an error, not a reason to quietly use some other policy.
            guard DescriptionFiles.isDirectory(explicit) else {
                throw .presetsDirectoryNotFound(tried: ["\(variable)=\(explicit) (not a folder)"])
            }
            return explicit
        }
        tried.append("\(Self.environmentVariable) (not set)")
        guard let executable = executablePath.map(Self.realPath) else {
            tried.append("the executable's folder (unknown)")
            throw .presetsDirectoryNotFound(tried: tried)
        }
        let binFolder = DescriptionFiles.folder(of: executable)
        let installed = DescriptionFiles.absolute("../share/deid/Presets", base: binFolder)
        if DescriptionFiles.isDirectory(installed) { return installed }
        let formerlyInstalled = DescriptionFiles.absolute("../share/deid/Rules", base: binFolder)
        if DescriptionFiles.isDirectory(formerlyInstalled) { return formerlyInstalled }
        tried.append(installed)
        var folder = binFolder
        while true {
            let candidate = DescriptionFiles.join(folder, "Presets")
            if DescriptionFiles.isFile(DescriptionFiles.join(candidate, Self.marker)) { return candidate }
            guard folder != "/" else { break }
            folder = DescriptionFiles.folder(of: folder)
        }
        tried.append("a Presets folder with \(Self.marker) in \(binFolder) or any folder above it")
        throw .presetsDirectoryNotFound(tried: tried)
    }

    /// `/proc/self/exe` on Linux (always the real binary), else the path the program was started with.
    public static func currentExecutablePath() -> String? {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        guard let first = CommandLine.arguments.first, first.contains("/") else { return nil }
        return DescriptionFiles.absolute(first, base: FileManager.default.currentDirectoryPath)
    }

    /// The path with every symlink resolved, so a `bin/deid` link finds the checkout or install it points into.
    static func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}
