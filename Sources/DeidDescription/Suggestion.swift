/// "Did you mean …?" for misspelt keys, roles and preset names.
enum Suggestion {
    /// The candidate nearest to `word` by edit distance, if it is close enough to be a plausible typo:
    /// at most 2 edits, or a third of the word's length for long words. A tie suggests nothing: for
    /// `calhhs-ddg-3.0`, naming either `1.0` or `2.0` would be a guess about which edition was meant.
    /// A word that is the start of exactly one candidate suggests that candidate.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let typed = Array(word.lowercased())
        // A cut-short word (`fail_at_min`) is a typo however many letters are missing.
        let extensions = candidates.filter { $0.lowercased().hasPrefix(word.lowercased()) }
        if typed.count >= 3, extensions.count == 1 { return extensions[0] }
        let scored = candidates.map { (candidate: $0, distance: editDistance(typed, Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }),
            best.distance <= max(2, typed.count / 3),
            scored.filter({ $0.distance == best.distance }).count == 1
        else { return nil }
        return best.candidate
    }

    /// Levenshtein distance with transpositions counted as one edit (`dimesnions` is one slip, not two).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
