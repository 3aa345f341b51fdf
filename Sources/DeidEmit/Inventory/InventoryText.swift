import DeidAssess
import DeidInventory

/// The words of an inventory: why each column has its status, and what the quasi-identifier measure found.
/// Counts and shares only; no value of any column.
enum InventoryText {
    static func reason(_ reason: StatusReason) -> String {
        switch reason {
        case .declared(let file): "declared in \(file)"
        case .content(let rule, let shape, let values):
            "\(rule): \(count(values, "value")) \(values == 1 ? "looks" : "look") like \(shapeName(shape))"
        case .name(let rule): "\(rule): named as one"
        case .agesOver(let rule, let over, let values):
            "\(rule): \(count(values, "age")) over \(over); group them as \"\(over + 1) or older\""
        case .zip3(let rule, let areas, let restricted, let population):
            restricted > 0
                ? "\(rule ?? "geography"): \(count(restricted, "3-digit ZIP area")) of \(areas) \(restricted == 1 ? "holds" : "hold") "
                    + "\(population.grouped) people or fewer; replace \(restricted == 1 ? "it" : "them") with 000"
                : "\(count(areas, "3-digit ZIP area")), each of more than \(population.grouped) people (allowed by Safe Harbor)"
        case .zip5(let rule, let areas, let restricted, let population):
            "\(rule): 5-digit ZIP codes; cut to 3 digits, \(count(areas, "area")) would remain, "
                + (restricted == 0 ? "each of more than \(population.grouped) people"
                    : "\(restricted) of them of \(population.grouped) people or fewer (to become 000)")
        case .nearlyUnique(let rule, let share):
            "\(rule): \(percent(share)) of its values are distinct"
        case .yearsOnly: "dates given as years only (allowed by Safe Harbor)"
        case .quasiIdentifierName: "named as a quasi-identifier"
        case .ageInYears(let over): "ages in years, none over \(over)"
        case .nothingFound: "no identifier found by name or content"
        }
    }

    static func shapeName(_ shape: ValueShape) -> String {
        switch shape {
        case .email: "email addresses"
        case .ssn: "Social Security numbers"
        case .phone: "telephone numbers"
        case .url: "web addresses"
        case .ipv4: "IP addresses"
        case .fullDate: "full dates"
        case .yearMonth: "year and month"
        case .zipPlus4: "ZIP+4 codes"
        default: "identifying values"
        }
    }

    static func status(_ status: ColumnStatus) -> String {
        switch status {
        case .identifier: "identifier: remove or transform before sharing"
        case .quasiIdentifier: "quasi-identifier: share only as reviewed below"
        case .other: "other"
        }
    }

    static func measure(_ m: QuasiIdentifierMeasure) -> String {
        switch m.notMeasured {
        case .noQuasiIdentifiers?:
            return "No column is a quasi-identifier, so no combination was measured."
        case .tooManyCombinations(let limit)?:
            return "Not measured: the quasi-identifiers take more than \(limit.grouped) combinations of values."
        case .untracked(let columns)?:
            return "Not measured: \(columns.joined(separator: ", ")) also \(columns.count == 1 ? "holds" : "hold") "
                + "identifying values and \(columns.count == 1 ? "was" : "were") not counted in combination."
        case nil:
            let small = m.smallGroups == 0
                ? "no group has 1 to \(m.smallGroupMax) records"
                : "\(count(m.smallGroups, "group")) of 1 to \(m.smallGroupMax) records hold \(count(m.recordsInSmallGroups, "record")) "
                    + "(counted, not listed)"
            return "\(m.columns.joined(separator: ", ")): \(count(m.groups, "combination")) of values; the smallest group "
                + "has \(count(m.k, "record")) (k = \(m.k.grouped)); \(count(m.uniqueRecords, "record")) "
                + "\(m.uniqueRecords == 1 ? "is" : "are") unique on them; \(small)."
        }
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n.grouped) \(noun)\(n == 1 ? "" : "s")" }

    static func percent(_ share: Double) -> String {
        let value = (share * 1000).rounded() / 10
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }
}
