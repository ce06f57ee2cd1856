import Testing
import SocialdeckCore

/// QR codes for TOTP enrolment: a structurally valid symbol at level M, and its text rendering.
@Suite("QR code security")
struct QRCodeSecurityTests {
    static let uri = TOTP().provisioningURI(secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
                                            account: "ada@example.com", issuer: "socialdeck")

    /// The 7×7 finder pattern with its top-left module at (x, y): dark ring, light ring, dark 3×3.
    static func hasFinder(_ m: QRMatrix, x: Int, y: Int) -> Bool {
        for dy in 0..<7 {
            for dx in 0..<7 {
                let ring = max(abs(dx - 3), abs(dy - 3))
                if m.isDark(x: x + dx, y: y + dy) != (ring != 2) { return false }
            }
        }
        return true
    }

    /// The 15 format bits, read from the copy around the top-left finder and from the copy
    /// split between the other two (ISO/IEC 18004 §7.9), most significant bit first.
    static func formatBits(_ m: QRMatrix) -> (first: Int, second: Int) {
        let n = m.size
        var first = [(Int, Int)]()
        for i in 0...5 { first.append((8, i)) }
        first += [(8, 7), (8, 8), (7, 8)]
        for i in 9...14 { first.append((14 - i, 8)) }
        var second = [(Int, Int)]()
        for i in 0...7 { second.append((n - 1 - i, 8)) }
        for i in 8...14 { second.append((8, n - 15 + i)) }
        func value(_ positions: [(Int, Int)]) -> Int {
            positions.enumerated().reduce(0) { $0 | (m.isDark(x: $1.element.0, y: $1.element.1) ? 1 << $1.offset : 0) }
        }
        return (value(first), value(second))
    }

    @Test func anOTPAuthURIEncodesToAWellFormedSymbol() throws {
        let m = try QRCode.encode(Self.uri)
        #expect(m.size >= 21 && (m.size - 21) % 4 == 0 && m.size <= 177)
        #expect(m.version == (m.size - 17) / 4)
        #expect(Self.hasFinder(m, x: 0, y: 0))
        #expect(Self.hasFinder(m, x: m.size - 7, y: 0))
        #expect(Self.hasFinder(m, x: 0, y: m.size - 7))
        #expect(!Self.hasFinder(m, x: m.size - 7, y: m.size - 7))
        // Light separators next to the finders, alternating timing patterns between them.
        for i in 0..<8 {
            #expect(!m.isDark(x: 7, y: i) && !m.isDark(x: i, y: 7) && !m.isDark(x: m.size - 8, y: i))
        }
        for i in 8..<(m.size - 8) {
            #expect(m.isDark(x: i, y: 6) == (i % 2 == 0))
            #expect(m.isDark(x: 6, y: i) == (i % 2 == 0))
        }
        #expect(m.isDark(x: 8, y: m.size - 8))   // the module that is always dark
        // Outside the symbol is the quiet zone.
        #expect(!m.isDark(x: -1, y: 0) && !m.isDark(x: 0, y: m.size))
    }

    @Test func formatInformationSaysLevelMAndIsValid() throws {
        let m = try QRCode.encode(Self.uri)
        let (first, second) = Self.formatBits(m)
        #expect(first == second)
        let raw = first ^ 0x5412
        let data = raw >> 10
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        #expect(raw & 0x3ff == remainder & 0x3ff)
        #expect(data >> 3 == 0b00)   // error-correction level M
    }

    @Test func shortTextFitsVersion1AndLongerTextGrows() throws {
        #expect(try QRCode.encode("hello").size == 21)
        let uriSize = try QRCode.encode(Self.uri).size
        #expect(uriSize > 21)
        #expect(try QRCode.encode(String(repeating: "x", count: 1000)).size > uriSize)
        // A NUL does not cut the text short.
        #expect(try QRCode.encode("a\u{0}" + String(repeating: "b", count: 100)).size > 21)
    }

    @Test func emptyAndOversizedTextAreErrors() throws {
        #expect(throws: QRCodeError.emptyText) { try QRCode.encode("") }
        #expect(throws: QRCodeError.tooLong(byteCount: 3000)) { try QRCode.encode(String(repeating: "x", count: 3000)) }
        #expect(throws: QRCodeError.tooLong(byteCount: 2332)) { try QRCode.encode(String(repeating: "x", count: 2332)) }
        #expect(try QRCode.encode(String(repeating: "x", count: 2331)).size == 177)
    }

    @Test(arguments: [0, 1, 2, 4])
    func halfBlockLinesHaveTheRightDimensions(_ quietZone: Int) throws {
        let m = try QRCode.encode(Self.uri)
        let span = m.size + 2 * quietZone
        for inverted in [false, true] {
            let lines = m.halfBlockLines(quietZone: quietZone, inverted: inverted)
            #expect(lines.count == (span + 1) / 2)
            #expect(lines.allSatisfy { $0.count == span })
            #expect(lines.allSatisfy { $0.allSatisfy { "█▀▄ ".contains($0) } })
        }
    }

    /// Reading the glyphs back gives the matrix, quiet zone included, in both polarities.
    @Test func halfBlockLinesDrawEveryModule() throws {
        let m = try QRCode.encode(Self.uri)
        for inverted in [false, true] {
            let lines = m.halfBlockLines(quietZone: 2, inverted: inverted)
            for (row, line) in lines.enumerated() {
                for (x, glyph) in line.enumerated() {
                    let top = glyph == "█" || glyph == "▀", bottom = glyph == "█" || glyph == "▄"
                    let mx = x - 2, my = 2 * row - 2
                    #expect(top == (m.isDark(x: mx, y: my) != inverted))
                    if 2 * row + 1 < m.size + 4 {
                        #expect(bottom == (m.isDark(x: mx, y: my + 1) != inverted))
                    }
                }
            }
            // The first line is quiet zone: all light.
            #expect(lines[0] == String(repeating: inverted ? "█" : " ", count: m.size + 4))
        }
    }
}
