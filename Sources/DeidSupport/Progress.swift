import Foundation

/// A progress line on standard error for long runs: the stage, how much of it is done, the time elapsed and an
/// estimate of the rest. Drawn only when the command turned it on (standard error is a terminal and `--quiet`
/// was not given), only after the run has taken a second, and at most a few times a second. It counts cells and
/// components, never shows a value.
public final class Progress: @unchecked Sendable {
    public static let shared = Progress()

    private let lock = NSLock()
    private var enabled = false
    private var stage = ""
    private var unit = ""
    private var total = 0
    private var done = 0
    private var stageStart = 0.0
    private var lastDraw = 0.0
    private var drawn = false
    private let runStart = Progress.now()

    /// Turns the line on for this process; the executable decides (a terminal, not quiet).
    public func enable(_ on: Bool) {
        lock.withLock { enabled = on }
    }

    /// Starts a stage of `total` steps, each one `unit` (plural, as shown: "small cells", "hidden cells").
    public func begin(_ stage: String, total: Int, unit: String) {
        lock.withLock {
            guard enabled else { return }
            self.stage = stage
            self.unit = unit
            self.total = total
            done = 0
            stageStart = Self.now()
        }
    }

    /// Counts `steps` more done (from any thread) and redraws the line when it is due.
    public func advance(by steps: Int = 1) {
        lock.withLock {
            guard enabled else { return }
            done += steps
            let now = Self.now()
            guard now - runStart >= 1, now - lastDraw >= 0.25 else { return }
            lastDraw = now
            drawn = true
            let line = Self.line(stage: stage, done: done, total: total, unit: unit, elapsed: now - stageStart)
            StandardStreams.errorText("\r\u{1B}[2K" + line)
        }
    }

    /// Clears the line, so that the next message starts on a clean one.
    public func finish() {
        lock.withLock {
            guard enabled, drawn else { return }
            drawn = false
            StandardStreams.errorText("\r\u{1B}[2K")
        }
    }

    /// The text of the line: "deid: protect 1,234 of 4,474 small cells, 12 s, about 30 s left".
    public static func line(stage: String, done: Int, total: Int, unit: String, elapsed: Double) -> String {
        var text = "deid: \(stage) \(grouped(min(done, total))) of \(grouped(total)) \(unit), \(seconds(elapsed))"
        // Below 2% done the pace says little (the first solves of a model are the slow ones).
        if done < total, done * 50 >= total, done > 0 {
            text += ", about \(seconds(elapsed / Double(done) * Double(total - done))) left"
        }
        return text
    }

    private static func seconds(_ value: Double) -> String {
        value < 120 ? "\(Int(value.rounded())) s" : "\(Int((value / 60).rounded())) min"
    }

    private static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }

    private static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
