import ArgumentParser
import DeidSupport

/// The `deid` command. Exit codes: 0 clean, 1 findings, 2 the tool could not do the job (usage,
/// configuration, input or output errors). ArgumentParser's own usage exit code (64) is remapped to 2.
@main
struct Deid: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deid",
        abstract: "Make health and human-services tables safe to publish (CalHHS DDG).",
        discussion: """
            deid hides small counts, adds complementary suppressions so hidden cells cannot be recomputed from \
            totals, and proves it with a disclosure audit before it writes anything.

            Exit codes: 0 clean, 1 findings, 2 deid could not do the job (a usage, description, policy, input or output error).
            """,
        version: DeidVersion.current,
        subcommands: [Check.self, Release.self, Score.self, Init.self, SQL.self, Inventory.self, Explain.self]
    )

    static func main() {
        StandardStreams.prepare()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            exit(withError: code)
        } catch let error as any DiagnosticError {
            Console.error(error.description)
            exit(withError: ExitCode(2))
        } catch {
            // --help and --version arrive as errors whose exit code is success.
            if exitCode(for: error) == .success { exit(withError: error) }
            Console.error(fullMessage(for: error))
            exit(withError: ExitCode(2))
        }
    }
}
