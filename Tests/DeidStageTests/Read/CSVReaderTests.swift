import Foundation
import Testing

@testable import DeidRead

extension ReadTests {
    /// One test per libcsv behaviour, on the accepting side.
    @Suite struct CSVReaderTests {
        @Test func quotedDelimiterStaysInTheField() throws {
            let t = try parseEverywhere("a,b,c\n\"q,uoted\",x,\"y\"\n")
            #expect(t.header == ["a", "b", "c"])
            #expect(t.rows == [["q,uoted", "x", "y"]])
        }

        @Test func doubledQuotesAreUnescaped() throws {
            let t = try parseEverywhere("a,b\n\"with \"\"esc\"\"\",\"\"\"\"\n")
            #expect(t.rows == [["with \"esc\"", "\""]])
        }

        @Test func quotedLineFeedIsKeptAndRecordsDifferFromLines() throws {
            let t = try parseEverywhere("a,b\n\"multi\nline\",x\nnext,row\n\"two\r\nbreaks\n\",y\nlast,one\n")
            #expect(t.rows == [["multi\nline", "x"], ["next", "row"], ["two\r\nbreaks\n", "y"], ["last", "one"]])
            #expect(t.records == [2, 3, 4, 5])
            #expect(t.lines == [2, 4, 5, 8])
        }

        @Test func crlfLineEnds() throws {
            let t = try parseEverywhere("a,b\r\nc,d\r\ne,f\r\n")
            #expect(t.header == ["a", "b"])
            #expect(t.rows == [["c", "d"], ["e", "f"]])
            #expect(t.lines == [2, 3])
        }

        @Test func bareCarriageReturnsEndRecords() throws {
            // Old Mac line ends: libcsv ends a record at any CR; lines are still counted by LF only.
            let t = try parseEverywhere("a,b\rc,d\re,f\n")
            #expect(t.rows == [["c", "d"], ["e", "f"]])
            #expect(t.lines == [1, 1])
        }

        @Test func recordInProgressSurvivesRowsCompletedOnTheSameLine() throws {
            // Header and record 2 end at bare CRs on line 1, while record 3 opens a quoted line break there:
            // the arena must keep record 3's first field when the finished rows are dropped.
            let t = try parseEverywhere("a,b\rc,d\re,\"x\ny\"\r\nf,g\n")
            #expect(t.rows == [["c", "d"], ["e", "x\ny"], ["f", "g"]])
            #expect(t.records == [2, 3, 4])
            #expect(t.lines == [1, 1, 3])
        }

