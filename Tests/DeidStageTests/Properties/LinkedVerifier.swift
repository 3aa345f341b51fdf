import Foundation

@testable import DeidDescription

/// `ReleaseVerifier`'s integer-program attacker over several releases read together: each table's equations
/// derived from its own description, and one more for every cell two tables share (the same labels once the
/// dimensions at their total are left out). The sharing is worked out here from the descriptions and the files,
/// not from deid's linking.
struct LinkedVerifier {
    struct Part {
        var verifier: ReleaseVerifier
        var input: PlainCSV
        var release: PlainCSV
    }

    struct Unreadable: Error {}

    var parts: [Part]

    /// Every hidden cell an attacker holding all the releases can pin down or narrow below the standard.
    func violations() throws -> [String] {
        guard var attacker = parts.first?.verifier else { return [] }
        attacker.integerPrograms = true
        var relations: [(total: Int, parts: [Int])] = []
        var published: [Int?] = []
        var codes: [String] = []
        var places: [String] = []
        var firstRow: [[String: String]: Int] = [:]
        for (t, part) in parts.enumerated() {
            let offset = published.count
            let description = part.verifier.description
            guard let count = part.input.column(description.countColumn) else { throw Unreadable() }
            let dims = description.dimensions.compactMap { part.input.column($0.column) }
            let keys = part.input.rows.map { row in dims.map { row[$0] } }
            let shape = TableShape(
                description: description, labels: description.dimensions.indices.map { d in Array(Set(keys.map { $0[d] })) })
            relations += shape.equations(keys: keys).map { ($0.total + offset, $0.parts.map { $0 + offset }) }
            let tops = shape.parents.map { Set($0.values).subtracting($0.keys) }
            let note = description.annotation.flatMap(part.release.column)
            for (r, row) in part.release.rows.enumerated() {
                published.append(Int(row[count]))
                codes.append(note.map { row[$0] } ?? "")
                places.append("table \(t + 1), line \(r + 2) (\(keys[r].joined(separator: ", ")))")
                var shared: [String: String] = [:]
                for (d, spec) in description.dimensions.enumerated() where !tops[d].contains(keys[r][d]) {
                    shared[spec.column] = keys[r][d]
                }
                if let first = firstRow[shared] { relations.append((first, [offset + r])) } else { firstRow[shared] = offset + r }
            }
        }
        let intervals = try attacker.attack(relations, published: published, codes: codes, cap: 0)
        return intervals.keys.sorted().compactMap { row in
            guard let range = intervals[row], let problem = attacker.standardProblem(range, code: codes[row]) else { return nil }
            return "\(places[row]): \(problem)"
        }
    }
}
