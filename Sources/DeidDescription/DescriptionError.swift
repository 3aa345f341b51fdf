import DeidSupport

/// Everything that can be wrong with a table description, a policy file or finding them.
///
/// Every message says what is wrong and what to do; the `file:line:column` prefix comes from `location`.
/// Messages name keys, labels, columns and files only: descriptions and policies hold no table values, and none are quoted.
public enum DescriptionError: DiagnosticError, Equatable {
    /// A file could not be read (missing, a folder, not UTF-8, no permission).
    case unreadableFile(path: String, reason: String)
    /// The YAML itself is malformed; `problem` is libyaml's wording.
    case syntax(SourceLocation, problem: String)
    /// The file holds no YAML document at all.
    case emptyDocument(file: String, expected: String)
    /// The file's top level is not a mapping: not a description or policy at all (a table given as a description, say).
    case notAMapping(SourceLocation, what: String, found: String, looksLikeTable: Bool)
    /// A key that the format does not define; `suggestion` is the nearest allowed key, if any is close.
    case unknownKey(SourceLocation, key: String, context: String, suggestion: String?, allowed: [String])
    case missingKey(SourceLocation, key: String, context: String, example: String)
    case duplicateKey(SourceLocation, key: String)
    /// A value of the wrong YAML type: `expected` reads like "a string (a column name)".
    case wrongType(SourceLocation, key: String, expected: String, found: String)
    case unsupportedVersion(SourceLocation, found: String)
    /// A value outside a closed list (roles, input kinds, boundary, label modes).
    case unknownValue(SourceLocation, key: String, value: String, allowed: [String], suggestion: String?)
    /// A value of the right type that breaks a rule of the format (e.g. a threshold below 1).
    case invalidValue(SourceLocation, key: String, reason: String)
    /// The description is well-formed YAML but inconsistent (columns, totals, input kind).
    case invalidTable(SourceLocation, problem: String)
    /// A dimension's hierarchy is not a tree.
    case invalidHierarchy(SourceLocation, column: String, problem: String)
    case unknownPreset(SourceLocation?, name: String, directory: String, available: [String], suggestion: String?)
    case policyFileNotFound(SourceLocation?, path: String, resolved: String)
    /// `DEID_PRESETS_DIR` (or `DEID_RULES_DIR`) names something that is not a folder.
    case presetsDirectoryNotFound(variable: String, value: String)
    /// The presets built into deid could not be written to their cache folder.
    case embeddedPresetsNotWritable(folder: String, reason: String)
    case descriptionFileNotFound(path: String)
    /// `DescriptionDiscovery` found no description for a table; `searched` lists every path looked at.
    case descriptionNotFound(table: String, searched: [String])

    public var location: SourceLocation? {
        switch self {
        case .syntax(let l, _), .unknownKey(let l, _, _, _, _), .missingKey(let l, _, _, _), .duplicateKey(let l, _),
            .wrongType(let l, _, _, _), .unsupportedVersion(let l, _), .unknownValue(let l, _, _, _, _),
            .invalidValue(let l, _, _), .invalidTable(let l, _), .invalidHierarchy(let l, _, _):
            l
        case .unknownPreset(let l, _, _, _, _), .policyFileNotFound(let l, _, _):
            l
        case .notAMapping(let l, _, _, _):
            l
        case .unreadableFile(let path, _), .emptyDocument(let path, _), .descriptionFileNotFound(let path):
            SourceLocation(file: path)
        case .presetsDirectoryNotFound, .embeddedPresetsNotWritable, .descriptionNotFound:
            nil
        }
    }

    public var message: String {
        switch self {
        case .unreadableFile(_, let reason):
            "cannot read the file: \(reason)"
        case .syntax(_, let problem):
            "YAML syntax error: \(problem)"
        case .emptyDocument(_, let expected):
            "the file is empty; \(expected)"
        case .notAMapping(_, let what, let found, let looksLikeTable):
            "this is not a \(what): a \(what) is a YAML mapping of keys to values, and this file holds \(found)"
                + (!looksLikeTable ? ""
                    : what == "policy"
                    ? "; it looks like a CSV table: `policy:` names a preset (e.g. calhhs-ddg-2.0) or a policy YAML file"
                    : "; it looks like a CSV table: was the table given where its description belongs? "
                        + "(`deid check --description TABLE.deid.yaml TABLE.csv`)")
        case .unknownKey(_, let key, let context, let suggestion, let allowed):
            "unknown key '\(Printable.excerpt(key))' in \(context)" + Self.hint(suggestion, allowed: allowed, noun: "keys")
        case .missingKey(_, let key, let context, let example):
            "missing required key '\(key)' in \(context); add it, e.g. `\(example)`"
        case .duplicateKey(_, let key):
            "duplicate key '\(Printable.excerpt(key))': each key may appear once in a mapping; remove or merge the repeated one"
        case .wrongType(_, let key, let expected, let found):
            "'\(key)' must be \(expected), not \(found)"
        case .unsupportedVersion(_, let found):
            "unsupported version '\(Printable.excerpt(found))': this deid reads format version 1; write `version: 1`"
        case .unknownValue(_, let key, let value, let allowed, let suggestion):
            // Closed lists are short: always show them, with the likely fix first.
            "unknown \(key) '\(Printable.excerpt(value))'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
                + "; allowed: " + allowed.joined(separator: ", ")
        case .invalidValue(_, let key, let reason):
            "invalid '\(key)': \(reason)"
        case .invalidTable(_, let problem):
            problem
        case .invalidHierarchy(_, let column, let problem):
            "hierarchy of column '\(column)' is not a tree: \(problem)"
        case .unknownPreset(_, let name, let directory, let available, let suggestion):
            "unknown policy preset '\(name)'"
                + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
                + "; available presets "
                + (EmbeddedPresetsFolder.isBuiltIn(directory) ? "built into deid" : "in \(directory)") + ": "
                + (available.isEmpty ? "none" : available.joined(separator: ", "))
                + "; or give a path to a policy file (ending in .yaml)"
        case .policyFileNotFound(_, let path, let resolved):
            "policy file not found: '\(path)' (looked for \(resolved)); paths are relative to the description's folder"
        case .presetsDirectoryNotFound(let variable, let value):
            "\(variable)=\(value) is not a folder; point it at a folder holding calhhs-ddg-2.0.yaml, or unset it to "
                + "use the presets built into deid"
        case .embeddedPresetsNotWritable(let folder, let reason):
            "cannot write the presets built into deid to \(folder) (\(reason)); set XDG_CACHE_HOME to a writable "
                + "folder, or DEID_PRESETS_DIR to a copy of the Presets folder"
        case .descriptionFileNotFound(let path):
            "table description not found: '\(path)' (given with --description)"
        case .descriptionNotFound(let table, let searched):
            "no table description for '\(table)'; searched: " + searched.joined(separator: ", ")
                + ". Write one of these (see docs/table-description.md) or pass --description FILE"
        }
    }

    /// " (did you mean 'x'?)" when a close match exists, else the full list so the user can pick.
    private static func hint(_ suggestion: String?, allowed: [String], noun: String) -> String {
        if let suggestion { return " (did you mean '\(suggestion)'?)" }
        return allowed.isEmpty ? "" : "; allowed \(noun): " + allowed.joined(separator: ", ")
    }
}
