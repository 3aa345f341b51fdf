extension Array {
    /// The element at `index`, or nil when the index is outside the array.
    package subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
