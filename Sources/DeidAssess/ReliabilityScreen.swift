import DeidSupport
import DeidDescription
import DeidModel

/// Survey data (DDG Ed. 2.0 §5.2, T13): published estimates whose denominator has fewer sample cases than the
/// policy's minimum. Zeros are exempt, as in `release`.
public enum ReliabilityScreen {
    /// Non-zero estimates on fewer sample cases than the policy's minimum; empty unless the table is survey data.
    public static func unreliableCells(in table: Table, description: TableDescription, policy: Policy) -> [Int] {
        guard description.masking.data == .survey, let cases = table.sampleSizes else { return [] }
        return (0..<table.cellCount).filter { cell in
            table.counts[cell] != 0 && cases[cell] != Table.blank
                && policy.survey.isUnreliable(sampleCases: cases[cell])
        }
    }

    public static func findings(in table: Table, description: TableDescription, policy: Policy) -> [Finding] {
        let unreliable = unreliableCells(in: table, description: description, policy: policy)
        let column = description.masking.sampleSize ?? ""
        return unreliable.filter { !table.isBlank($0) }.map { cell in
            Finding(
                .unreliableEstimate(
                    column: column, minSampleCases: policy.survey.minSampleCases,
                    annotationCode: policy.labels.unreliableCode),
                location: table.location(of: cell), cell: table.coordinates(of: cell))
        }
    }
}
