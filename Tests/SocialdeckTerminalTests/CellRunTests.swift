import SocialdeckTerminal
import Testing

@Suite("Frame diff")
struct CellRunTests {
    @Test("Identical frames have no changes")
    func identical() {
        var frame = CellBuffer(width: 10, height: 3)
        frame.put("hello 中文", x: 0, y: 1)
        #expect(frame.diff(from: frame).isEmpty)
    }

    @Test("Changes come as runs per row, left to right")
    func runs() {
        var before = CellBuffer(width: 10, height: 3)
        before.put("hello", x: 0, y: 0)
        var after = before
        after.put("J", x: 0, y: 0)
        after.put("y", x: 4, y: 0)
        after.put("ab", x: 7, y: 2)
        let runs = after.diff(from: before)
        #expect(runs.map(\.x) == [0, 4, 7])
        #expect(runs.map(\.y) == [0, 0, 2])
        #expect(runs.map { String($0.cells.map(\.grapheme)) } == ["J", "y", "ab"])
    }

    @Test("A wide grapheme replacing narrow ones changes both its cells")
    func wide() {
        var before = CellBuffer(width: 4, height: 1)
        before.put("abcd", x: 0, y: 0)
        var after = before
        after.put("中", x: 1, y: 0)
        let runs = after.diff(from: before)
        #expect(runs.count == 1)
        #expect(runs[0].x == 1)
        #expect(runs[0].cells.count == 2)
        #expect(runs[0].cells[1].isContinuation)
    }

    @Test("A style change alone is a change")
    func style() {
        var before = CellBuffer(width: 3, height: 1)
        before.put("abc", x: 0, y: 0)
        var after = before
        after.put("b", x: 1, y: 0, style: Style(attributes: .bold))
        #expect(after.diff(from: before) == [CellRun(x: 1, y: 0, cells: [Cell("b", style: Style(attributes: .bold))])])
    }

    @Test("A size change redraws every row")
    func resized() {
        let after = CellBuffer(width: 4, height: 2)
        let runs = after.diff(from: CellBuffer(width: 3, height: 2))
        #expect(runs.count == 2)
        #expect(runs.allSatisfy { $0.x == 0 && $0.cells.count == 4 })
    }
}
