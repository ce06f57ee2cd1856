import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// An input of lines made up as they are read, never held whole: `lines` lines of
/// `width` bytes, the one at `longLine` (counted from 1) `longWidth` bytes long instead.
struct GeneratedLines: ByteSource {
    let lines: Int
    let width: Int
    var longLine = 0
    var longWidth = 0
    private var line = 1
    private var column = 0

    init(lines: Int, width: Int, longLine: Int = 0, longWidth: Int = 0) {
        self.lines = lines
        self.width = width
        self.longLine = longLine
        self.longWidth = longWidth
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var n = 0
        while n < buffer.count && line <= lines {
            let length = line == longLine ? longWidth : width
            if column < length {
                let run = min(length - column, buffer.count - n)
                buffer.baseAddress!.advanced(by: n).initializeMemory(as: UInt8.self, repeating: UInt8(ascii: "a"), count: run)
                column += run
                n += run
            } else {
                buffer[n] = 0x0A
                n += 1
                line += 1
                column = 0
            }
        }
        return n
    }
}

@Suite("Importer: streamed input")
struct ImportStreamingTests {
    @Test func aLargeInputPassesThroughABoundedBuffer() throws {
        // 24 MiB in all, one line of 8 MiB among 1 KiB ones; at most 1 MiB of any line is kept.
        var reader = StreamReader(GeneratedLines(lines: 16 * 1024, width: 1024, longLine: 5000, longWidth: 8 << 20))
        var count = 0
        var tooLong: [Int: Int] = [:]
        while let line = try reader.nextLine(limit: 1 << 20) {
            count += 1
            switch line {
            case .text(let bytes): #expect(bytes.count == 1024, "line \(count)")
            case .tooLong(let length): tooLong[count] = length
            }
        }
        #expect(count == 16 * 1024)
        #expect(tooLong == [5000: 8 << 20])
        #expect(reader.largestLineHeld <= 1 << 20)
    }

    @Test func lineEndsAreUnixOrWindowsAndTheLastNeedsNone() throws {
        var reader = StreamReader(MemorySource("one\r\ntwo\n\nthree"))
        var lines: [StreamReader<MemorySource>.Line] = []
        while let line = try reader.nextLine(limit: 100) { lines.append(line) }
        #expect(lines == [.text(Array("one".utf8)), .text(Array("two".utf8)), .text([]), .text(Array("three".utf8))])
    }

    @Test func aLineLongerThanAnyDocumentNeedsIsRefusedUnread() throws {
        let s = try TempStore()
        let input = GeneratedLines(lines: 3, width: 10, longLine: 2, longWidth: Importer.maximumLineBytes + 1)
        do {
            try Importer(store: s.store, now: fixedNow).importJSONLines(from: input, into: .notifications)
            Issue.record("accepted")
        } catch let rejected as Importer.Rejected {
            #expect(rejected.problems.map(\.line) == [1, 2, 3])
            #expect(rejected.problems[1].message.hasPrefix("the line is over 64 MiB"))
        }
        #expect(try s.count(.notifications) == 0)
    }

    @Test func csvRecordsThatAreTooLongOrNotUTF8AreReportedWithTheirLines() throws {
        let text = Array("x,2026-12-01 09:00,fine\n".utf8) + Array("x,2026-12-01 09:00,".utf8) + [0xC3, 0x28] + [0x0A]
            + Array("x,2026-12-01 09:00,\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: 300) + Array("\"\n".utf8)
        var csv = CSVReader(MemorySource(text), limit: 200)
        var items: [CSVReader<MemorySource>.Item] = []
        while let item = try csv.next() { items.append(item) }
        #expect(items.count == 3)
        #expect(items[0] == .record(line: 1, fields: ["x", "2026-12-01 09:00", "fine"]))
        #expect(items[1] == .bad(line: 2, message: "the record is not UTF-8 text"))
        guard case .bad(3, let message) = items[2] else { Issue.record("\(items[2])"); return }
        #expect(message.contains("over the limit of 200"))
    }

    @Test func theTotalCountsEveryProblemBeyondThoseShown() throws {
        let s = try TempStore()
        let text = String(repeating: "{oops\n", count: Importer.keptProblems + 10)
        do {
            try Importer(store: s.store, now: fixedNow).importJSONLines(text, into: .notifications)
            Issue.record("accepted")
        } catch let rejected as Importer.Rejected {
            #expect(rejected.problems.count == Importer.keptProblems)
            #expect(rejected.total == Importer.keptProblems + 10)
            #expect(rejected.description.hasSuffix("(and \(Importer.keptProblems + 5) more)"))
        }
    }
}
