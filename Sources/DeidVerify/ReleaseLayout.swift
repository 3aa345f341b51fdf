import Foundation
import DeidRead
import DeidDescription
import DeidModel
import DeidRecode

/// How the release departs from a row-for-row copy of the input: merged rows from recoding, recomputed rates,
/// and the percent column of a rounded-percentages table.
public struct ReleaseLayout: Sendable {
    /// Which input row each release row comes from; nil: row r is cell r.
    public var rows: RecodedRows?
    /// Formulas of derived columns, to recompute them on merged rows.
    public var rates: [RateFormula]
    /// The percent column's name and each cell's text.
    public var percentages: (column: String, texts: [String])?

    public init(rows: RecodedRows? = nil, rates: [RateFormula] = [], percentages: (column: String, texts: [String])? = nil) {
        self.rows = rows
        self.rates = rates
        self.percentages = percentages
    }

    /// A row-for-row copy with hidden values blanked.
    public static let plain = ReleaseLayout()
}

/// The fields of a merged row (a group from recoding): labels from the recoded table, the summed count,
/// denominator and sample size, recomputed rates, and nothing else. Columns deid knows nothing about are left
/// empty, since a member's value would misdescribe the group.
package struct MergedRow {
    let table: Table
    let cell: Int
    let description: TableDescription
    let rates: [String: Double]

    /// What column `name` holds for the group; `original` is the first member's field, whose number of decimals
    /// a recomputed value keeps.
    package func field(_ name: String, original: UnsafeRawBufferPointer) -> String {
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
        if let multiplier = rates[name] {
            guard let decimals = DecimalText.decimals(of: original),
                let denominator = table.denominators?[cell], denominator.isFinite, denominator > 0
            else { return "" }
            return DecimalText.format(Double(table.counts[cell]) / denominator * multiplier, decimals: decimals)
        }
        return ""
    }

    package init(table: Table, cell: Int, description: TableDescription, rates: [String: Double]) {
        self.table = table
        self.cell = cell
        self.description = description
        self.rates = rates
    }
}

/// Plain decimal numbers as tables print them.
enum DecimalText {
    /// Digits after the point of a plain decimal (`12`, `94.7`, `0.035`); nil for anything else.
    static func decimals(of bytes: UnsafeRawBufferPointer) -> Int? {
        guard NumberParser.decimal(bytes) != nil else { return nil }
        var seenPoint = false
        var decimals = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "."): seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
            default: if seenPoint { decimals += 1 }
            }
        }
        return decimals
    }

    /// `value` with exactly `decimals` digits after the point, halves rounded away from zero.
    static func format(_ value: Double, decimals: Int) -> String {
        guard decimals <= 12 else { return String(value) }
        let scale = pow(10.0, Double(decimals))
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled.isFinite, abs(scaled) < 9e15 else { return String(value) }
        let units = Int64(scaled)
        guard decimals > 0 else { return String(units) }
        let power = Int64(scale)
        let whole = abs(units) / power
        let fraction = String(abs(units) % power)
        let sign = units < 0 ? "-" : ""
        return "\(sign)\(whole)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
