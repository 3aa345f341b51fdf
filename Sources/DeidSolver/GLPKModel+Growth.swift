import CGLPK

/// Growing a model between solves (complementary suppression's network of hidden cells gains a column each time
/// a cell is hidden). The previous basis stays usable: GLPK enters a new row into the basis and leaves a new
/// column non-basic at a bound, so the dual simplex warm-starts as after a bound change.
extension GLPKModel {
    var rowCount: Int { Int(glp_get_num_rows(problem)) }

    /// Appends `count` equations `Σ = 0` without coefficients; returns the index of the first.
    package func appendZeroRows(_ count: Int) -> Int {
        precondition(count > 0 && rowCount + count < Int(Int32.max), "row count outside GLPK's range")
        let first = Int(glp_add_rows(problem, Int32(count))) - 1
        for i in first..<(first + count) { glp_set_row_bnds(problem, Int32(i + 1), GLP_FX, 0, 0) }
        return first
    }

    /// Appends a column with bounds `lower…upper` (nil: none above) and its coefficients in existing rows;
    /// returns its index.
    package func appendColumn(lower: Int, upper: Int?, rows: [Int32], coefficients: [Int32]) -> Int {
        precondition(rows.count == coefficients.count && columnCount + 1 < Int(Int32.max), "malformed column")
        precondition(Set(rows).count == rows.count, "a duplicate row in a column aborts GLPK")
        let rowTotal = rowCount
        precondition(rows.allSatisfy { $0 >= 0 && Int($0) < rowTotal }, "row index outside the model")
        let j = Int(glp_add_cols(problem, 1)) - 1
        columnCount += 1
        setBounds(column: j, lower: lower, upper: upper)
        // GLPK's arrays are 1-based: element 0 is ignored.
        let indices = [Int32(0)] + rows.map { $0 + 1 }
        let values = [0.0] + coefficients.map(Double.init)
        glp_set_mat_col(problem, Int32(j + 1), Int32(rows.count), indices, values)
        return j
    }
}
