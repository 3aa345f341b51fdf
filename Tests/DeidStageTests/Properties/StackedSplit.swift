import Foundation

@testable import DeidDescription

/// Splits a stacked file (a stratum-type and a stratum-value column) into one complete table per widest stratum
/// type, as a reader would by hand, for `LinkedVerifier` to attack all of them at once: the table of
/// `Gender * Race-Ethnicity` holds its own rows and those of `Gender`, `Race-Ethnicity` and the whole population,
/// each variable in a column of its own, at `whole` where the row's stratum does not break it down. Worked out
/// from the file and these few facts, not from deid's strata reading.
struct StackedSplit {
    /// The columns that stay as they are (every dimension but the strata), in the file's order.
    var plainColumns: [String]
    /// Each stratum type's variables (the whole population's: none).
    var variables: [String: [String]]
    var typeColumn = "Strata"
    var valueColumn = "Strata_Name"
    var separator = " * "
    var whole = "Total Population"
    var countColumn = "Count"
    /// A variable whose total may hold people no row shows, and the name its remainder rows get.
    var remainder: (variable: String, name: String)?

    /// The widest stratum types: those no other contains.
    var widest: [[String]] {
        let sets = Set(variables.values.map { Set($0) })
        return sets.filter { set in !sets.contains { $0 != set && $0.isSuperset(of: set) } }
            .map { set in allVariables.filter(set.contains) }
            .sorted { $0.joined() < $1.joined() }
    }

    var allVariables: [String] { Array(Set(variables.values.joined())).sorted() }

    /// One table per widest stratum type: its header, the input's rows and the release's rows. A remainder row
    /// (the total less its listed parts) is added beside every row at the remainder variable's total: in the
    /// release it is published when the input's numbers give it as 0 or more than `smallMax` (an attacker
    /// computes it, or it holds no small count) and blank otherwise, like the small count it is.
    func tables(input: PlainCSV, release: PlainCSV, smallMax: Int) throws -> [(header: [String], input: [[String]], release: [[String]])] {
        try widest.map { vars in
            let header = plainColumns + vars + [countColumn]
            var inputRows: [[String]] = []
            var releaseRows: [[String]] = []
            for (row, out) in zip(input.rows, release.rows) {
                let type = row[try column(typeColumn, input)]
                guard let own = variables[type], Set(own).isSubset(of: vars) else { continue }
                let values = type == whole ? [] : row[try column(valueColumn, input)].components(separatedBy: separator)
                let labels = vars.map { v in own.firstIndex(of: v).map { values[$0] } ?? whole }
                let plain = try plainColumns.map { row[try column($0, input)] }
                let count = try column(countColumn, input)
                inputRows.append(plain + labels + [row[count]])
                releaseRows.append(plain + labels + [out[count]])
            }
            guard let remainder, let d = vars.firstIndex(of: remainder.variable) else {
                return (header, inputRows, releaseRows)
            }
            let extra = remainderRows(inputRows, variable: plainColumns.count + d, name: remainder.name, smallMax: smallMax)
            return (header, inputRows + extra.map(\.input), releaseRows + extra.map(\.release))
        }
    }

    private func remainderRows(_ rows: [[String]], variable d: Int, name: String, smallMax: Int)
        -> [(input: [String], release: [String])]
    {
        var partsSum: [[String]: Int] = [:]
        for row in rows where row[d] != whole {
            var key = row
            key[d] = whole
            key.removeLast()
            partsSum[key, default: 0] += Int(row.last ?? "") ?? 0
        }
        return rows.filter { $0[d] == whole }.map { row in
            var key = row
            key.removeLast()
            let rest = (Int(row.last ?? "") ?? 0) - partsSum[key, default: 0]
            var named = key
            named[d] = name
            let known = rest == 0 || rest > smallMax
            return (named + [String(rest)], named + [known ? String(rest) : ""])
        }
    }

    private func column(_ name: String, _ table: PlainCSV) throws -> Int {
        guard let i = table.column(name) else { throw LinkedVerifier.Unreadable() }
        return i
    }
}
