import Foundation

/// Plain decimal numbers as tables print them.
package enum DecimalText {
    /// Digits after the point of a plain decimal (`12`, `94.7`, `0.035`); nil for anything else.
    package static func decimals(of bytes: UnsafeRawBufferPointer) -> Int? {
        guard NumberParser.decimal(bytes) != nil else { return nil }
        var seenPoint = false
        var decimals = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "."): seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
            default: if seenPoint { decimals += 1 }
            }
        }
        return decimals
    }

    /// `value` with exactly `decimals` digits after the point, halves rounded away from zero.
    package static func format(_ value: Double, decimals: Int) -> String {
        guard decimals <= 12 else { return String(value) }
        let scale = pow(10.0, Double(decimals))
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled.isFinite, abs(scaled) < 9e15 else { return String(value) }
        let units = Int64(scaled)
        guard decimals > 0 else { return String(units) }
        let power = Int64(scale)
        let whole = abs(units) / power
        let fraction = String(abs(units) % power)
        let sign = units < 0 ? "-" : ""
        return "\(sign)\(whole)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
