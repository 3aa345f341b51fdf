import DeidInventory
import DeidAssess

/// `deid inventory`'s output formats: Markdown (the default, ready to paste into a Business Use Case Proposal),
/// JSON (for programs: a `columns` list whose entries carry `column` and `status`) and CSV (one row per column).
public enum InventoryFormat: String, Sendable, CaseIterable {
    case markdown, json, csv
}

public enum InventoryRenderer {
    public static func render(_ inventory: Inventory, format: InventoryFormat) -> String {
        switch format {
        case .markdown: markdown(inventory)
        case .json: JSONStream.encode(InventoryJSON(inventory)) + "\n"
        case .csv: csv(inventory)
        }
    }

    static func markdown(_ inventory: Inventory) -> String {
        var lines = [
            "# Data-element inventory: \(inventory.file)", "",
            "\(InventoryText.count(inventory.records, "record")), \(InventoryText.count(inventory.columns.count, "column")), "
                + "read once. No value of any column is shown.", "",
            "| Data element | Type | Distinct values | Missing | De-identification status | Why |",
            "|---|---|---|---|---|---|",
        ]
        for c in inventory.columns {
            let distinct = (c.distinctEstimated ? "≈ " : "") + c.distinct.grouped
            lines.append(
                "| \(cell(c.column)) | \(c.type.rawValue) | \(distinct) | \(InventoryText.percent(c.missingShare)) | "
                    + "\(InventoryText.status(c.status)) | \(cell(InventoryText.reason(c.reason))) |")
        }
        lines += ["", "## Quasi-identifiers in combination", "", InventoryText.measure(inventory.quasiIdentifiers), ""]
        lines += [
            "## How to read this", "",
            "Identifiers are the HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)) found by column name or by "
                + "content; a column is listed as one when a single value looks identifying. Quasi-identifiers are the "
                + "columns that can single a person out in combination; k is the size of the smallest group of records "
                + "that share their values. Record-level data is decided case by case (CalHHS DDG): this inventory "
                + "assists the review and does not replace it. Names, photographs, biometrics and free text are found "
                + "only by column name, and Safe Harbor also requires no actual knowledge that the rest could identify "
                + "someone.", "",
            "Rules: \(inventory.rulesTitle) (\(inventory.rulesFile))"
                + (inventory.declaredFile.map { "; statuses declared in \($0)" } ?? "") + ".",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    static func csv(_ inventory: Inventory) -> String {
        var rows = [["column", "type", "distinct", "distinct_estimated", "missing_share", "status", "reason"]]
        for c in inventory.columns {
            rows.append([
                c.column, c.type.rawValue, String(c.distinct), String(c.distinctEstimated),
                String(format4(c.missingShare)), c.status.rawValue, InventoryText.reason(c.reason),
            ])
        }
        return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 quoting, only where needed.
    private static func csvField(_ text: String) -> String {
        let special = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        return special ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// A share rounded to 4 decimals, as the JSON and CSV give it.
    static func format4(_ share: Double) -> Double { (share * 10_000).rounded() / 10_000 }
}

/// The JSON document of an inventory.
struct InventoryJSON: Encodable {
    struct Column: Encodable {
        var column: String
        var type: String
        var distinct: Int
        var distinctEstimated: Bool
        var missingShare: Double
        var status: String
        var reason: String

        enum CodingKeys: String, CodingKey {
            case column, type, distinct, status, reason
            case distinctEstimated = "distinct_estimated", missingShare = "missing_share"
        }
    }

    struct Measure: Encodable {
        var columns: [String]
        var measured: Bool
        var groups: Int?
        var k: Int?
        var uniqueRecords: Int?
        var uniqueShare: Double?
        var smallGroupMax: Int
        var smallGroups: Int?
        var recordsInSmallGroups: Int?
        var summary: String

        enum CodingKeys: String, CodingKey {
            case columns, measured, groups, k, summary
            case uniqueRecords = "unique_records", uniqueShare = "unique_share", smallGroupMax = "small_group_max"
            case smallGroups = "small_groups", recordsInSmallGroups = "records_in_small_groups"
        }
    }

    var tool = ToolInfo()
    var file: String
    var records: Int
    var columns: [Column]
    var quasiIdentifiers: Measure
    var rules: String
    var declared: String?

    enum CodingKeys: String, CodingKey {
        case tool, file, records, columns, rules, declared
        case quasiIdentifiers = "quasi_identifiers"
    }

    init(_ inventory: Inventory) {
        file = inventory.file
        records = inventory.records
        columns = inventory.columns.map { c in
            Column(
                column: c.column, type: c.type.rawValue, distinct: c.distinct, distinctEstimated: c.distinctEstimated,
                missingShare: InventoryRenderer.format4(c.missingShare), status: c.status.rawValue,
                reason: InventoryText.reason(c.reason))
        }
        let m = inventory.quasiIdentifiers
        let measured = m.notMeasured == nil
        quasiIdentifiers = Measure(
            columns: m.columns, measured: measured, groups: measured ? m.groups : nil, k: measured ? m.k : nil,
            uniqueRecords: measured ? m.uniqueRecords : nil,
            uniqueShare: measured ? InventoryRenderer.format4(Double(m.uniqueRecords) / Double(max(inventory.records, 1))) : nil,
            smallGroupMax: m.smallGroupMax, smallGroups: measured ? m.smallGroups : nil,
            recordsInSmallGroups: measured ? m.recordsInSmallGroups : nil, summary: InventoryText.measure(m))
        rules = inventory.rulesFile
        declared = inventory.declaredFile
    }
}
