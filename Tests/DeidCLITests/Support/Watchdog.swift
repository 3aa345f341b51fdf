import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Kills a child process that outlives a deadline, so a regression that makes deid (or a helper process) wait
/// forever fails its test instead of hanging the whole suite.
enum Watchdog {
    /// Long enough for the slowest command the CLI tests run; far shorter than CI's limit.
    static let seconds = 600.0

    /// Waits for `process`, killing it (and recording nothing: its exit status says it was killed) if it is
    /// still running after `seconds`.
    static func wait(for process: Process, seconds: Double = seconds) {
        let pid = process.processIdentifier
        let kill = DispatchWorkItem { _ = Glibc.kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: kill)
        process.waitUntilExit()
        kill.cancel()
    }
}
