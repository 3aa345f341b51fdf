/// A population as a source gives it: an exact figure (`min == max`) or a band with an open side.
/// Scoring always uses the smallest value the source allows, the riskiest reading.
public struct PopulationFigure: Sendable, Hashable {
    public var min: Int?
    public var max: Int?

    public init(min: Int?, max: Int?) {
        self.min = min
        self.max = max
    }

    public static func exact(_ value: Int) -> PopulationFigure { PopulationFigure(min: value, max: value) }

    /// The value bands are looked up with: the lower bound, or 0 when only an upper bound is known.
    public var scoringValue: Int { min ?? 0 }

    /// "1,204", "300,001–4,000,000", "6,000,001 or more", "12,999 or fewer".
    public var text: String {
        switch (min, max) {
        case (let lo?, let hi?) where lo == hi: lo.grouped
        case (let lo?, let hi?): "\(lo.grouped)–\(hi.grouped)"
        case (let lo?, nil): "\(lo.grouped) or more"
        case (nil, let hi?): "\(hi.grouped) or fewer"
        case (nil, nil): "unknown"
        }
    }
}

extension Int {
    /// Thousands separated with commas, as the DDG writes populations: 39,538,223.
    package var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return self < 0 ? "−" + out : out
    }

    /// Points as the DDG prints them: +5, −5, 0.
    package var signedPoints: String { self > 0 ? "+\(self)" : self < 0 ? "−\(-self)" : "0" }
}
