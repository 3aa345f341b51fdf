import Foundation
import DeidRead
import DeidDescription
import DeidModel
import DeidRecode

/// How the release departs from a row-for-row copy of the input: merged rows from recoding (whose rates
/// `MergedRow` recomputes) and the percent column of a rounded-percentages table.
public struct ReleaseLayout: Sendable {
    /// Which input row each release row comes from; nil: row r is cell r.
    public var rows: RecodedRows?
    /// The percent column's name and each cell's text.
    public var percentages: (column: String, texts: [String])?

    public init(rows: RecodedRows? = nil, percentages: (column: String, texts: [String])? = nil) {
        self.rows = rows
        self.percentages = percentages
    }
}

/// The fields of a merged row (a group from recoding): labels from the recoded table, the summed count,
/// denominator and sample size, recomputed rates, and nothing else. Columns deid knows nothing about are left
/// empty, since a member's value would misdescribe the group.
public struct MergedRow: Sendable {
    let table: Table
    let cell: Int
    let description: TableDescription

    /// What column `name` holds for the group; `original` is the first member's field, whose number of decimals
    /// a recomputed denominator keeps.
    public func field(_ name: String, original: UnsafeRawBufferPointer) -> String {
        if let d = table.dimensions.firstIndex(where: { $0.column == name }) {
            return table.dimensions[d].labels[Int(table.value(of: cell, in: d))]
        }
        if name == description.countColumn { return String(table.counts[cell]) }
        if name == description.denominator {
            guard let value = table.denominators?[cell], value.isFinite else { return "" }
            return DecimalText.format(value, decimals: DecimalText.decimals(of: original) ?? 0)
        }
        if name == description.masking.sampleSize, let cases = table.sampleSizes?[cell], cases != Table.blank {
            return String(cases)
        }
        return rateText(name) ?? ""
    }

    /// The group's rate in column `name` when it has a `rates:` formula: count ÷ denominator × multiplier, with
    /// the decimals of its first member's input value; "" when that value was not a plain decimal or the
    /// denominator is not positive. nil for a column without a formula.
    func rateText(_ name: String) -> String? {
        guard let r = description.masking.rates.firstIndex(where: { $0.column == name }) else { return nil }
        let rateCount = description.masking.rates.count
        let decimals = table.marks?.rateDecimals[safe: cell * rateCount + r] ?? -1
        guard decimals >= 0, let denominator = table.denominators?[cell], denominator.isFinite, denominator > 0 else {
            return ""
        }
        let multiplier = description.masking.rates[r].multiplier
        return DecimalText.format(Double(table.counts[cell]) / denominator * multiplier, decimals: Int(decimals))
    }
}
