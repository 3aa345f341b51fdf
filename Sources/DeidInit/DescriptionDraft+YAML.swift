import DeidDescription
import DeidSupport

extension DescriptionDraft {
    /// The description as YAML, each declaration followed by a comment with its evidence.
    public var yaml: String {
        var out = YAMLLines()
        header(&out)
        out.line("version: 1")
        out.line("policy: calhhs-ddg-2.0", "the current DDG edition (2025); calhhs-ddg-1.0 applies the 2016 guidelines")
        out.line("table:")
        out.line("  input: \(input.rawValue)", input == .records
            ? "one row per person: deid counts the rows" : "one row per cell of the table, with its count")
        stepOne(&out)
        for question in questions { out.todo("  ", question) }
        out.line("  dimensions:")
        for dimension in dimensions { self.dimension(dimension, &out) }
        columns(&out)
        return out.text
    }

    private func header(_ out: inout YAMLLines) {
        out.comment("", "Drafted by `deid init` (deid \(DeidVersion.current)) from \(table), \(rows) rows. Each line says why it")
        out.comment("", "was written; read them all: deid cannot know what the data means. A TODO line is a")
        out.comment("", "decision deid could not make: `deid check` and `deid release` refuse to run until each is")
        out.comment("", "decided and its line deleted. The format: docs/table-description.md in deid's repository.")
    }

    private func stepOne(_ out: inout YAMLLines) {
        let personal = dimensions.filter { [.age, .sex, .race, .ethnicity, .raceEthnicity].contains($0.role) }
        let evidence = personal.isEmpty
            ? "DDG Step 1, the conservative answer; false only if the table reveals nothing about the people counted"
            : "DDG Step 1: " + personal.map(\.column).joined(separator: ", ") + " describe the people counted"
        out.line("  personal_characteristics: true", evidence)
        out.comment("  ", "high_risk is not declared, so the table is treated as about a high-risk population (DDG Ed. 2.0")
        out.comment("  ", "§5.6.2: every count from 1 to 10 is hidden whatever the score). Write `high_risk: none` only if")
        out.comment("  ", "it is not (docs/table-description.md lists the populations).")
    }

    private func dimension(_ dimension: Dimension, _ out: inout YAMLLines) {
        out.line("    - column: \(YAMLText.scalar(dimension.column))")
        if let role = dimension.role {
            let service = role == .residenceGeography ? "; service_geography if it is where people were served" : ""
            out.line("      role: \(role.rawValue)", dimension.roleEvidence + service)
        } else {
            out.todo("      ", "what does '\(dimension.column)' describe (\(dimension.roleEvidence))? Pick its role: "
                + DimensionRole.allCases.map(\.rawValue).joined(separator: ", "))
            out.line("      role: other")
        }
        switch dimension.structure {
        case .none(let note):
            out.comment("      ", "no total: \(note)")
        case .total(let label, let evidence):
            out.line("      total: \(YAMLText.scalar(label))", evidence)
        case .hierarchy(let root, let children, let evidence):
            out.line("      hierarchy:", "\(evidence); \(root) is the total")
            for child in children {
                out.line("        \(YAMLText.scalar(child.parent)): \(YAMLText.list(child.members))")
            }
        case .undecided(let question):
            out.todo("      ", question)
        }
    }

    private func columns(_ out: inout YAMLLines) {
        if counts.count == 1, let count = counts.first {
            out.line("  count: \(YAMLText.scalar(count.name))", count.evidence)
        } else if !counts.isEmpty {
            out.line("  count: \(YAMLText.list(counts.map(\.name)))", "several counts, each protected on its own: "
                + counts.map { "\($0.name) (\($0.evidence))" }.joined(separator: "; "))
        } else if input == .records {
            out.line("  count: \(YAMLText.scalar(recordsCountName))", "the name of the count column deid writes")
        }
        if let denominator {
            out.line("  denominator: \(YAMLText.scalar(denominator.name))", denominator.evidence)
        }
        if !derived.isEmpty {
            out.line("  derived: \(YAMLText.list(derived.map(\.name)))",
                     derived.map { "\($0.name): \($0.evidence)" }.joined(separator: "; "))
        }
        if !descriptive.isEmpty {
            out.line("  descriptive: \(YAMLText.list(descriptive.map(\.name)))",
                     descriptive.map { "\($0.name): \($0.evidence)" }.joined(separator: "; "))
        }
        if thousandsSeparator {
            out.line("  number_format: {thousands_separator: \",\"}", "some numbers are written with thousands separators")
        }
        let annotation = annotation ?? Column(
            name: "Annotation", evidence: "the column deid adds to mark hidden cells with the policy's codes")
        out.line("  annotation: \(YAMLText.scalar(annotation.name))", annotation.evidence)
        for identifier in identifiers {
            out.comment("  ", "'\(identifier.name)' is not published: \(identifier.evidence)")
        }
    }
}

extension DescriptionDraft {
    /// What the records count: `Patient ID` → `Patients`; `Count` without an identifier to name it after.
    var recordsCountName: String {
        guard let identifier = identifiers.first?.name else { return "Count" }
        let words = identifier.split(separator: " ")
        guard words.count == 2, ["id", "number", "no"].contains(words[1].lowercased()) else { return "Count" }
        let noun = String(words[0])
        return noun.hasSuffix("s") ? noun : noun + "s"
    }
}

/// Lines of YAML with trailing comments aligned where they fit.
struct YAMLLines {
    private(set) var text = ""

    mutating func line(_ yaml: String, _ comment: String? = nil) {
        guard let comment else {
            text += yaml + "\n"
            return
        }
        let padded = yaml.count < 34 ? yaml + String(repeating: " ", count: 34 - yaml.count) : yaml + "  "
        text += padded + "# " + Self.oneLine(comment) + "\n"
    }

    mutating func comment(_ indent: String, _ comment: String) {
        text += indent + "# " + Self.oneLine(comment) + "\n"
    }

    mutating func todo(_ indent: String, _ question: String) {
        text += indent + "# " + TableDescription.openDecisionMarker + ": " + Self.oneLine(question) + "\n"
    }

    /// A label from the table must not end a comment line early.
    private static func oneLine(_ text: String) -> String {
        Printable.escaped(text)
    }
}