        @Test func byteOrderMarkIsStripped() throws {
            let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("name,val\nx,1\n".utf8)
            let t = try parseEverywhere(bytes)
            #expect(t.header == ["name", "val"])
            #expect(t.rows == [["x", "1"]])
            // A BOM anywhere else is data (U+FEFF), not stripped.
            let inner = try parseEverywhere(Array("name,val\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("x,1\n".utf8))
            #expect(inner.rows == [["\u{FEFF}x", "1"]])
        }

        @Test func byteOrderMarkDoesNotShiftColumns() throws {
            let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\"c\n".utf8)
            #expect(try readError(bytes) == .strayQuote(at(line: 1, column: 4, record: 1)))
        }

        @Test func spacesAroundUnquotedFieldsAreData() throws {
            let t = try parseEverywhere("a,b,c\n  sp  ,\tx\t,y\n")
            #expect(t.rows == [["  sp  ", "\tx\t", "y"]])
            // Spaces inside quotes are kept too.
            #expect(try parseEverywhere("a\n\" q \"\n").rows == [[" q "]])
        }

        @Test func emptyFieldsAndQuotedEmptyFields() throws {
            let bytes = Array("a,b,c,d\n,\"\",,x\n".utf8)
            let t = try parseEverywhere(bytes)
            #expect(t.rows == [["", "", "", "x"]])
            try withTemporaryFile(bytes) { path in
                let reader = try CSVReader(source: .file(path))
                try reader.read(header: { _ in }) { row in
                    #expect(row.isEmpty(0) && row.isEmpty(1) && row.isEmpty(2) && !row.isEmpty(3))
                    #expect(!row.isQuoted(0) && row.isQuoted(1) && !row.isQuoted(2))
                }
            }
        }

        @Test func lastRowWithoutNewline() throws {
            let t = try parseEverywhere("a,b\nlast,row")
            #expect(t.rows == [["last", "row"]])
            #expect(try parseEverywhere("a,b\nlast,\"quoted\"").rows == [["last", "quoted"]])
            #expect(try parseEverywhere("a,b\nlast,").rows == [["last", ""]])
            #expect(try parseEverywhere("only,header").header == ["only", "header"])
        }

        @Test func blankLinesAreSkipped() throws {
            let t = try parseEverywhere("\n\na,b\n\n\nc,d\r\n\r\ne,f\n\n")
            #expect(t.header == ["a", "b"])
            #expect(t.rows == [["c", "d"], ["e", "f"]])
            #expect(t.records == [2, 3])
            #expect(t.lines == [6, 8])
        }

        @Test func nonASCIIUTF8PassesThrough() throws {
            let t = try parseEverywhere("County,Name,City\nPeñasco,Ñandú,東京\n\"𝄞 \"\"x\"\"\",é,ß\n")
            #expect(t.rows == [["Peñasco", "Ñandú", "東京"], ["𝄞 \"x\"", "é", "ß"]])
        }

        @Test func multiByteCharactersSplitAcrossEveryBufferBoundary() throws {
            // 2-, 3- and 4-byte characters; parseEverywhere also reads with 4/5/7/16-byte buffers. Sweep all
            // buffer sizes up to the line length so every split position of every character occurs.
            let bytes = Array("h1,h2\nñ東𝄞é,\"ü東\"\n".utf8)
            let expected = [["ñ東𝄞é", "ü東"]]
            for size in 4...bytes.count {
                var options = CSVOptions()
                options.bufferBytes = size
                let t = try parse(bytes, options: options)
                #expect(t.rows == expected, "buffer of \(size) bytes")
            }
        }

        @Test func tabDelimitedInput() throws {
            var options = CSVOptions()
            options.delimiter = UInt8(ascii: "\t")
            let t = try parseEverywhere("a\tb\n1,5\t\"x\ty\"\n", options: options)
            #expect(t.rows == [["1,5", "x\ty"]])
        }

        @Test func fieldLocationsCountScalarsQuotesAndLineBreaks() throws {
            // Record 2 starts on line 2; its second field is quoted with a doubled quote and a line break.
            let text = "aa,bb,cc,dd\né,\"x\"\"y\nzé\",\"q\",w\n"
            try withTemporaryFile(Array(text.utf8)) { path in
                let reader = try CSVReader(source: .file(path), displayName: "t.csv")
                var seen = 0
                try reader.read(header: { _ in }) { row in
                    seen += 1
                    #expect(row.file == "t.csv")
                    #expect(row.record == 2 && row.line == 2)
                    #expect(row.location(ofField: 0) == at(line: 2, column: 1, record: 2))
                    #expect(row.location(ofField: 1) == at(line: 2, column: 3, record: 2))
                    #expect(row.location(ofField: 2) == at(line: 3, column: 5, record: 2))
                    #expect(row.location(ofField: 3) == at(line: 3, column: 9, record: 2))
                }
                #expect(seen == 1)
            }
        }

        @Test func rowViewGivesBytesAndStrings() throws {
            try withTemporaryFile(Array("County,Cases\n\"Alpine, CA\",12\n".utf8)) { path in
                let reader = try CSVReader(source: .file(path))
                var cases: [Int] = []
                try reader.read(header: { #expect($0 == ["County", "Cases"]) }) { row in
                    #expect(row.count == 2)
                    #expect(Array(row[0]) == Array("Alpine, CA".utf8))
                    #expect(row.string(0) == "Alpine, CA")
                    if let n = NumberParser.wholeNumber(row[1]) { cases.append(n) }
                }
                #expect(cases == [12])
                #expect(reader.recordsRead == 2)
                #expect(reader.bytesRead == 29)
                #expect(reader.displayName == path)
                #expect(reader.sha256Hex == nil)
            }
        }

        @Test func digestCoversEveryByteRead() throws {
            var options = CSVOptions()
            options.computeDigest = true
            for size in [1 << 20, 4] {
                options.bufferBytes = size
                try withTemporaryFile(Array("abc".utf8)) { path in
                    let reader = try CSVReader(source: .file(path), options: options)
                    try reader.read(header: { _ in }, row: { _ in })
                    // FIPS 180-2 test vector for "abc".
                    #expect(reader.sha256Hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                }
            }
        }

        @Test func closureErrorsPropagateUnchanged() throws {
            struct Stop: Error, Equatable { let record: Int }
            try withTemporaryFile(Array("a\n1\n2\n3\n".utf8)) { path in
                let reader = try CSVReader(source: .file(path))
                #expect(throws: Stop(record: 3)) {
                    try reader.read(header: { _ in }) { row in
                        if row.record == 3 { throw Stop(record: row.record) }
                    }
                }
            }
            try withTemporaryFile(Array("a\n1\n".utf8)) { path in
                let reader = try CSVReader(source: .file(path))
                #expect(throws: Stop(record: 1)) {
                    try reader.read(header: { _ in throw Stop(record: 1) }, row: { _ in })
                }
            }
        }

        @Test func aReaderReadsOnce() throws {
            try withTemporaryFile(Array("a\n1\n".utf8)) { path in
                let reader = try CSVReader(source: .file(path), displayName: "t.csv")
                try reader.read(header: { _ in }, row: { _ in })
                #expect(throws: ReadError.alreadyRead(file: "t.csv")) {
                    try reader.read(header: { _ in }, row: { _ in })
                }
            }
        }

        @Test func inputSourceNames() {
            #expect(InputSource.file("x/y.csv").defaultDisplayName == "x/y.csv")
            #expect(InputSource.standardInput.defaultDisplayName == "<stdin>")
        }
    }
}
