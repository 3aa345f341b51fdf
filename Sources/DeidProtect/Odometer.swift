/// Steps through every combination of one choice per position, as an odometer turns.
enum Odometer {
    /// The next combination (the first position turns fastest); false after the last.
    static func advance(_ pick: inout [Int], limits: [Int]) -> Bool {
        for k in pick.indices {
            pick[k] += 1
            if pick[k] < limits[k] { return true }
            pick[k] = 0
        }
        return false
    }
}
