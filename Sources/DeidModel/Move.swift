/// A direction in which a table can change without changing any total: each listed cell moves by its step
/// (±1) times the same amount. Protection finds such moves (cubes of hidden cells); the audit checks them
/// against every relation before it lets one stand for a completion, so a wrong one is ignored, never trusted.
public struct Move: Sendable, Hashable {
    public var cells: [Int32]
    public var steps: [Int8]

    public init(cells: [Int32], steps: [Int8]) {
        self.cells = cells
        self.steps = steps
    }
}
