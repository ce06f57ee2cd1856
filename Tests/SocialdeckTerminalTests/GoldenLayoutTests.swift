import SocialdeckTerminal
import Testing

@Suite("Golden screens")
struct GoldenLayoutTests {
    /// A small fixed dashboard: header, two boxes with CJK and emoji, a truncated line, a footer.
    private func dashboard(width: Int, height: Int,
                           header: Style = Style(foreground: .ansi(.black), background: .ansi(.cyan), attributes: [.bold]))
        -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        let areas = buffer.bounds.rows([.fixed(1), .fill, .fixed(1)])
        buffer.fill(areas[0], style: header)
        buffer.put(" socialdeck — Overview", x: 0, y: 0, style: header)
        let clock = "12:00 UTC "
        buffer.put(clock, x: width - DisplayWidth.of(clock), y: 0, style: header)

        let panes = areas[1].columns([.fraction(0.4), .fill])
        buffer.drawBox(panes[0], title: "Accounts 👥")
        let accounts = ["🇯🇵 東京チーム", "👩\u{200D}💻 dev team", "Café e\u{0301}clair", "한국어 계정 👍🏽", "☀\u{FE0F} weather ☀\u{FE0E}"]
        let inner = panes[0].inset(by: 1)
        for (row, account) in accounts.enumerated() where row < inner.height {
            buffer.put(account, x: inner.x + 1, y: inner.y + row, maxWidth: inner.width - 1)
        }

        buffer.drawBox(panes[1], title: "Queue")
        let queue = panes[1].inset(by: 1)
        let post = "Launch day! 新製品の発表は明日です 🚀 — stay tuned for the full story, pictures and a live stream with the team"
        buffer.put(DisplayWidth.truncate(post, toColumns: queue.width - 2, ellipsis: true), x: queue.x + 1, y: queue.y)
        buffer.put("Scheduled\t09:30\nTue", x: queue.x + 1, y: queue.y + 1, style: Style(attributes: [.dim]))

        buffer.put(" q quit  ? help  ↑↓ move", x: 0, y: areas[2].y, style: Style(attributes: [.reverse]), maxWidth: width)
        return buffer
    }

    @Test("Dashboard at 80×24")
    func standard() {
        GoldenFile.assertMatches(dashboard(width: 80, height: 24), named: "dashboard-80x24")
    }

    @Test("Dashboard at 160×48")
    func large() {
        GoldenFile.assertMatches(dashboard(width: 160, height: 48), named: "dashboard-160x48")
    }

    @Test("The dashboard with its header colours swapped fails against its golden")
    func swappedHeaderColours() throws {
        let swapped = dashboard(width: 80, height: 24,
                                header: Style(foreground: .ansi(.cyan), background: .ansi(.black), attributes: [.bold]))
        #expect(swapped.text() == dashboard(width: 80, height: 24).text())
        let report = try #require(try GoldenFile.mismatch(swapped, named: "dashboard-80x24"))
        #expect(report.contains("row 1, columns 1–80:\n- fg=black bg=cyan bold\n+ fg=cyan bg=black bold"), "\(report)")
    }

    @Test("A mismatch is reported line by line with the column")
    func differenceReport() {
        let report = GoldenFile.difference(expected: "abc\n中文 x\n", actual: "abc\n中文 y\n", name: "sample")
        #expect(report.contains("line 2, from column 6:"))
        #expect(report.contains("- │中文 x│"))
        #expect(report.contains("+ │中文 y│"))
        #expect(!report.contains("line 1"))
    }
}
