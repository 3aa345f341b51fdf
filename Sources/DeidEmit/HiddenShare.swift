import DeidModel

/// The share of a table's total count that the release hides. It is reported only when an attacker could
/// compute it anyway — when every slice's grand total is published, the hidden sum equals grand total minus
/// published inner cells. Otherwise (no totals, or a hidden grand total) the share itself would add a new
/// equation about hidden values, so it is withheld.
enum HiddenShare {
    /// `stacked`: the table is a file of stacked breakdowns (`strata:`), whose rows are several breakdowns of the
    /// same people, so no set of its cells partitions the total.
    static func compute(table: Table, pattern: Pattern, stacked: Bool = false) -> (value: Double?, note: String?) {
        if stacked {
            return (nil, "not reported: the file stacks several breakdowns of the same people, so no set of its "
                + "cells adds up to the total once")
        }
        // Several counts share no total, and a cell no row publishes (an incomplete total's remainder, a running
        // total before the first date) is in the sum without being published: the share would add an equation.
        if table.measures != nil {
            return (nil, "not reported: the table has several counts or running totals, which share no total")
        }
        if table.rowCells != nil {
            return (nil, "not reported: the table has cells no row publishes (remainders of incomplete totals), so "
                + "the share would reveal their sum")
        }
        let additive = table.dimensions.indices.filter { table.dimensions[$0].isAdditive }
        guard !additive.isEmpty else {
            return (nil, "not reported: the table has no totals, so the share would reveal the hidden sum")
        }
        var grand = 0
        var hidden = 0
        for cell in 0..<table.cellCount {
            let isSliceRoot = additive.allSatisfy { d in
                table.dimensions[d].parent[Int(table.value(of: cell, in: d))] < 0
            }
            let isInner = additive.allSatisfy { d in table.dimensions[d].isLeaf(table.value(of: cell, in: d)) }
            if isSliceRoot {
                if pattern.isHidden(cell) {
                    return (nil, "not reported: a grand total is hidden, so the share would reveal hidden values")
                }
                grand += table.counts[cell]
            }
            if isInner && pattern.isHidden(cell) { hidden += table.counts[cell] }
        }
        guard grand > 0 else { return (0, nil) }
        // Four decimals: enough for a reviewer, and derivable from the published totals anyway.
        return ((Double(hidden) / Double(grand) * 10_000).rounded() / 10_000, nil)
    }
}
