import DeidModel
import DeidVerify

extension HTMLReport {
    /// Section 2: the Expert Determination template (ddg-rules §8) with the six DDG steps (ddg-rules §2), each with a
    /// summary and a result.
    static func determination(_ report: AuditReport, _ w: inout HTMLWriter) {
        section("determination", "2. Expert Determination: the six DDG steps", &w) { w in
            w.blank("Name of report:", .wide)
            w.element("p", "Table released: \(report.input.file)", ["class": "hint"])
            w.blank("Reason for data release:", .wide)
            w.element(
                "p", "☐ Public Records Act   ☐ media   ☐ legislative   ☐ routine report   ☐ Open Data Portal",
                ["class": "hint"])
            w.element("h3", "Why the release does not meet Safe Harbor")
            if report.safeHarbor.isEmpty {
                w.element("p", "deid detected no reason from the table's dimensions; the reviewer states it.")
            } else {
                w.block("ul") { w in for reason in report.safeHarbor { w.element("li", reason) } }
            }
            w.blank("Other reasons:", .wide)
            step1(report, &w)
            step2(report, &w)
            step3(report, &w)
            step4(report, &w)
            step5and6(&w)
        }
    }

    /// One step: its heading, summary paragraphs (written by `summary`) and a result line.
    static func step(
        _ number: Int, _ name: String, result: String, _ w: inout HTMLWriter, summary: (inout HTMLWriter) -> Void
    ) {
        w.block("div", ["class": "step"]) { w in
            w.element("h3", "Step \(number) – \(name)")
            w.element("p", "Summary", ["class": "label"])
            summary(&w)
            w.block("p", ["class": "step-result"]) { w in
                w.element("strong", "Result: ")
                w.text(result)
            }
        }
    }

    static func step1(_ report: AuditReport, _ w: inout HTMLWriter) {
        guard let assessment = report.assessment else { return }
        let s1 = assessment.step1
        let personal =
            s1.personalCharacteristics
            ? (s1.personalCharacteristicsSource == "declared"
                ? "Yes, declared in the table description (`personal_characteristics`)."
                : "Yes, assumed: the description does not declare `personal_characteristics`, and deid takes the "
                    + "conservative reading (Q22).")
            : "No, declared in the table description (`personal_characteristics: false`)."
        let highRisk: String =
            switch s1.highRisk {
            case ["none"]?: "Declared not to concern a high-risk population (`high_risk: none`)."
            case let list?: "Declared high-risk population: \(list.joined(separator: ", ")) (DDG Ed. 2.0 §5.6.2)."
            case nil: "Not declared (`high_risk:` absent): the table is treated as a high-risk population."
            }
        let result: String =
            if s1.personalCharacteristics {
                "Yes: go to Step 2."
            } else if assessment.decision == .notPersonal {
                "No: statistical review is not required; go to Step 6 (departmental release)."
            } else {
                "No, but a high-risk population is declared, so Step 1 cannot skip masking: go to Step 2."
            }
        step(1, "Presence of Personal Characteristics", result: result, &w) { w in
            w.block("ul") { w in
                w.element("li", "Personal characteristics: \(personal)")
                w.element("li", "High-risk population: \(highRisk)")
            }
        }
    }

    static func step2(_ report: AuditReport, _ w: inout HTMLWriter) {
        guard let assessment = report.assessment else { return }
        let s2 = assessment.step2
        let n = s2.numerator, d = s2.denominator
        var numerator = "Numerator condition (minimum \(n.minimum)): counts are \(n.sourceDescription); "
            + "\(cells(n.failingCells)) with a count from 1 to \(n.minimum - 1)"
        if n.hiddenCells > 0 { numerator += "; \(cells(n.hiddenCells)) blank in the input, which fail too" }
        let boundary = "a denominator of exactly \(d.minimum) \(d.boundary == "fail_at_minimum" ? "fails" : "passes"), Q1"
        var denominator = "Denominator condition (minimum \(d.minimum); \(boundary)): taken from \(d.sourceDescription); "
            + "\(cells(d.failingCells)) below the minimum"
        if d.unknownCells > 0 { denominator += ", \(cells(d.unknownCells)) without a known denominator (they fail)" }
        let result: String =
            if assessment.decision == .notPersonal {
                "Not on the path (Step 1 was no); shown for information."
            } else if s2.passed {
                "Both conditions are met: no masking is needed; go to Step 5."
            } else {
                "The condition fails: go to Step 3."
            }
        step(2, "Numerator–Denominator Condition", result: result, &w) { w in
            w.block("ul") { w in
                w.element("li", numerator + ".")
                w.element("li", denominator + ".")
            }
        }
    }

    static func step5and6(_ w: inout HTMLWriter) {
        step(5, "Legal Review", result: "To be recorded by the legal reviewer in section 5.", &w) { w in
            w.element(
                "p",
                "Required only where departmental procedure asks for it; it depends on the purpose of the release "
                    + "and on HIPAA covered-entity status (DDG §4.5).")
            w.element("p", "☐ Required   ☐ Not required by departmental procedure", ["class": "hint"])
            w.blank("Outcome:", .wide)
        }
        step(6, "Departmental Release Procedures", result: "To be recorded by the release approver in section 5.", &w) { w in
            w.element(
                "p",
                "Program and policy review and approval under departmental procedure (DDG §4.6), e.g. public "
                    + "affairs, accessibility and quality-assurance review; for a recurring report, confirm that "
                    + "the new figures do not change the earlier assessment.")
            w.blank("Outcome:", .wide)
        }
    }

    /// "1 cell", "3 cells".
    static func cells(_ count: Int) -> String { count == 1 ? "1 cell" : "\(count) cells" }
}
