@testable import SocialdeckTerminal
import Testing

/// A cut list says that more rows follow (issue #10, item 14).
@Suite("List window")
struct ListWindowTests {
    @Test("For every length, height and cursor: the cursor is shown, the counts add up, and a cut side is marked")
    func invariants() {
        for count in 0...30 {
            for rows in 0...12 {
                for cursor in 0..<max(1, count) {
                    let w = ListWindow(cursor: cursor, count: count, rows: rows)
                    let label = "count \(count), rows \(rows), cursor \(cursor)"
                    #expect(w.above + w.shown + w.below == count, "\(label)")
                    #expect(w.first == w.above, "\(label)")
                    #expect(w.shown + (w.marksAbove ? 1 : 0) + (w.marksBelow ? 1 : 0) <= rows, "\(label)")
                    if count > 0 && rows > 0 { #expect(w.items.contains(cursor), "\(label)") }
                    if count <= rows {
                        #expect(w.shown == count && !w.marksAbove && !w.marksBelow, "\(label)")
                    } else if rows >= 3 {
                        #expect(w.marksAbove == (w.above > 0), "\(label)")
                        #expect(w.marksBelow == (w.below > 0), "\(label)")
                        #expect(w.row(of: w.first) == (w.marksAbove ? 1 : 0), "\(label)")
                    }
                }
            }
        }
    }

    @Test("The lines read ↑ and ↓ with the counts, in the first and last rows")
    func marks() {
        let window = ListWindow(cursor: 10, count: 30, rows: 6)
        var buffer = CellBuffer(width: 20, height: 6)
        window.drawMarks(in: buffer.bounds, style: .plain, into: &buffer)
        #expect(buffer.line(0).hasPrefix("  ↑ \(window.above) more"))
        #expect(buffer.line(5).hasPrefix("  ↓ \(window.below) more"))
        #expect(window.shown == 4)
        let top = ListWindow(cursor: 0, count: 30, rows: 6)
        #expect(top.first == 0 && top.shown == 5 && top.below == 25 && !top.marksAbove)
    }
}
