import ArgumentParser
import DeidEmit

extension Deid {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain a finding code: what it means, where the DDG asks for it, what to do.",
            discussion: """
                Without a code, lists every code deid reports with a one-line summary. Every finding, in every \
                output format, starts with or carries its code (the `ruleId` in SARIF, `code` in JSON).

                Examples:
                  deid explain
                  deid explain under-protected

                Exit codes: 0 explained, 2 no such code.
                """)

        @Argument(help: ArgumentHelp("A finding code, such as small-count.", valueName: "code"))
        var code: String?

        func validate() throws {
            if let code, FindingExplanation.named(code) == nil {
                let known = FindingExplanation.all.map(\.code.rawValue).joined(separator: ", ")
                throw ValidationError("no finding code '\(code)'; the codes are: \(known)")
            }
        }

        func run() throws {
            guard let code else {
                let width = FindingExplanation.all.map(\.code.rawValue.count).max() ?? 0
                for explanation in FindingExplanation.all {
                    let name = explanation.code.rawValue
                    print(name + String(repeating: " ", count: width - name.count + 2) + explanation.summary)
                }
                print("\nRun `deid explain CODE` for what a code means and what to do about it.")
                return
            }
            if let explanation = FindingExplanation.named(code) { print(explanation.text, terminator: "") }
        }
    }
}
