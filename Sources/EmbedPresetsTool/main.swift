import Foundation

// Writes a Swift source file holding the given files, base64-encoded, keyed by their path below the presets folder.
// Arguments: OUTPUT PRESETS_FOLDER FILE... (run by the EmbedPresets build-tool plugin).

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: EmbedPresetsTool OUTPUT PRESETS_FOLDER FILE...\n".utf8))
    exit(2)
}
let output = arguments[1]
let root = arguments[2].hasSuffix("/") ? arguments[2] : arguments[2] + "/"

/// FNV-1a over every path and content: names the folder the files are written to, so two builds with different
/// presets never share one.
struct Fingerprint {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func mix(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }
}

var fingerprint = Fingerprint()

var entries: [String] = []
for path in arguments.dropFirst(3) {
    guard path.hasPrefix(root), let contents = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("EmbedPresetsTool: cannot read \(path) below \(root)\n".utf8))
        exit(1)
    }
    let relative = String(path.dropFirst(root.count))
    fingerprint.mix(relative.utf8)
    fingerprint.mix([0])
    fingerprint.mix(contents)
    entries.append("        (\"\(relative)\", \"\(contents.base64EncodedString())\"),")
}

let source = """
    // Generated at build time from Presets/ by the EmbedPresets plugin; not in the repository.
    enum EmbeddedPresetFiles {
        static let fingerprint = "\(String(fingerprint.value, radix: 16))"
        static let files: [(path: String, base64: String)] = [
    \(entries.joined(separator: "\n"))
        ]
    }

    """
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("EmbedPresetsTool: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
