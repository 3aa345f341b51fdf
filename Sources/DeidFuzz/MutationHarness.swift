#if !DEID_LIBFUZZER
import Foundation

/// Without libFuzzer, `deid-fuzz` is a deterministic mutation harness over the same targets: it mutates the seed
/// files with a seeded generator, so a failing run is repeated exactly by its seed.
///
///     deid-fuzz TARGET SEED_FOLDER [ITERATIONS] [SEED]
///     deid-fuzz TARGET SEED_FOLDER replay N [SEED]     prints the input of iteration N (to reproduce a crash)
@main
struct MutationHarness {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[0]) else {
            let targets = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            print("usage: deid-fuzz \(targets) SEED_FOLDER [ITERATIONS | replay N] [SEED]")
            exit(2)
        }
        let seeds = loadSeeds(arguments[1])
        guard !seeds.isEmpty else {
            print("deid-fuzz: no seed files in \(arguments[1])")
            exit(2)
        }
        let replay = arguments.count > 2 && arguments[2] == "replay"
        let rest = Array(arguments.dropFirst(replay ? 3 : 2))
        let count = rest.first.flatMap { Int($0) } ?? 10_000
        let seed = rest.dropFirst().first.flatMap { UInt64($0) } ?? 1
        var mutator = Mutator(seeds: seeds, seed: seed)
        if replay {
            for _ in 0..<count { _ = mutator.next() }
            FileHandle.standardOutput.write(Data(mutator.next()))
            return
        }
        let scratch = FuzzScratch()
        defer { scratch.remove() }
        for input in seeds { target.run(input, scratch: scratch) }
        for _ in 0..<count { target.run(mutator.next(), scratch: scratch) }
        print("deid-fuzz \(target.rawValue): \(seeds.count) seeds, \(count) mutants (seed \(seed)), no invariant broken")
    }

    static func loadSeeds(_ folder: String) -> [[UInt8]] {
        let names = ((try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.compactMap { name in
            FileManager.default.contents(atPath: folder + "/" + name).map { [UInt8]($0) }
        }
    }
}

/// Byte-level mutations in the style of libFuzzer's: flips, inserts of structural bytes (quotes, delimiters,
/// line ends, NUL, digits, multi-byte UTF-8), deletions, duplications and splices of two seeds.
struct Mutator {
    let seeds: [[UInt8]]
    var state: UInt64
    static let interesting: [[UInt8]] = [
        [0x22], [0x2C], [0x0A], [0x0D, 0x0A], [0x00], [0x20], [0x3A, 0x20], [0x2D], [0x2E], [0x30], [0x31, 0x31],
        Array("9223372036854775808".utf8), Array("9007199254740993".utf8), [0xC3, 0xA9], [0xFF], [0xEF, 0xBB, 0xBF],
        Array("Total".utf8), Array("- ".utf8), Array("  ".utf8), Array("e308".utf8),
    ]

    init(seeds: [[UInt8]], seed: UInt64) {
        self.seeds = seeds
        state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    }

    mutating func random(_ bound: Int) -> Int {
        // xorshift64*: small, fast and the same on every platform.
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return Int((state &* 0x2545_F491_4F6C_DD1D) >> 33) % max(bound, 1)
    }

    mutating func next() -> [UInt8] {
        var bytes = seeds[random(seeds.count)]
        for _ in 0...random(4) { mutate(&bytes) }
        return bytes
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        let at = random(bytes.count + 1)
        switch random(6) {
        case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(1 << random(8))
        case 1: bytes.insert(contentsOf: Self.interesting[random(Self.interesting.count)], at: at)
        case 2 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random(8)))
        case 3 where at < bytes.count:
            let chunk = bytes[at..<min(bytes.count, at + 1 + random(64))]
            bytes.insert(contentsOf: chunk, at: random(bytes.count + 1))
        case 4:
            let other = seeds[random(seeds.count)]
            let from = random(other.count + 1)
            bytes.replaceSubrange(at..<bytes.count, with: other[from...])
        default: bytes.insert(UInt8(random(256)), at: at)
        }
    }
}
#endif
