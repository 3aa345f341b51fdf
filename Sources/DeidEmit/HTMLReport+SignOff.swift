extension HTMLReport {
    /// Section 5: the signatures, left blank to be filled in on paper (ddg-rules §8, "Steps 5–6 sign-offs").
    static func signOff(_ w: inout HTMLWriter) {
        section("sign-off", "5. Review and sign-off", &w) { w in
            signature("Statistical De-Identification Expert", &w) { w in
                w.element("p", attestation, ["class": "attestation"])
                w.blank("Name:")
                w.blank("Role or title:")
            }
            signature("Legal reviewer (Step 5)", &w) { w in
                w.element(
                    "p", "☐ Approved   ☐ Approved with conditions   ☐ Not approved   ☐ Not required", ["class": "hint"])
                w.blank("Name:")
                w.blank("Conditions or comments:", .wide)
            }
            signature("Departmental release approver (Step 6)", &w) { w in
                w.blank("Name:")
                w.blank("Role or title:")
            }
            signature("Quality-assurance reviewer", &w) { w in
                w.blank("Name:")
            }
        }
    }

    /// 45 CFR 164.514(b)(1), as the DDG's Expert Determination template asks the expert to attest it.
    static let attestation =
        "I have applied generally accepted statistical and scientific principles and methods for rendering "
        + "information not individually identifiable, and I determine that the risk is very small that the "
        + "information could be used, alone or in combination with other reasonably available information, by an "
        + "anticipated recipient to identify an individual who is a subject of the information. The methods and "
        + "results of the analysis that justify this determination are documented in this report "
        + "(45 CFR 164.514(b)(1))."

    /// One signature block: a heading, what `body` adds, then signature and date lines; never split across pages.
    private static func signature(_ title: String, _ w: inout HTMLWriter, _ body: (inout HTMLWriter) -> Void) {
        w.block("div", ["class": "signature"]) { w in
            w.element("h3", title)
            body(&w)
            w.blank("Signature:")
            w.blank("Date:", .date)
        }
    }
}
