import DeidRead

/// The labels of one table builder per dimension, with the line each label was first seen on: what two builders
/// that read consecutive segments of the same file must merge before their cells can be.
enum SegmentLabels {
    /// Interns every label of `other` into `interners` in `other`'s order, so a label new to the first segment
    /// gets the next id, exactly as if the rows had been read in sequence; its first line is shifted by
    /// `lineOffset`. Returns, per dimension, `other`'s label id → the merged id.
    static func merge(
        into interners: inout [ByteInterner], firstLines: inout [[Int32]],
        from otherInterners: [ByteInterner], otherFirstLines: [[Int32]], lineOffset: Int32
    ) -> [[Int32]] {
        var remaps: [[Int32]] = []
        for d in interners.indices {
            var remap: [Int32] = []
            for (id, label) in otherInterners[d].labels.enumerated() {
                let before = interners[d].count
                remap.append(interners[d].intern(label))
                if interners[d].count != before { firstLines[d].append(otherFirstLines[d][id] + lineOffset) }
            }
            remaps.append(remap)
        }
        return remaps
    }
}
