import Foundation

/// Shapes of labels that name a role whatever the column is called.
enum LabelShapes {
    /// `2021`: a year from 1900 to 2100.
    static func isYear(_ label: String) -> Bool {
        guard label.count == 4, let year = Int(label) else { return false }
        return (1900...2100).contains(year)
    }

    /// `2021-03`, `2021-03-15`, `03/15/2021`, `2021Q1`: a month, a day or a quarter.
    static func isDateLike(_ label: String) -> Bool {
        label.wholeMatch(of: /[12][0-9]{3}[-\/](0?[1-9]|1[0-2])([-\/][0-9]{1,2})?/) != nil
            || label.wholeMatch(of: /[0-9]{1,2}\/[0-9]{1,2}\/[12][0-9]{3}/) != nil
            || label.wholeMatch(of: /[12][0-9]{3} ?Q[1-4]/) != nil
    }

    /// `0-17`, `18 to 44`, `65+`, `85 and over`, `Under 5`, `<1`: an age group.
    static func isAgeBand(_ label: String) -> Bool {
        let text = label.lowercased().replacingOccurrences(of: "years", with: "")
            .replacingOccurrences(of: "yrs", with: "").trimmingCharacters(in: .whitespaces)
        return text.wholeMatch(of: /[0-9]{1,3} ?(-|–|to) ?[0-9]{1,3}/) != nil
            || text.wholeMatch(of: /[0-9]{1,3} ?\+/) != nil
            || text.wholeMatch(of: /[0-9]{1,3} ?(and|or) ?(over|older|above|up)/) != nil
            || text.wholeMatch(of: /(under|less than|<) ?[0-9]{1,3}/) != nil
    }

    /// Labels that usually name a total: they are not categories, so they are left out when a column's labels are
    /// matched against a vocabulary.
    static func isTotalLike(_ label: String) -> Bool {
        let text = label.lowercased()
        return ["total", "all", "overall", "statewide", "both sexes", "both", "california", "ca", "state"].contains(text)
            || text.hasPrefix("all ") || text.hasPrefix("total ")
    }

    /// "Unknown", "Missing", "Other": labels of every vocabulary.
    static func isAnyVocabulary(_ label: String) -> Bool {
        let text = label.lowercased()
        return ["unknown", "missing", "other", "not reported", "not stated", "declined", "na", "n/a", "none"]
            .contains(text) || text.hasPrefix("unknown") || text.hasPrefix("other")
    }
}
