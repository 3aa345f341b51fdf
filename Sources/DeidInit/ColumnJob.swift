import DeidDescription

/// What `deid init` decided a column is, with the evidence written beside it in the description.
enum ColumnJob {
    /// `role` nil: a dimension whose role init could not tell (a TODO).
    case dimension(role: DimensionRole?, evidence: String)
    case count(evidence: String)
    case denominator(evidence: String)
    case derived(evidence: String)
    /// A person identifier in records: counted, never published.
    case identifier(evidence: String)
    case annotation(evidence: String)
    /// A column init cannot place (a TODO): release refuses numbers it does not understand.
    case undecided(question: String)
}

/// Words of a column name that say what it holds: whole words, and stems any word may start with.
struct NameVocabulary {
    var words: Set<String> = []
    var stems: [String] = []
}

enum ColumnWords {
    static let time = NameVocabulary(
        words: ["yr", "day", "week", "period", "fy"], stems: ["year", "month", "date", "quarter", "fiscal"])
    static let age = NameVocabulary(words: ["age", "ages"], stems: ["agegroup", "age_"])
    static let sex = NameVocabulary(words: ["sex", "gender"], stems: [])
    static let race = NameVocabulary(words: [], stems: ["race", "ethnic"])
    static let denominator = NameVocabulary(
        words: ["pop", "denom", "n_total"], stems: ["population", "denominator", "eligible", "census"])
    static let derived = NameVocabulary(
        words: ["per", "%", "share", "pct"],
        stems: ["rate", "percent", "ratio", "proportion", "mean", "average", "avg", "median", "prevalence"])
    static let cumulative = NameVocabulary(words: ["cum", "ytd", "running"], stems: ["cumulative", "todate"])
    static let count = NameVocabulary(
        words: ["n", "num", "number", "count", "total", "cases", "case"],
        stems: [
            "count", "death", "birth", "visit", "patient", "person", "people", "admission", "hospitali", "discharge",
            "event", "client", "beneficiar", "test", "enrollee", "encounter", "user", "recipient", "case",
        ])
    static let identifier = NameVocabulary(words: ["id", "mrn", "ssn", "key", "identifier"], stems: ["record"])
    static let annotation = NameVocabulary(
        words: ["note", "notes", "flag", "code"], stems: ["annotation", "footnote", "suppress"])
    static let geography = NameVocabulary(
        words: ["zip", "lhj", "city", "place"], stems: ["county", "counties", "tract", "jurisdiction", "region", "geograph", "zcta"])
    static let serviceGeography = NameVocabulary(
        words: [], stems: ["facility", "provider", "service", "clinic", "hospital", "site"])
}
