#if DEID_LIBFUZZER
import CLibFuzzer
import Foundation

/// With `-sanitize=fuzzer -D DEID_LIBFUZZER` (scripts/fuzz.sh), `deid-fuzz` is a libFuzzer binary: its main
/// hands the command line to libFuzzer's driver, which calls `fuzzOne` with each input. The target is chosen by
/// `DEID_FUZZ_TARGET` (csv, table, description, number).
@main
struct LibFuzzerEntry {
    nonisolated(unsafe) static var target = FuzzTarget.csv
    static let scratch = FuzzScratch()

    static func main() {
        let name = ProcessInfo.processInfo.environment["DEID_FUZZ_TARGET"] ?? ""
        guard let chosen = FuzzTarget(rawValue: name) else {
            fatalError("set DEID_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        target = chosen
        // libFuzzer ends a timed run with exit(), so the scratch file can go then.
        atexit { LibFuzzerEntry.scratch.remove() }
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            guard let data else { return 0 }
            LibFuzzerEntry.target.run(Array(UnsafeBufferPointer(start: data, count: size)), scratch: LibFuzzerEntry.scratch)
            return 0
        })
    }
}
#endif
