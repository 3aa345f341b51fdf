import DeidDescription
import DeidModel

/// DDG Step 4 "reduce granularity" (V1-S4.4, V2-S4.4 §4.4.2): the description's `aggregate:` rules, applied in
/// order before anything is scored or suppressed. Each rule builds a new table in which some values of one
/// dimension are merged (counties into "Other <region>", years into pooled periods); what is still small
/// afterwards is suppressed as usual.
public enum Recoding {
    public static func apply(
        _ rules: [AggregateDeclaration], to table: Table, description: TableDescription, policy: Policy
    ) throws -> RecodeResult {
        var result = RecodeResult(table: table, recodings: [], rows: RecodedRows(identity: table.cellCount), notes: [])
        for (i, rule) in rules.enumerated() {
            guard let d = result.table.dimensions.firstIndex(where: { $0.column == rule.column }) else {
                throw RecodeError.recodeImpossible(
                    column: rule.column, problem: "the table has no dimension with that column", rule: rule.location)
            }
            let planner = try RecodePlanner(
                rule: rule, number: i + 1, table: result.table, dimension: d, description: description,
                policy: policy)
            let plan = try planner.plan()
            result.notes += plan.notes
            guard !plan.groups.isEmpty else {
                result.notes.append(.nothingMerged(rule: i + 1, column: rule.column))
                continue
            }
            let merged = try TableRecoder.merge(
                plan.groups, dimension: d, of: result.table, countColumn: description.countColumn)
            result.rows.compose(merged)
            result.table = merged.table
            result.recodings += plan.records
        }
        return result
    }
}

/// The table after recoding, what was merged and why, and where each release row comes from.
public struct RecodeResult: Sendable {
    public var table: Table
    public var recodings: [RecodingRecord]
    public var rows: RecodedRows
    public var notes: [RecodeNote]
}

/// Something a reviewer should know about recoding, as data (the reports word it). `rule` is the rule's position
/// in `aggregate:`, from 1.
public enum RecodeNote: Sendable, Hashable {
    /// No value failed the rule's condition.
    case nothingMerged(rule: Int, column: String)
    /// A value that fails `condition` (named only when the condition is a population) is the only one under
    /// `parent`, so it is kept.
    case loneValueKept(rule: Int, column: String, value: String?, parent: String, condition: AggregateDeclaration.Condition)
    /// The group `group` takes in every value under `parent`, so it repeats the parent's row.
    case groupRepeatsParent(rule: Int, column: String, group: String, parent: String)
}

/// Why a group was merged, as data. Population thresholds name the values below them (populations are public);
/// a hidden-share condition names none, since which member failed would describe its hidden counts.
public enum RecodingReason: Sendable, Hashable {
    /// A declared group merged without a condition.
    case declaredGroup
    /// A declared group, at least one of whose members fails the condition.
    case declaredGroupMemberFails(AggregateDeclaration.Condition)
    /// `failed` are below the population threshold; `added` joined them so the group reaches it.
    case populationBelow(Int, failed: [String], added: [String], source: PopulationSource)
    /// Members fail a hidden-share condition or were added to make a group of two.
    case hiddenShareAbove(Double)
}

/// Where the populations a rule compares with its threshold come from.
public enum PopulationSource: Sendable, Hashable {
    /// The rule's `populations:` list.
    case listedInRule
    /// The denominator column of each value's total rows.
    case denominator(column: String)
}

/// One merge, as the audit report records it. The reason cites rules and public populations, never a count.
public struct RecodingRecord: Sendable, Hashable {
    public var column: String
    /// Position of the rule in `aggregate:`, from 1.
    public var rule: Int
    public var group: String
    public var members: [String]
    /// The parent the group sits under, when the dimension has one.
    public var parent: String?
    /// The rule's condition; nil for unconditional groups.
    public var condition: AggregateDeclaration.Condition?
    public var reason: RecodingReason
    /// Whether the merged group itself still fails the condition (its small cells are then suppressed); given for
    /// population conditions only, since for `hidden_share_above` it would say which blank cells are small.
    public var groupStillFails: Bool?
}

/// Maps the rows of an aggregate input to the cells of the recoded table. Without recoding it is the identity:
/// row r is cell r.
public struct RecodedRows: Sendable {
    /// Input row (cell of the table as read) → cell of the recoded table.
    public private(set) var cellOfRow: [Int32]
    /// Recoded cell → the input row where it is written: its first member's row.
    public private(set) var firstRow: [Int32]
    /// Recoded cell → how many input rows it sums.
    public private(set) var memberCount: [Int32]

    init(identity count: Int) {
        cellOfRow = (0..<count).map { Int32($0) }
        firstRow = cellOfRow
        memberCount = Array(repeating: 1, count: count)
    }

    public var isIdentity: Bool { memberCount.allSatisfy { $0 == 1 } }

    /// The cell whose row is written at input row `row`, or nil when the row was merged into an earlier one.
    public func cellWritten(atRow row: Int) -> Int? {
        let cell = Int(cellOfRow[row])
        return Int(firstRow[cell]) == row ? cell : nil
    }

    public func isMerged(_ cell: Int) -> Bool { memberCount[cell] > 1 }

    mutating func compose(_ merge: TableRecoder.Output) {
        for row in cellOfRow.indices { cellOfRow[row] = merge.cellMap[Int(cellOfRow[row])] }
        var count = Array(repeating: Int32(0), count: merge.firstCell.count)
        for (old, new) in merge.cellMap.enumerated() { count[Int(new)] += memberCount[old] }
        // New cells are numbered in first-seen order of old cells, whose first rows increase with their index,
        // so a group's first old cell also holds its first row.
        firstRow = merge.firstCell.map { firstRow[Int($0)] }
        memberCount = count
    }
}
