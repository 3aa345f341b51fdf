import DeidSupport
import DeidDescription

/// Turns a declared dimension plus the labels seen in the data into a `Dimension`, checking that the two agree.
enum DimensionBuilder {
    /// Labels as they were interned while reading, with the line where each first appeared.
    struct Observed {
        var labels: [String]
        var firstLines: [Int32]
    }

    /// Aggregate input: every label, totals included, is a row value, so ids stay in first-seen order.
    static func aggregate(_ spec: DimensionSpec, observed: Observed, file: String) throws(ModelError) -> Dimension {
        let ids = Dictionary(observed.labels.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        var parent = Array(repeating: Int32(-1), count: observed.labels.count)
        switch spec.structure {
        case .none:
            break
        case .total(let total):
            guard let totalID = ids[total] else {
                throw .totalNeverAppears(label: total, column: spec.column, declared: spec.location)
            }
            for v in parent.indices where Int32(v) != totalID { parent[v] = totalID }
        case .hierarchy(let hierarchy):
            for entry in hierarchy.entries {
                for label in [entry.parent] + entry.children where ids[label] == nil {
                    throw .hierarchyLabelNeverAppears(label: label, column: spec.column, declared: entry.location)
                }
                for child in entry.children {
                    if let c = ids[child], let p = ids[entry.parent] { parent[Int(c)] = p }
                }
            }
            let declared = Set(hierarchy.entries.flatMap { [$0.parent] + $0.children })
            for (v, label) in observed.labels.enumerated() where !declared.contains(label) {
                let at = SourceLocation(file: file, line: Int(observed.firstLines[v]))
                throw .labelNotInHierarchy(
                    label: label, column: spec.column, at: at, declared: spec.location)
            }
        }
        return Dimension(column: spec.column, role: spec.role, labels: observed.labels, parent: parent)
    }

    /// Records input: people carry leaf values; totals are computed. Labels are put in a canonical order
    /// (hierarchy pre-order, total first, otherwise natural sort) so the release does not depend on record order.
    /// Returns the dimension and, for each observed id, its value id in the dimension.
    static func records(_ spec: DimensionSpec, observed: Observed, file: String) throws(ModelError)
        -> (dimension: Dimension, remap: [Int32])
    {
        var labels: [String]
        var parentLabel: [String: String] = [:]
        switch spec.structure {
        case .none:
            labels = observed.labels.sorted(by: naturalLess)
        case .total(let total):
            labels = [total] + observed.labels.filter { $0 != total }.sorted(by: naturalLess)
            for label in labels.dropFirst() { parentLabel[label] = total }
        case .hierarchy(let hierarchy):
            labels = hierarchy.preorder
            parentLabel = hierarchy.parents
        }
        let ids = Dictionary(labels.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        let parent = labels.map { label in parentLabel[label].flatMap { ids[$0] } ?? -1 }
        let dimension = Dimension(column: spec.column, role: spec.role, labels: labels, parent: parent)
        var remap = [Int32]()
        remap.reserveCapacity(observed.labels.count)
        for (v, label) in observed.labels.enumerated() {
            let at = SourceLocation(file: file, line: Int(observed.firstLines[v]))
            guard let id = ids[label] else {
                throw .labelNotInHierarchy(label: label, column: spec.column, at: at, declared: spec.location)
            }
            guard dimension.isLeaf(id) else {
                throw .recordAtTotal(label: label, column: spec.column, at: at)
            }
            remap.append(id)
        }
        return (dimension, remap)
    }
}

/// Orders labels as people read them: digit runs compare as numbers, so `5-9` sorts before `10-14`.
func naturalLess(_ a: String, _ b: String) -> Bool {
    var i = a.unicodeScalars.makeIterator()
    var j = b.unicodeScalars.makeIterator()
    var x = i.next()
    var y = j.next()
    func isDigit(_ s: Unicode.Scalar?) -> Bool { s.map { ("0"..."9").contains($0) } ?? false }
    while let p = x, let q = y {
        if isDigit(p) && isDigit(q) {
            var left = "", right = ""
            while let s = x, isDigit(s) { left.unicodeScalars.append(s); x = i.next() }
            while let s = y, isDigit(s) { right.unicodeScalars.append(s); y = j.next() }
            let l = left.drop { $0 == "0" }, r = right.drop { $0 == "0" }
            if l.count != r.count { return l.count < r.count }
            if l != r { return l < r }
            if left.count != right.count { return left.count < right.count }
        } else {
            if p != q { return p.value < q.value }
            x = i.next()
            y = j.next()
        }
    }
    return x == nil && y != nil
}
