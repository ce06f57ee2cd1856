import SocialdeckTerminal
import Testing

@Suite("Rect and layout")
struct RectTests {
    @Test("Rows: fixed header and footer around a filling body")
    func rows() {
        let parts = Rect(width: 80, height: 24).rows([.fixed(1), .fill, .fixed(1)])
        #expect(parts == [
            Rect(x: 0, y: 0, width: 80, height: 1),
            Rect(x: 0, y: 1, width: 80, height: 22),
            Rect(x: 0, y: 23, width: 80, height: 1),
        ])
    }

    @Test("Columns: a fraction and the rest, offset from the parent")
    func columns() {
        let parts = Rect(x: 2, y: 3, width: 80, height: 10).columns([.fraction(0.3), .fill])
        #expect(parts == [Rect(x: 2, y: 3, width: 24, height: 10), Rect(x: 26, y: 3, width: 56, height: 10)])
    }

    @Test("Fills share the rest, earlier ones taking the remainder")
    func fills() {
        let widths = Rect(width: 10, height: 1).columns([.fill, .fill, .fill]).map(\.width)
        #expect(widths == [4, 3, 3])
        let xs = Rect(width: 10, height: 1).columns([.fill, .fixed(2), .fill]).map(\.x)
        #expect(xs == [0, 4, 6])
    }

    @Test("When space runs out later parts shrink, down to nothing")
    func overflow() {
        let heights = Rect(width: 5, height: 5).rows([.fixed(3), .fixed(3), .fill, .fraction(0.5)]).map(\.height)
        #expect(heights == [3, 2, 0, 0])
    }

    @Test("Nonsense sizes are clamped, never trapping")
    func nonsense() {
        let parts = Rect(width: 10, height: 1).columns([.fixed(-4), .fraction(-1), .fraction(.nan), .fraction(7), .fill])
        #expect(parts.map(\.width) == [0, 0, 0, 10, 0])
        #expect(Rect(width: 0, height: 0).rows([.fill, .fixed(3)]).map(\.height) == [0, 0])
        #expect(Rect(width: 5, height: 5).rows([]).isEmpty)
        #expect(Rect(width: -3, height: -1) == Rect(width: 0, height: 0))
    }

    @Test("Inset, intersection and containment")
    func geometry() {
        let rect = Rect(x: 1, y: 1, width: 10, height: 5)
        #expect(rect.inset(by: 1) == Rect(x: 2, y: 2, width: 8, height: 3))
        #expect(rect.inset(horizontal: 6).isEmpty)
        #expect(rect.intersection(Rect(x: 5, y: 0, width: 20, height: 3)) == Rect(x: 5, y: 1, width: 6, height: 2))
        #expect(rect.intersection(Rect(x: 50, y: 50, width: 2, height: 2)).isEmpty)
        #expect(rect.contains(x: 1, y: 1) && rect.contains(x: 10, y: 5))
        #expect(!rect.contains(x: 11, y: 1) && !rect.contains(x: 0, y: 1))
    }
}
