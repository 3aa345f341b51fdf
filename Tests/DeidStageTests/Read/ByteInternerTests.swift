import Testing

@testable import DeidRead

extension ReadTests {
    @Suite struct ByteInternerTests {
        @Test func denseIdsInFirstSeenOrder() {
            var interner = ByteInterner()
            let keys = ["Alpine", "Yolo", "", "Alpine", "Los Angeles", "Yolo", "東京"]
            let ids = keys.map { key in Array(key.utf8).withUnsafeBytes { interner.intern($0) } }
            #expect(ids == [0, 1, 2, 0, 3, 1, 4])
            #expect(interner.labels == ["Alpine", "Yolo", "", "Los Angeles", "東京"])
            #expect(interner.count == 5)
        }

        @Test func stringAndByteLookupsAgree() {
            var interner = ByteInterner()
            #expect(interner.intern("Female") == 0)
            #expect(Array("Female".utf8).withUnsafeBytes { interner.intern($0) } == 0)
            #expect(interner.id(of: "Female") == 0)
            #expect(interner.id(of: "Male") == nil)
            #expect(Array("Male".utf8).withUnsafeBytes { interner.id(of: $0) } == nil)
            #expect(interner.intern("Male") == 1)
            // An empty field may come as a buffer with no base address.
            let empty = UnsafeRawBufferPointer(start: nil, count: 0)
            #expect(interner.id(of: empty) == nil)
            #expect(interner.intern(empty) == 2)
            #expect(interner.id(of: "") == 2)
        }

        @Test func manyKeysSurviveRehashing() {
            var interner = ByteInterner()
            for i in 0..<10_000 { #expect(interner.intern("key-\(i)") == Int32(i)) }
            for i in stride(from: 0, to: 10_000, by: 7) { #expect(interner.id(of: "key-\(i)") == Int32(i)) }
            #expect(interner.count == 10_000)
            #expect(interner.labels[9_999] == "key-9999")
            // Keys that share long prefixes and differ only in the tail or in length.
            #expect(interner.intern("key-1") == 1)
            #expect(interner.intern("key-10") == 10)
            #expect(interner.id(of: "key-") == nil)
        }

        @Test func copiesAreIndependent() {
            var a = ByteInterner()
            _ = a.intern("x")
            var b = a
            _ = b.intern("y")
            #expect(a.count == 1 && b.count == 2)
            #expect(a.id(of: "y") == nil)
        }
    }
}
