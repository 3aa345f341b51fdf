/// How a dimension's labels add up, in the words the description uses.
enum DraftStructure: Sendable {
    case none(note: String)
    case total(label: String, evidence: String)
    case hierarchy(root: String, children: [(parent: String, members: [String])], evidence: String)
    /// Something that looks like a total but does not add up: a question for the user.
    case undecided(question: String)
}

extension TotalFinder {
    /// The structure of dimension `d` with labels `values`: a known hierarchy of regions first, then a flat total.
    func structure(of d: Int, values: ColumnValues, vocabulary: Vocabulary) -> DraftStructure {
        let bySlice = slices(of: d)
        if let tree = regionHierarchy(in: bySlice, values: values, vocabulary: vocabulary) { return tree }
        let totals = flatTotals(in: bySlice)
        let named = totals.filter { LabelShapes.isTotalLike(values.distinct[Int($0.label)]) }
        if let total = (named.first ?? (totals.count == 1 ? totals.first : nil)) {
            let label = values.distinct[Int(total.label)]
            return .total(label: label, evidence: "'\(label)' is the sum of the other labels in all \(total.slices) slices that show it")
        }
        if let candidate = values.distinct.first(where: { LabelShapes.isTotalLike($0) }),
            let id = values.index[candidate]
        {
            let (failing, told) = failures(of: id, in: bySlice)
            if told > 0 {
                return .undecided(question: "'\(candidate)' looks like a total but the other labels do not add up to it in "
                    + "\(failing) of \(told) slices: an incomplete total (declare `total:` with `remainder:`), a "
                    + "hierarchy (`hierarchy:`), or no total")
            }
        }
        return .none(note: "no label is the sum of the others")
    }

    /// The hierarchy a parent column gives, when every parent adds up in the counts.
    func structure(of d: Int, values: ColumnValues, parentColumn name: String, _ parent: ColumnValues) -> DraftStructure {
        guard let tree = ParentColumn.tree(child: values, parent: parent) else { return .none(note: "") }
        let ids = tree.children.compactMap { child -> (parent: Int32, members: [Int32])? in
            guard let parent = values.index[child.parent] else { return nil }
            return (parent, child.members.compactMap { values.index[$0] })
        }
        guard let shown = holds(ids, in: slices(of: d)), shown > 0 else {
            return .undecided(question: "'\(name)' names each label's parent, but the counts do not add up to the "
                + "parents it names: declare the `hierarchy:` by hand (or `remainder:` for parents that include "
                + "labels not shown)")
        }
        return .hierarchy(
            root: tree.root, children: tree.children,
            evidence: "from the parent column '\(name)'; every parent is the sum of its members in the \(shown) "
                + "places where the table shows them")
    }

    /// California → the Census regions present → their counties present, when the table has at least two regions
    /// and every parent adds up.
    private func regionHierarchy(in bySlice: Slices, values: ColumnValues, vocabulary: Vocabulary) -> DraftStructure? {
        let present = vocabulary.regions.filter { values.index[$0.region] != nil }
        guard present.count >= 2 else { return nil }
        let rootLabel = values.distinct.first { vocabulary.geography[Vocabulary.key($0)] == "state" }
        let children = present.map { region in
            (parent: region.region, members: region.counties.filter { values.index[$0] != nil })
        }
        var tree = children.compactMap { child -> (parent: Int32, members: [Int32])? in
            guard let parent = values.index[child.parent] else { return nil }
            return (parent, child.members.compactMap { values.index[$0] })
        }
        if let rootLabel, let root = values.index[rootLabel] {
            tree.append((root, present.compactMap { values.index[$0.region] }))
        }
        guard let rootLabel, let shown = holds(tree, in: bySlice), shown > 0 else { return nil }
        let named = [(parent: rootLabel, members: present.map(\.region))] + children
        return .hierarchy(
            root: rootLabel, children: named,
            evidence: "\(present.count) Census regions of California counties; every parent is the sum of its members "
                + "in the \(shown) places where the table shows them")
    }
}
