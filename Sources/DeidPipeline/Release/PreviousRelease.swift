import DeidSupport
import DeidRead
import DeidModel
import DeidDescription
import DeidProtect

/// The table's previous release (`release --previous OLD.csv`): which of the new table's cells it hid. A cell
/// hidden last time and shown now would give last time's value away by differencing, so those cells stay hidden
/// (the conservative reading: always, not only when both releases together would fail the audit).
struct PreviousRelease {
    let file: String
    /// The new table's cells (by index) that the previous release hid.
    let hiddenCells: [Int]
    /// Cells the previous release hid that the new table does not have, by their labels there.
    let missing: [[Coordinate]]

    /// Reads the previous release (blank counts allowed, as `check` reads a release) under its own description
    /// (found as for any table, or the one given), and matches its blank cells to `table`'s by their labels.
    static func load(_ path: String, for table: Table, request: ReleaseRequest) throws -> PreviousRelease {
        let context = try DescriptionContext.load(
            source: .file(path), descriptionFile: request.descriptionFile, presetsDirectory: request.presetsDirectory)
        let spool = try InputSpool(.file(path), displayName: path)
        let old = try TableLoader.load(
            spool.source, displayName: path, description: context.description, policy: context.policy, purpose: .check
        ).table
        let columns = table.dimensions.map(\.column)
        let order = columns.compactMap { column in old.dimensions.firstIndex { $0.column == column } }
        guard order.count == columns.count, old.dimensions.count == columns.count else {
            throw DescriptionError.invalidTable(
                SourceLocation(file: context.descriptionFile),
                problem: "the previous release \(path) has the dimension columns "
                    + "\(old.dimensions.map(\.column).joined(separator: ", ")), the new table "
                    + "\(columns.joined(separator: ", ")); an update must have the same ones")
        }
        var cellOf: [[String]: Int] = [:]
        for cell in 0..<(table.rowCells ?? table.cellCount) { cellOf[table.coordinates(of: cell).map(\.value)] = cell }
        var hidden: [Int] = []
        var missing: [[Coordinate]] = []
        for cell in 0..<(old.rowCells ?? old.cellCount) where old.isBlank(cell) {
            let labels = order.map { d in old.dimensions[d].labels[Int(old.value(of: cell, in: d))] }
            if let match = cellOf[labels] { hidden.append(match) } else { missing.append(old.coordinates(of: cell)) }
        }
        return PreviousRelease(file: path, hiddenCells: hidden, missing: missing)
    }

    /// Hides the cells the previous release hid, except zeros (which are never hidden).
    func keepHidden(in pattern: inout Pattern, counts: [Int]) {
        for cell in hiddenCells where counts[cell] != 0 { pattern.hide(cell, .hiddenBefore) }
    }

    /// What the report says of the update, once the new pattern is final.
    func note(pattern: Pattern, table: Table) -> ProtectionNote {
        let kept = Set(hiddenCells.filter { table.counts[$0] != 0 })
        let newlyHidden = pattern.hiddenCells.filter { !kept.contains($0) }.map(table.coordinates(of:))
        let shownAgain = hiddenCells.filter { !kept.contains($0) }.map(table.coordinates(of:))
        return .previousRelease(
            file: file, kept: kept.count, newlyHidden: newlyHidden, newlyShown: shownAgain + missing)
    }
}
