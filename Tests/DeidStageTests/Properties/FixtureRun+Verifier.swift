import Foundation

@testable import DeidDescription

/// What the property tests read back from a release: the input and the release as plain CSV, an independent
/// verifier, and the report's intervals by row.
extension FixtureRun {
    var input: PlainCSV { get throws { try PlainCSV(file: tablePath) } }

    func released() throws -> PlainCSV { try PlainCSV(file: outputPath) }

    func verifier(nodeBudget: Int = 200_000) throws -> ReleaseVerifier {
        let (description, policy) = try rules()
        var verifier = ReleaseVerifier(description: description, policy: policy)
        verifier.nodeBudget = nodeBudget
        return verifier
    }

    /// The report's hidden cells: data row (0-based) → audited interval (upper nil: unbounded), label mode.
    /// The report's intervals by input row; `exact` false for an outer bound (the attacker's interval lies inside).
    func reportedIntervals() throws -> (intervals: [Int: (lower: Int, upper: Int?, exact: Bool)], labels: String?) {
        let object = try JSONSerialization.jsonObject(with: bytes(reportPath)) as? [String: Any]
        let cells = object?["hidden_cells"] as? [[String: Any]] ?? []
        var intervals: [Int: (lower: Int, upper: Int?, exact: Bool)] = [:]
        let input = try input
        let dims = try rules().description.dimensions.compactMap { input.column($0.column) }
        let rowOf = Dictionary(input.rows.enumerated().map { r, row in (dims.map { row[$0] }, r) }, uniquingKeysWith: { a, _ in a })
        for cell in cells {
            let key = (cell["cell"] as? [[String: String]] ?? []).compactMap { $0["value"] }
            let interval = cell["interval"] as? [String: Any]
            guard let row = rowOf[key], let lower = interval?["lower"] as? Int else { continue }
            intervals[row] = (lower, interval?["upper"] as? Int, (interval?["exact"] as? Bool) ?? true)
        }
        let labels = ((object?["summary"] as? [String: Any])?["labels"] as? [String: Any])?["mode"] as? String
        return (intervals, labels)
    }
}
