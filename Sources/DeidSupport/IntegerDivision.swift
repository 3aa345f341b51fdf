/// Integer division rounded toward −∞ (`floorDiv`) and toward +∞ (`ceilDiv`), for bounds that must hold for every
/// whole number: Swift's `/` rounds toward zero.
package func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

package func ceilDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) == (b < 0)) ? q + 1 : q
}
