import Foundation
@testable import DeidDescription

/// A CSV table as plain strings, split without deid's reader. The tables these tests write and deid releases
/// hold no quotes, commas inside fields or line breaks inside fields; a quote is refused rather than guessed at.
struct PlainCSV: Equatable {
    struct QuotedField: Error {}

    var header: [String]
    var rows: [[String]]

    init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    init(text: String) throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let split = try lines.map { line in
            if line.contains("\"") { throw QuotedField() }
            return line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        header = split.first ?? []
        rows = Array(split.dropFirst())
    }

    init(file: String) throws {
        try self.init(text: String(contentsOfFile: file, encoding: .utf8))
    }

    var text: String { ([header] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n" }

    func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}

/// How a table's values add up, read from what the description declares (a flat total, a hierarchy, or
/// nothing), not from deid's relations: the equations below are derived here from scratch.
struct TableShape {
    /// Per dimension, each value's parent value (absent for a top value).
    var parents: [[String: String]]

    init(description: TableDescription, labels: [[String]]) {
        parents = zip(description.dimensions, labels).map { spec, seen in
            switch spec.structure {
            case .none:
                return [:]
            case .total(let total):
                return Dictionary(uniqueKeysWithValues: seen.filter { $0 != total }.map { ($0, total) })
            case .hierarchy(let tree):
                var parent: [String: String] = [:]
                for entry in tree.entries { for child in entry.children { parent[child] = entry.parent } }
                return parent
            }
        }
    }

    /// Every `total = Σ parts` among the rows: for each row and each dimension in which its value has
    /// children, the rows that differ only by one of those children.
    func equations(keys: [[String]]) -> [(total: Int, parts: [Int])] {
        let row = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var children: [[String: [String]]] = parents.map { _ in [:] }
        for (d, parent) in parents.enumerated() {
            for (child, p) in parent { children[d][p, default: []].append(child) }
        }
        var result: [(total: Int, parts: [Int])] = []
        for (r, key) in keys.enumerated() {
            for d in key.indices {
                guard let kids = children[d][key[d]] else { continue }
                let parts = kids.compactMap { kid -> Int? in
                    var other = key
                    other[d] = kid
                    return row[other]
                }
                result.append((r, parts))
            }
        }
        return result
    }
}

/// What an attacker holding a release can deduce, and whether the release keeps the promises deid makes.
struct ReleaseVerifier {
    struct Verdict {
        /// Broken promises, in words; empty for a good release.
        var violations: [String] = []
        /// Rows (0-based, data rows) whose count the release hides.
        var hidden: [Int] = []
        /// Each hidden row's interval knowing the published numbers and the annotation codes (a generic code
        /// says nothing; distinct codes bound small and complementary cells); upper nil: unbounded.
        var intervals: [Int: (lower: Int, upper: Int?)] = [:]
        /// The search ran out of budget: the interval promise is unverified for this table.
        var inconclusive = false
    }

    let description: TableDescription
    let policy: Policy
    var nodeBudget = 200_000
    /// Solve integer programs (GLPK) instead of searching by brute force: for tables too large for the search.
    var integerPrograms = false

    var smallMax: Int { policy.numerator.minimum - 1 }

    /// Compares the release with its input and re-derives every hidden cell's interval by brute force.
    func verify(input: PlainCSV, release: PlainCSV) -> Verdict {
        var verdict = Verdict()
        func fail(_ text: String) { verdict.violations.append(text) }
        let annotation = description.annotation
        let expectedHeader = input.header + (annotation.map { [$0] } ?? [])
        guard release.header == expectedHeader else {
            fail("header \(release.header) is not the input's \(expectedHeader)")
            return verdict
        }
        guard release.rows.count == input.rows.count else {
            fail("\(release.rows.count) rows, the input has \(input.rows.count)")
            return verdict
        }
        guard let count = input.column(description.countColumn) else {
            fail("no count column")
            return verdict
        }
        let derived = description.derived.compactMap(input.column)
        let note = annotation.flatMap(release.column)
        let dims = description.dimensions.compactMap { input.column($0.column) }

        var published: [Int?] = []
        for (r, (out, original)) in zip(release.rows, input.rows).enumerated() {
            let line = r + 2
            for i in input.header.indices where i != count && !derived.contains(i) && out[i] != original[i] {
                fail("line \(line): column \(input.header[i]) changed")
            }
            if out[count].isEmpty {
                published.append(nil)
                verdict.hidden.append(r)
                if original[count] == "0" { fail("line \(line): a zero is hidden") }
                for i in derived where !out[i].isEmpty { fail("line \(line): \(input.header[i]) published for a hidden count") }
                if let note, out[note].isEmpty { fail("line \(line): hidden without an annotation") }
            } else {
                guard let value = Int(out[count]), out[count] == original[count] else {
                    fail("line \(line): published count differs from the input")
                    published.append(nil)
                    continue
                }
                published.append(value)
                if (1...smallMax).contains(value) { fail("line \(line): a count below \(smallMax + 1) is published") }
                for i in derived where out[i] != original[i] { fail("line \(line): \(input.header[i]) changed") }
                if let note, !out[note].isEmpty { fail("line \(line): annotation on a published cell") }
            }
        }
        guard verdict.violations.isEmpty else { return verdict }

        let keys = input.rows.map { row in dims.map { row[$0] } }
        let labels = description.dimensions.indices.map { d in Array(Set(keys.map { $0[d] })) }
        let shape = TableShape(description: description, labels: labels)
        let total = input.rows.reduce(0) { $0 + (Int($1[count]) ?? 0) }
        let codes = note.map { n in release.rows.map { $0[n] } } ?? Array(repeating: "", count: release.rows.count)
        do {
            let equations = shape.equations(keys: keys)
            let cap = 2 * total + 50
            let aware = try attack(equations, published: published, codes: codes, cap: cap)
            verdict.intervals = aware
            for r in verdict.hidden {
                guard let range = aware[r] else { continue }
                if let problem = standardProblem(range, code: codes[r]) {
                    fail("line \(r + 2) (\(keys[r].joined(separator: ", "))): \(problem)")
                }
            }
        } catch is CompletionSearch.BudgetExceeded {
            verdict.inconclusive = true
        } catch {
            fail("the published numbers admit no completion: \(error)")
        }
        return verdict
    }

    struct NoCompletion: Error {}

    /// Each hidden row's interval; `codes` nil ignores annotations, otherwise they constrain the cells as the
    /// policy's codes say (small number: 1…smallMax, complementary: above it).
    ///
    /// By brute force, the search needs finite bounds, so every cell is capped; a cell whose largest value grows
    /// when the cap is doubled is unbounded (nil). The cap is far above any published number, so a bounded cell
    /// never reaches it and a lower bound never depends on it. With `integerPrograms`, each interval is the
    /// minimum and maximum of an integer program instead (no cap: an unbounded maximum is nil).
    func attack(
        _ relations: [(total: Int, parts: [Int])], published: [Int?], codes: [String]?, cap: Int
    ) throws -> [Int: (lower: Int, upper: Int?)] {
        if integerPrograms {
            let problem = try completionProblem(relations, published: published, codes: codes, cap: nil)
            let ranges = try IntegerAttack(problem: problem).intervals()
            return Dictionary(uniqueKeysWithValues: zip(problem.rows, ranges).map { ($0, $1) })
        }
        let near = try capped(relations, published: published, codes: codes, cap: cap)
        let far = try capped(relations, published: published, codes: codes, cap: 2 * cap + 1)
        return near.reduce(into: [:]) { result, entry in
            let (row, range) = entry
            let grows = far[row].map { $0.upperBound > range.upperBound } ?? true
            result[row] = (range.lowerBound, grows ? nil : range.upperBound)
        }
    }

    private func capped(
        _ relations: [(total: Int, parts: [Int])], published: [Int?], codes: [String]?, cap: Int
    ) throws -> [Int: ClosedRange<Int>] {
        let problem = try completionProblem(relations, published: published, codes: codes, cap: cap)
        var search = CompletionSearch(
            count: problem.rows.count, equations: problem.equations, lower: problem.lower,
            upper: problem.upper.map { $0 ?? cap })
        search.nodeBudget = nodeBudget
        var result: [Int: ClosedRange<Int>] = [:]
        for (v, row) in problem.rows.enumerated() {
            guard let range = try search.interval(of: v) else { throw NoCompletion() }
            result[row] = range
        }
        return result
    }

    /// The hidden rows as unknowns (variable v is row `rows[v]`), the relations with published values moved to
    /// the right-hand side, and each unknown's bounds: at least 1 (a hidden cell is not zero) and what its code
    /// says; `cap` bounds the rest from above (nil: unbounded).
    private func completionProblem(
        _ relations: [(total: Int, parts: [Int])], published: [Int?], codes: [String]?, cap: Int?
    ) throws -> CompletionProblem {
        let hidden = published.indices.filter { published[$0] == nil }
        let variable = Dictionary(uniqueKeysWithValues: hidden.enumerated().map { ($1, $0) })
        var equations: [CompletionSearch.Equation] = []
        for relation in relations {
            var terms: [(variable: Int, sign: Int)] = []
            var rhs = 0
            for (row, sign) in [(relation.total, 1)] + relation.parts.map({ ($0, -1) }) {
                if let v = variable[row] { terms.append((v, sign)) } else { rhs -= sign * (published[row] ?? 0) }
            }
            if terms.isEmpty {
                if rhs != 0 { throw NoCompletion() }
                continue
            }
            equations.append(.init(terms: terms, rhs: rhs))
        }
        var lower = Array(repeating: 1, count: hidden.count)
        var upper: [Int?] = Array(repeating: cap, count: hidden.count)
        if let codes {
            for (v, row) in hidden.enumerated() {
                if codes[row] == policy.labels.primaryCode { upper[v] = smallMax }
                if codes[row] == policy.labels.complementaryCode { lower[v] = smallMax + 1 }
            }
        }
        return CompletionProblem(rows: hidden, equations: equations, lower: lower, upper: upper)
    }

    /// deid's protection standard (Sources/DeidAudit/CellInterval.swift), restated: nil when met.
    func standardProblem(_ range: (lower: Int, upper: Int?), code: String) -> String? {
        let exact = range.upper == range.lower
        let shown = "[\(range.lower), \(range.upper.map(String.init) ?? "∞")]"
        if code == policy.labels.primaryCode {
            return range.lower == 1 && range.upper == smallMax ? nil : "labelled small but narrowed to \(shown)"
        }
        if exact { return "exactly determined" }
        if code == policy.labels.complementaryCode || range.lower > smallMax { return nil }
        guard let upper = range.upper else { return nil }
        return upper - range.lower >= policy.audit.minIntervalWidth ? nil : "could be small and is narrowed to \(shown)"
    }
}
