import SocialdeckViewModels
import Foundation
@testable import SocialdeckTerminal
import Testing

@Suite("Overlays")
struct OverlayTests {
    let context = PaneFixtures.context()

    /// An empty dashboard frame with `draw` on top, as the app shows an overlay.
    private func frame(_ width: Int, _ height: Int, scope: KeyScope = .pane(.approvals),
                       _ draw: (Rect, inout CellBuffer) -> Void) -> CellBuffer {
        PaneFrame.render(width: width, height: height, tab: "Approvals", scope: scope) { _, buffer in
            draw(buffer.bounds.rows([.fill, .fixed(1)])[0], &buffer)
        }
    }

    @Test("Help at 80×24, generated from the bindings")
    func help() {
        let buffer = frame(80, 24) { rect, buffer in
            HelpOverlay.render(HelpOverlay.Model(scope: .pane(.approvals)), in: rect, into: &buffer, context: context)
        }
        GoldenFile.assertMatches(buffer, named: "help-80x24")
        let text = buffer.text()
        // The pane's own keys first, then the global ones.
        #expect(buffer.line(2).contains("Approvals"))
        #expect(text.contains("Everywhere"))
        #expect(text.contains("q/ctrl+c"))
        #expect(text.contains("Quit socialdeck"))
    }

    @Test("Help scrolls, clamps its offset and shows a remap")
    func helpScrolls() {
        var bindings = KeyBindings()
        bindings.rebind(.approve, in: .pane(.approvals), to: [.character("A")])
        let rect = Rect(width: 80, height: 23)
        let end = HelpModel(bindings: bindings).maximumOffset(screenRows: rect.height)
        #expect(end > 0)
        var last = CellBuffer(width: 80, height: 23)
        HelpOverlay.render(HelpOverlay.Model(bindings: bindings, offset: end), in: rect, into: &last, context: context)
        var beyond = CellBuffer(width: 80, height: 23)
        HelpOverlay.render(HelpOverlay.Model(bindings: bindings, offset: end + 50), in: rect, into: &beyond, context: context)
        #expect(last == beyond)
        #expect(last.text().contains("Show the 50 before, newer"), "the last section, the audit pane's, ends the last page")
        let lines = HelpModel(sections: bindings.helpSections()).lines
        #expect(lines.contains(.key(keys: "A", description: "Approve the selected drafts")))
        let explained = HelpModel(sections: bindings.helpSections(), unavailable: [.approve: "your role cannot approve"]).lines
        #expect(explained.contains(.unavailable(keys: "A", description: "(your role cannot approve) Approve the selected drafts")))
    }

    @Test("Footer at 80×24, and narrower footers drop what does not fit")
    func footer() {
        var buffer = CellBuffer(width: 80, height: 24)
        let scopes: [KeyScope] = [.pane(.approvals), .pane(.calendar), .pane(.analytics), .pane(.agents), .pane(.revenue), .global]
        for (row, scope) in scopes.enumerated() {
            FooterBar.render(FooterBar.Model(scope: scope), in: Rect(y: row, width: 80, height: 1), into: &buffer, context: context)
        }
        for (index, width) in [60, 40, 24, 10, 5].enumerated() {
            FooterBar.render(FooterBar.Model(scope: .pane(.approvals)), in: Rect(y: 8 + index, width: width, height: 1),
                             into: &buffer, context: context)
        }
        FooterBar.render(FooterBar.Model(scope: .pane(.calendar), status: "10:00 Europe/Berlin"), in: Rect(y: 15, width: 80, height: 1),
                         into: &buffer, context: context)
        GoldenFile.assertMatches(buffer, named: "footer-80x24")
        #expect(buffer.line(0).hasPrefix(" a approve  r reject  e edit  space select  / filter  q quit  ? help  : command"))
        #expect(buffer.line(10).contains("? help"))
        #expect(FooterBar.visibleEntries(FooterBar.Model(scope: .pane(.approvals)), width: 6).map(\.action) == [.help])
        #expect(FooterBar.visibleEntries(FooterBar.Model(scope: .pane(.approvals)), width: 0).isEmpty)
    }

    @Test("The command palette at 80×24")
    func palette() {
        let model = CommandPaletteOverlay.Model(text: "re", scope: .pane(.approvals), selected: 1)
        let buffer = frame(80, 24) { rect, buffer in
            CommandPaletteOverlay.render(model, in: rect, into: &buffer, context: context)
        }
        GoldenFile.assertMatches(buffer, named: "palette-80x24")
        #expect(buffer.text().contains(": re"))
    }

    @Test("The palette matches labels, actions and command words")
    func paletteMatches() {
        func names(_ text: String, _ scope: KeyScope = .pane(.approvals)) -> [String] {
            CommandPaletteOverlay.Model(text: text, scope: scope).matches.map(CommandPaletteOverlay.name(of:))
        }
        #expect(names("").count == KeyBindings.defaults.paletteEntries(scope: .pane(.approvals)).count + 4)  // "quit" is a binding too
        #expect(names("appr").first == "approve")
        #expect(names("th").first == "theme NAME")
        #expect(names("theme dark") == ["theme NAME"])
        #expect(names("goto 2026-12-01") == ["goto YYYY-MM-DD"])
        #expect(names("quit") == ["quit"])
        #expect(names("zzz").isEmpty)
        let buffer = frame(80, 24) { rect, buffer in
            CommandPaletteOverlay.render(CommandPaletteOverlay.Model(text: "zzz\u{1B}[2J", scope: .pane(.calendar)), in: rect,
                                         into: &buffer, context: context)
        }
        #expect(buffer.text().contains("No command matches “zzz␛[2J”"))
    }

    @Test("Too small at 59×15, 20×5 and 1×1", arguments: [(59, 15), (20, 5), (1, 1)])
    func tooSmall(width: Int, height: Int) {
        var buffer = CellBuffer(width: width, height: height)
        TooSmallNotice.render(TooSmallNotice.minimum, in: buffer.bounds, into: &buffer, context: context)
        GoldenFile.assertMatches(buffer, named: "too-small-\(width)x\(height)")
        if width == 59 { #expect(buffer.text().contains("terminal too small (need 60×16)")) }
    }

    @Test("Too small draws at every size below the minimum")
    func tooSmallEverySize() {
        for width in 0..<60 {
            for height in 0..<16 {
                var buffer = CellBuffer(width: width, height: height)
                TooSmallNotice.render(TooSmallNotice.minimum, in: buffer.bounds, into: &buffer, context: context)
                #expect(TooSmallNotice.applies(to: ScreenSize(width: width, height: height)))
                if width > 0 && height > 0 { #expect(buffer.text().contains { $0 != " " && $0 != "\n" }) }
            }
        }
        #expect(!TooSmallNotice.applies(to: ScreenSize(width: 60, height: 16)))
    }

    @Test("Overlays draw at tiny sizes without trapping")
    func tinySizes() {
        for width in 0...30 {
            for height in 0...10 {
                var buffer = CellBuffer(width: width, height: height)
                HelpOverlay.render(HelpOverlay.Model(offset: 3), in: buffer.bounds, into: &buffer, context: context)
                CommandPaletteOverlay.render(CommandPaletteOverlay.Model(text: "a", scope: .pane(.calendar)), in: buffer.bounds,
                                             into: &buffer, context: context)
                FooterBar.render(FooterBar.Model(scope: .pane(.agents), status: "now"), in: buffer.bounds, into: &buffer, context: context)
            }
        }
    }
}
