import DeidRead

/// Distinct values of one column in bounded memory: exact up to `exactLimit` values, then a HyperLogLog
/// estimate (16,384 registers, about 0.8 % standard error) seeded with the exact values. The hash is fixed
/// (FNV-1a, then a SplitMix64 finaliser), so the same file gives the same estimate on every run.
struct DistinctCounter {
    static let exactLimit = 10_000
    static let registerBits = 14

    private var exact = ByteInterner()
    private var registers: [UInt8] = []

    /// Whether the count is an estimate (more than `exactLimit` distinct values were seen).
    var isEstimate: Bool { !registers.isEmpty }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        if registers.isEmpty {
            _ = exact.intern(bytes)
            if exact.count > Self.exactLimit { switchToEstimate() }
        } else {
            addHash(Self.hash(bytes))
        }
    }

    var count: Int {
        guard isEstimate else { return exact.count }
        let m = Double(registers.count)
        let sum = registers.reduce(0.0) { $0 + 1 / Double(UInt64(1) << UInt64($1)) }
        let raw = 0.7213 / (1 + 1.079 / m) * m * m / sum
        let zeros = registers.filter { $0 == 0 }.count
        // Linear counting while many registers are still empty (the usual small-range correction).
        if raw <= 2.5 * m, zeros > 0 { return Int((m * log(m / Double(zeros))).rounded()) }
        return Int(raw.rounded())
    }

    private mutating func switchToEstimate() {
        registers = Array(repeating: 0, count: 1 << Self.registerBits)
        for value in exact.labels { Array(value.utf8).withUnsafeBytes { addHash(Self.hash($0)) } }
        exact = ByteInterner()
    }

    private mutating func addHash(_ hash: UInt64) {
        let index = Int(hash >> UInt64(64 - Self.registerBits))
        let rest = hash << UInt64(Self.registerBits)
        let rank = UInt8(min(rest.leadingZeroBitCount, 64 - Self.registerBits) + 1)
        if rank > registers[index] { registers[index] = rank }
    }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
