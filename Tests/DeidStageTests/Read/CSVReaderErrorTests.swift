import Foundation
import Testing

@testable import DeidRead

extension ReadTests {
    /// The rejecting side: every error names file, record, line and column, and is the same whatever the buffer
    /// size (`readError` re-reads with 4-, 5-, 7- and 16-byte buffers).
    @Suite struct CSVReaderErrorTests {
        // MARK: Quoting (libcsv strict mode)

        @Test func spaceBeforeAQuotedFieldIsAnError() throws {
            #expect(try readError("a,b\nx, \"q\"\n") == .spaceBeforeQuote(at(line: 2, column: 4, record: 2)))
        }

        @Test func strayQuoteInAnUnquotedField() throws {
            #expect(try readError("a,b\nab\"c,d\n") == .strayQuote(at(line: 2, column: 3, record: 2)))
        }

        @Test func strayQuoteAfterAClosingQuote() throws {
            // libcsv without strict mode would merge the rest of the file into this field.
            #expect(
                try readError("a,b\n\"ab\"c,d\ne,f\n")
                    == .textAfterClosingQuote(at(line: 2, column: 5, record: 2), isSpace: false))
            #expect(
                try readError("a,b\n\"q\" ,x\n")
                    == .textAfterClosingQuote(at(line: 2, column: 4, record: 2), isSpace: true))
        }

        @Test func unterminatedQuoteAtEndOfInput() throws {
            // Without CSV_STRICT_FINI libcsv accepts this silently.
            let error = try readError("h1,h2\nok,\"unterminated\nnext,row\n")
            #expect(error == .unterminatedQuote(at(line: 2, column: 4, record: 2)))
            #expect(
                error?.description
                    == "t.csv:2:4: error: unterminated quoted field starting at record 2 (line 2, column 4); "
                    + "check for a stray '\"'")
        }

        /// Found by the fuzzer: a character that is not UTF-8 right after a closing quote was reported as a parse
        /// error when a read cut it in two, and as invalid UTF-8 otherwise. It is invalid UTF-8 either way.
        @Test func invalidUTF8AfterAClosingQuoteWhateverTheBuffer() throws {
            for padding in 0..<8 {
                let bytes = Array("a,b\n\"".utf8) + Array(repeating: UInt8(ascii: "x"), count: padding)
                    + Array("q\"".utf8) + [0xCF, 0xCF] + Array(",1\n".utf8)
                #expect(try readError(bytes) == .invalidUTF8(at(line: 2, column: padding + 4, record: 2)), "padding \(padding)")
            }
        }

        /// Found by the fuzzer: an open quote after more fields than the header has was located by the fields
        /// stored, which depended on the read buffer's size. The surplus field, which comes first, is reported.
        @Test func unterminatedQuoteInARecordWithTooManyFields() throws {
            let header = ["Year", "Pln", "RateM", "ale", "112", "2"]
            let error = try readError("Year,Pln,RateM,ale,112,2\r\r,,,,,,,,,\"9th to 12ty grad35800,7.5,,4.")
            #expect(error == .fieldCountMismatch(at(line: 1, column: 33, record: 2), found: 9, atLeast: true, header: header))
            #expect(try readError("a,b\r\r,\"x") == .unterminatedQuote(at(line: 1, column: 7, record: 2)))
        }

        @Test func runawayQuoteIsCappedByMaxFieldBytes() throws {
            // A stray quote followed by plenty of data with no further quote: the reader must stop near
            // maxFieldBytes, not buffer the rest of the file and fail at EOF.
            var text = "h1,h2\n1,2\n3,\"runaway\n"
            for i in 0..<20_000 { text += "\(i),x\n" }
            var options = CSVOptions()
            options.maxFieldBytes = 1_000
            options.bufferBytes = 4_096
            try withTemporaryFile(Array(text.utf8)) { path in
                let reader = try CSVReader(source: .file(path), displayName: "t.csv", options: options)
                #expect(throws: ReadError.fieldTooLong(at(line: 3, column: 3, record: 3), limit: 1_000, quoted: true)) {
                    try reader.read(header: { _ in }, row: { _ in })
                }
                #expect(reader.bytesRead <= 2 * 4_096)
                #expect(reader.bytesRead < text.utf8.count)
            }
            #expect(
                try readError(text, options: options)
                    == .fieldTooLong(at(line: 3, column: 3, record: 3), limit: 1_000, quoted: true))
        }

        @Test func longUnquotedFieldIsCappedToo() throws {
            var options = CSVOptions()
            options.maxFieldBytes = 10
            #expect(
                try readError("a,b\nok,\(String(repeating: "9", count: 11))\n", options: options)
                    == .fieldTooLong(at(line: 2, column: 4, record: 2), limit: 10, quoted: false))
            #expect(try readError("a,b\nok,\(String(repeating: "9", count: 10))\n", options: options) == nil)
        }

        @Test func recordLongerThanTheLimit() throws {
            var options = CSVOptions()
            options.maxRecordBytes = 20
            #expect(
                try readError("a,b\n\n0123456789,0123456789\n", options: options)
                    == .recordTooLong(at(line: 3, column: 1, record: 2), limit: 20))
            #expect(try readError("a,b\n012345678,012345678\n", options: options) == nil)
        }

        // MARK: UTF-8

        @Test func latin1ByteIsRejectedWithItsPosition() throws {
            let bytes = Array("County,Cases\nAlpine,1\nPe".utf8) + [0xF1] + Array("asco,2\n".utf8)
            let error = try readError(bytes)
            #expect(error == .invalidUTF8(at(line: 3, column: 3, record: 3)))
            #expect(
                error?.description
                    == "t.csv:3:3: error: invalid UTF-8 at line 3, column 3: deid reads UTF-8 only; re-export the file "
                    + "as UTF-8 (e.g. from Latin-1 with iconv -f latin1 -t utf-8)")
        }

        @Test func invalidSequencesOfEveryKind() throws {
            let prefix = Array("a,b\nñ東,x".utf8)  // column 5 is right after "ñ東,x"
            let cases: [[UInt8]] = [
                [0x80],  // stray continuation byte
                [0xC0, 0x80],  // overlong
                [0xED, 0xA0, 0x80],  // UTF-16 surrogate
                [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
                [0xF5, 0x80],  // invalid lead
                [0xE6, 0x9D, 0x41],  // truncated by an ASCII byte
                [0xE6, 0x0A],  // truncated by a line end
            ]
            for bad in cases {
                #expect(
                    try readError(prefix + bad + Array(",y\n".utf8)) == .invalidUTF8(at(line: 2, column: 5, record: 2)),
                    "bytes \(bad)")
            }
            // A character cut off by the end of the file.
            #expect(try readError(prefix + [0xE6, 0x9D]) == .invalidUTF8(at(line: 2, column: 5, record: 2)))
            // In the header.
            #expect(try readError([0x61, 0x2C, 0xFF, 0x0A]) == .invalidUTF8(at(line: 1, column: 3, record: 1)))
        }

        @Test func invalidSequenceSplitAcrossTheBufferBoundary() throws {
            // The lead byte ends one buffer, the bad continuation starts the next: every split position.
            let bytes = Array("h\nñé".utf8) + [0xE6, 0x9D, 0x41] + Array("\n".utf8)
            for size in 4...bytes.count {
                var options = CSVOptions()
                options.bufferBytes = size
                #expect(
                    try readError(bytes, options: options) == .invalidUTF8(at(line: 2, column: 3, record: 2)),
                    "buffer of \(size) bytes")
            }
        }

        // MARK: Structure

        @Test func recordWithTooFewFields() throws {
            let text = "County,Sex,Year,Cases,Rate\na,F,1,2,3\nb,F,1,2,3\nc,F,1,2,3\nd,F,1,2,3\n\nYolo,M,20,5\n"
            let error = try readError(text)
            #expect(
                error
                    == .fieldCountMismatch(
                        at(line: 7, column: 12, record: 6), found: 4, atLeast: false,
                        header: ["County", "Sex", "Year", "Cases", "Rate"]))
            #expect(
                error?.description
                    == "t.csv:7:12: error: record 6 has 4 fields but the header has 5 (County, Sex, Year, Cases, Rate)")
        }

        @Test func recordWithTooManyFields() throws {
            let error = try readError("a,b\n1,2\n\"x\",é,3,4\n")
            #expect(
                error
                    == .fieldCountMismatch(
                        at(line: 3, column: 7, record: 3), found: 4, atLeast: false, header: ["a", "b"]))
            #expect(error?.message.hasPrefix("record 3 has 4 fields but the header has 2 (a, b); ") == true)
            // A record still open at a line end (quoted line break) is stopped as soon as it has a surplus field.
            #expect(
                try readError("a,b\n1,2,3,\"x\ny\"\n")
                    == .fieldCountMismatch(
                        at(line: 2, column: 5, record: 2), found: 3, atLeast: true, header: ["a", "b"]))
            // A one-field record in a two-column table.
            #expect(
                try readError("a,b\nlonely\n")
                    == .fieldCountMismatch(
                        at(line: 2, column: 7, record: 2), found: 1, atLeast: false, header: ["a", "b"]))
            #expect(
                try readError("a,b\nlonely\n")?.message
                    == "record 2 has 1 field but the header has 2 (a, b)")
            #expect(
                try readError("a,b\n1,2,3,\"x\ny\"\n")?.message
                    == "record 2 has more than 2 fields but the header has 2 (a, b); a value that contains the "
                    + "delimiter or a line break must be enclosed in double quotes")
        }

        @Test func emptyInputHasNoHeader() throws {
            #expect(try readError("") == .emptyInput(file: "t.csv"))
            #expect(try readError("\n\r\n\n") == .emptyInput(file: "t.csv"))
            #expect(try readError([0xEF, 0xBB, 0xBF]) == .emptyInput(file: "t.csv"))
            #expect(ReadError.emptyInput(file: "t.csv").description.hasPrefix("t.csv: error: the file is empty"))
        }

        @Test func headerNamesMustBeNonEmptyAndUnique() throws {
            #expect(try readError("a,,b\n1,2,3\n") == .emptyColumnName(at(line: 1, column: 3, record: 1), column: 2))
            #expect(try readError("a, ,b\n") == .emptyColumnName(at(line: 1, column: 3, record: 1), column: 2))
            #expect(try readError("a,b,\n") == .emptyColumnName(at(line: 1, column: 5, record: 1), column: 3))
            let duplicate = try readError("County,Year,\"County\"\n")
            #expect(
                duplicate
                    == .duplicateColumnName(
                        at(line: 1, column: 13, record: 1), name: "County", column: 3, firstColumn: 1))
            #expect(
                duplicate?.message
                    == "column 3 of the header repeats the name 'County' of column 1; give every column a unique name")
        }

        @Test func errorColumnsCountUnicodeScalarsNotBytes() throws {
            #expect(try readError("a,b\nÑandú,x\"y\n") == .strayQuote(at(line: 2, column: 8, record: 2)))
            #expect(try readError("a,b\n\"東\n京\",𝄞x\"\n") == .strayQuote(at(line: 3, column: 6, record: 2)))
        }

        @Test func recordAndLineNumbersDivergeAfterQuotedLineBreaks() throws {
            let text = "a,b\n\"1\n2\n3\",x\n\"4\",y\nz,\"w\"q\n"
            #expect(try readError(text) == .textAfterClosingQuote(at(line: 6, column: 6, record: 4), isSpace: false))
        }

        @Test func messagesNeverQuoteDataValues() throws {
            let secret = "4711"
            let inputs = [
                "County,Cases\nYolo,\(secret),1\n", "County,Cases\n\(secret)\n", "County,Cases\n\(secret)\"x,1\n",
                "County,Cases\n\"\(secret)\"x,1\n", "County,Cases\nx,\"\(secret)\n",
            ]
            for input in inputs {
                let error = try #require(try readError(input))
                #expect(!error.description.contains(secret), "\(error.description)")
            }
        }

        // MARK: Files

        @Test func missingFile() throws {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                "deid-missing-\(UUID().uuidString).csv"
            ).path
            #expect(throws: ReadError.fileNotFound(path: path)) { _ = try CSVReader(source: .file(path)) }
            let error = ReadError.fileNotFound(path: path)
            #expect(!error.description.contains("NSCocoaErrorDomain"))
            #expect(
                error.description
                    == "error: cannot open '\(path)': no such file; check the path (a relative path starts from the current directory)"
            )
        }

        @Test func directoryInsteadOfFile() throws {
            let path = FileManager.default.temporaryDirectory.path
            #expect(throws: ReadError.isDirectory(path: path)) { _ = try CSVReader(source: .file(path)) }
        }

        @Test func unreadableFile() throws {
            // The errno mapping, which also holds when the tests run as root.
            #expect(InputFile.openError(path: "p.csv", errno: EACCES) == .permissionDenied(path: "p.csv"))
            #expect(InputFile.openError(path: "p.csv", errno: ENOENT) == .fileNotFound(path: "p.csv"))
            #expect(
                InputFile.openError(path: "p.csv", errno: EMFILE)
                    == .cannotOpen(path: "p.csv", reason: "Too many open files"))
            // The real thing; root reads any file, so it is meaningful only for ordinary users.
            guard getuid() != 0 else { return }
            try withTemporaryFile(Array("a\n".utf8)) { path in
                try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
                #expect(throws: ReadError.permissionDenied(path: path)) { _ = try CSVReader(source: .file(path)) }
            }
        }
    }
}
