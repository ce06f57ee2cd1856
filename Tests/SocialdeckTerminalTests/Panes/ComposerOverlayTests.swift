import Foundation
import SocialdeckModel
import SocialdeckTestSupport
@testable import SocialdeckTerminal
import SocialdeckViewModels
import Testing

/// The composer as drawn (issue #12), text and style, at fixed sizes.
@Suite("Composer overlay")
struct ComposerOverlayTests {
    let context = PaneFixtures.context()
    let now = date("2026-11-29T10:00:00Z")

    /// A post too long for X, for Instagram without media, with a time typed.
    func composer(focus: ComposerModel.Field = .text) -> ComposerModel {
        var c = ComposerModel(canSchedule: true, timeZone: TimeZone(identifier: "Europe/Berlin")!, day: now)
        let text = "Our winter jackets are here ❄️ #winter https://acme.example/winter\n"
            + String(repeating: "Warm, light and made to last. ", count: 8)
        for ch in text { _ = c.key(ch == "\n" ? Key(.enter) : ch == " " ? Key(.space) : .character(ch), now: now) }
        _ = c.key(Key(.tab), now: now)
        _ = c.key(.character("2"), now: now)
        _ = c.key(.character("3"), now: now)
        _ = c.key(Key(.tab), now: now)
        _ = c.key(Key(.tab), now: now)
        for ch in "2026-12-01 09:30" { _ = c.key(ch == " " ? Key(.space) : .character(ch), now: now) }
        while c.field != focus { _ = c.key(Key(.tab), now: now) }
        return c
    }

    func frame(_ c: ComposerModel, _ width: Int, _ height: Int) -> CellBuffer {
        PaneFrame.render(width: width, height: height, tab: "Calendar", scope: .pane(.calendar)) { _, buffer in
            ComposerOverlay.render(c, hint: DashboardPrompt.compose(c).keysHint, in: buffer.bounds, into: &buffer,
                                   palette: context.palette)
        }
    }

    @Test("The composer at 80×24: live counts, each platform's reason")
    func at80x24() {
        let c = composer()
        let buffer = frame(c, 80, 24)
        GoldenFile.assertMatches(buffer, named: "composer-80x24")
        let text = buffer.text()
        let x = PostCheck(text: c.text.text, on: .twitter).count
        #expect(x > 280)
        #expect(text.contains("New post"))
        #expect(text.contains("[x] FB  [x] IG  [x] X  [x] LI  [ ] TT"), "\(text)")
        #expect(text.contains("X \(x)/280 ⚠"))
        #expect(text.contains("Instagram: needs a photo or a video"))
        #expect(text.contains("X: \(x - 280) over the limit of 280"))
        #expect(text.contains("2026-12-01 09:30"))
    }

    @Test("The composer at 120×36, the platforms row focused")
    func at120x36() {
        let buffer = frame(composer(focus: .platforms), 120, 36)
        GoldenFile.assertMatches(buffer, named: "composer-120x36")
        #expect(buffer.text().contains("ctrl-p schedule (no time: now)"))
    }

    @Test("The composer at 100×30 with X's own wording open")
    func tailoredAt100x30() {
        var c = composer()
        let ctrlT = Key(.character("t"), control: true)
        while c.wording != .twitter { _ = c.key(ctrlT, now: now) }
        while !c.editor.text.isEmpty { _ = c.key(Key(.backspace), now: now) }
        for ch in "Winter jackets are in ❄️ #winter" { _ = c.key(ch == " " ? Key(.space) : .character(ch), now: now) }
        let buffer = frame(c, 100, 30)
        GoldenFile.assertMatches(buffer, named: "composer-tailored-100x30")
        let text = buffer.text()
        #expect(text.contains("Text for X only") && text.contains("Winter jackets are in"))
        #expect(text.contains("X* 32/280") && !text.contains("X: "), "X's own wording fits: \(text)")
    }

    @Test("Too small for the composer: it says so instead of drawing a broken box")
    func tooSmall() {
        var buffer = CellBuffer(width: 28, height: 8)
        ComposerOverlay.render(composer(), hint: "", in: buffer.bounds, into: &buffer, palette: context.palette)
        #expect(buffer.text().contains("the composer needs"))
        #expect(!buffer.text().contains("New post"))
    }
}
