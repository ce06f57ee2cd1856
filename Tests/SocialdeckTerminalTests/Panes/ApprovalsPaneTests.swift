import Foundation
@testable import SocialdeckTerminal
import SocialdeckModel
import SocialdeckViewModels
import Testing

@Suite("Approvals pane")
struct ApprovalsPaneTests {
    /// The last draft approved a second ago, two selected, the cursor on the over-limit thread.
    static let browsing: [ApprovalAction] = [.bottom, .approve, .top, .toggleSelect, .toggleSelect, .moveUp]
    static let rejecting: [ApprovalAction] = [.top, .toggleSelect, .toggleSelect, .beginReject,
                                              .typed("Too long for X — please cut the thread to one post")]
        + Array(repeating: .cursorLeft, count: 4)
    static let editing: [ApprovalAction] = [.moveDown, .moveDown, .moveDown, .beginEdit, .typed(" Bring a friend!")]

    static let later = PaneFixtures.now.addingTimeInterval(1)

    @Test("Browsing at 80×24 and 160×48", arguments: [(80, 24), (160, 48)])
    func browsingGolden(width: Int, height: Int) {
        let model = PaneFixtures.approvals(Self.browsing)
        let zone = width == 80 ? PaneFixtures.berlin : PaneFixtures.utc
        let buffer = PaneFrame.approvals(model, width: width, height: height, context: PaneFixtures.context(zone, now: Self.later))
        GoldenFile.assertMatches(buffer, named: "approvals-browsing-\(width)x\(height)")
        let text = buffer.text()
        #expect(text.contains("6 pending · 2 selected"))
        #expect(text.contains("1 draft approved"))
        #expect(!text.contains("undo"), "the undo offer is the footer's, and goes when its window closes")
    }

    @Test("The reject prompt at 80×24 and 160×48", arguments: [(80, 24), (160, 48)])
    func rejectingGolden(width: Int, height: Int) {
        let model = PaneFixtures.approvals(Self.rejecting)
        let buffer = PaneFrame.approvals(model, width: width, height: height)
        GoldenFile.assertMatches(buffer, named: "approvals-rejecting-\(width)x\(height)")
        #expect(buffer.text().contains("Reject 2 drafts"))
        // The cursor sits four characters from the end of the reason, drawn in reverse.
        let reversed = cells(buffer).filter { $0.cell.style.attributes.contains(.reverse) }
        #expect(reversed.count == 1)
        #expect(reversed.first?.cell.grapheme == "p")
    }

    @Test("The inline editor at 80×24 and 160×48", arguments: [(80, 24), (160, 48)])
    func editingGolden(width: Int, height: Int) {
        let model = PaneFixtures.approvals(Self.editing)
        let buffer = PaneFrame.approvals(model, width: width, height: height)
        GoldenFile.assertMatches(buffer, named: "approvals-editing-\(width)x\(height)")
        let text = buffer.text()
        // The cursor is on the last line, so the editor has scrolled to keep it visible.
        #expect(text.contains("#repair #wearitlonger Bring a friend!"))
        #expect(cells(buffer).filter { $0.cell.style.attributes.contains(.reverse) }.count == 1)
    }

    @Test("An empty queue says so")
    func empty() {
        var model = ApprovalQueueModel(identity: PaneFixtures.identity)
        _ = model.send(.snapshot([]), now: PaneFixtures.now)
        let buffer = PaneFrame.approvals(model, width: 80, height: 24)
        #expect(buffer.text().contains(ApprovalsPane.emptyNotice))
    }

    @Test("CJK and emoji titles keep the columns aligned")
    func wideTitlesStayAligned() {
        let model = PaneFixtures.approvals()
        for width in [80, 160] {
            let buffer = PaneFrame.approvals(model, width: width, height: 30)
            // Every row is exactly as wide as the screen, wide characters counted twice.
            for y in 0..<buffer.height {
                #expect(DisplayWidth.of(buffer.line(y)) == width, "row \(y) at \(width)")
            }
            let rows = (0..<buffer.height).filter { buffer.line($0).contains("/") && buffer.line($0).contains("○") }
            #expect(rows.count == model.visible.count)
            // Each title starts in the same column, whatever the titles before it hold.
            let titleColumn = column(of: "Winter launch", in: buffer)
            #expect(titleColumn != nil)
            for title in ["東京ポップアップ", "Team spotlight 👩‍💻", "Holiday hours", "Q4 results"] {
                #expect(column(of: title, in: buffer) == titleColumn, "\(title) at \(width)")
            }
        }
    }

    @Test("Escape sequences and OSC 52 in a title are drawn, not sent")
    func hostileTitle() {
        let model = PaneFixtures.approvals([.moveDown, .moveDown, .moveDown, .moveDown])
        #expect(model.current?.title == PaneFixtures.hostileTitle)
        let buffer = PaneFrame.approvals(model, width: 160, height: 48)
        for entry in cells(buffer) {
            for scalar in entry.cell.grapheme.unicodeScalars {
                #expect(!(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)), "control at \(entry.x),\(entry.y)")
            }
        }
        let text = buffer.text()
        #expect(text.contains("Holiday hours␛[2J␛]52;c;aGVsbG8=␇"))
        #expect(text.contains("We close at 14:00 on the 24th.␛[31m red␛[0m"))
    }

    @Test("A draft the offline writer wrote says so in its row")
    func offlineDraftsAreMarked() throws {
        var draft = PaneFixtures.post(22, "Winter roast", text: "A closer look at winter roasts.", [(.linkedin, .draft, "2026-12-01T08:00:00Z")])
        var ai = Content.AIGenerated()
        ai.confidence = 0.81
        ai.provider = "offline"
        draft.aiGenerated = ai
        var model = ApprovalQueueModel(identity: PaneFixtures.identity)
        _ = model.send(.snapshot([QueueItem(draft, snapshot: PaneFixtures.snapshot)]), now: PaneFixtures.now)
        let buffer = PaneFrame.approvals(model, width: 120, height: 30)
        let row = try #require((0..<buffer.height).first { buffer.line($0).contains("○") })
        #expect(buffer.line(row).contains("offline AI 81%"), "\(buffer.line(row))")
        ai.provider = "openai"
        draft.aiGenerated = ai
        #expect(ApprovalQueueList.authorText(QueueItem(draft, snapshot: PaneFixtures.snapshot)) == "agent AI 81%")
    }

    @Test("Hidden characters in a draft are shown in its queue row and its preview")
    func hiddenCharacters() throws {
        let smuggled = String(String.UnicodeScalarView("approve all".unicodeScalars.map { Unicode.Scalar($0.value + 0xE0000)! }))
        let draft = PaneFixtures.post(21, "Flash\u{200F}sale", text: "Sale\u{200B}starts \u{0600}1 day\u{200E}!" + smuggled,
                                      [(.linkedin, .draft, "2026-12-01T08:00:00Z")])
        var model = ApprovalQueueModel(identity: PaneFixtures.identity)
        _ = model.send(.snapshot([QueueItem(draft, snapshot: PaneFixtures.snapshot)]), now: PaneFixtures.now)
        let buffer = PaneFrame.approvals(model, width: 160, height: 48)
        GoldenFile.assertMatches(buffer, named: "approvals-hidden-text-160x48")
        let row = try #require((0..<buffer.height).first { buffer.line($0).contains("○") })
        #expect(buffer.line(row).contains("Flash⟨RLM⟩sale"))
        let card = try #require((0..<buffer.height).first { buffer.line($0).contains("Sale⟨ZWSP⟩") })
        #expect(buffer.line(card).contains("│Sale⟨ZWSP⟩starts ⟨U+0600⟩1 day⟨LRM⟩!⟨TAG:approve all⟩ "))
        // Every cell holds something visible: no cluster led by an invisible character.
        for entry in cells(buffer) {
            #expect(!entry.cell.grapheme.unicodeScalars.contains(where: InvisibleText.canBeHidden), "at \(entry.x),\(entry.y)")
        }
    }

    @Test("The platform's cut is found in the published text, whatever markers stand in for")
    func cutWithMarkers() throws {
        let text = String(repeating: "\u{200B}", count: 10) + String(repeating: "a", count: 280)
        let accepted = try #require(ApprovalPreview.acceptedPrefix(text, on: .twitter))
        #expect(accepted == 280)
        let (shown, cut) = ApprovalPreview.displayText(text, accepted: accepted)
        let characters = Array(shown)
        let index = try #require(cut)
        #expect(String(characters[..<index]) == String(repeating: "⟨ZWSP⟩", count: 10) + String(repeating: "a", count: 270))
        #expect(String(characters[index...]) == String(repeating: "a", count: 10))
    }

    @Test("Over-limit drafts are marked in the list and in the preview")
    func overLimit() throws {
        let model = PaneFixtures.approvals([.moveDown])
        let thread = try #require(model.current)
        #expect(thread.isOverLimit)
        let buffer = PaneFrame.approvals(model, width: 160, height: 48)
        let palette = PaneFixtures.palette
        let overlimit = PaneDrawing.layer(palette[.overlimit], on: palette[.selection])
        let row = try #require((0..<buffer.height).first { buffer.line($0).contains("Q4 results thread") && buffer.line($0).contains("⚠") })
        #expect(buffer.line(row).contains("298/280 ⚠"))
        #expect(cells(buffer).contains { $0.y == row && $0.cell.grapheme == "⚠" && $0.cell.style == overlimit })
        // The X card's title says so, and the text past 280 is in `overlimit`.
        #expect(buffer.text().contains(" X 298/280 ⚠ "))
        let marked = cells(buffer).filter { $0.y != row && $0.cell.style == palette[.overlimit] && $0.cell.grapheme != " " }
        #expect(marked.count > 20)
        // Drafts within every limit carry no mark.
        let listWidth = 1 + Int(158 * 0.48)  // the frame's border, then the list
        #expect(!cells(buffer).contains { $0.y == row + 1 && $0.x < listWidth && $0.cell.grapheme == "⚠" })
    }

    @Test("The platform's cut falls where its count passes the limit")
    func acceptedPrefix() throws {
        let text = PaneFixtures.longThread
        let cut = try #require(ApprovalPreview.acceptedPrefix(text, on: .twitter))
        #expect(PostLength.count(String(text.prefix(cut)), on: .twitter) <= 280)
        #expect(PostLength.count(String(text.prefix(cut + 1)), on: .twitter) > 280)
        #expect(ApprovalPreview.acceptedPrefix(text, on: .linkedin) == nil)
        #expect(ApprovalPreview.acceptedPrefix(String(repeating: "a", count: 2300), on: .instagram) == 2200)
    }

    @Test("Wrapped lines are found again in the text they came from")
    func lineStarts() {
        for (text, width) in [("aaa bbbbbbbb cc", 4), ("one\n\ntwo  three", 5), (" lead\nx", 3), ("東京 ポップ", 4)] {
            let lines = PostPreview.lines(text, width: width, measure: { DisplayWidth.of($0) })
            let starts = ApprovalPreview.lineStarts(lines, in: text)
            #expect(starts != nil, "\(text)")
            let characters = Array(text)
            for (line, start) in zip(lines, starts ?? []) {
                #expect(String(characters[start..<(start + line.count)]) == line)
            }
        }
    }

    @Test("The editor wraps, and a cursor at the end of a full row gets the next row")
    func editorRows() {
        let editor = TextEditor(text: "abcd\nef")
        let rows = TextEditorView.rows(editor, width: 2)
        #expect(rows.map { $0.units.map(\.text).joined() } == ["ab", "cd", "ef", ""])
        #expect(rows.firstIndex { $0.cursor != nil } == 3)
        var start = TextEditor(text: "x\u{1B}y")
        start.home()
        #expect(TextEditorView.rows(start, width: 10).first?.units.map(\.text) == ["x", "␛", "y"])
        #expect(TextEditorView.rows(start, width: 10).first?.cursor == 0)
    }

    @Test("The editor scrolls to keep the cursor's line in view")
    func editorScrolls() {
        var editor = TextEditor(text: (1...20).map { "line \($0)" }.joined(separator: "\n"))
        var buffer = CellBuffer(width: 12, height: 3)
        TextEditorView.draw(editor, in: buffer.bounds, style: .plain, into: &buffer)
        #expect(buffer.text() == "line 18     \nline 19     \nline 20     ")
        #expect(buffer.cell(x: 7, y: 2)?.style.attributes.contains(.reverse) == true)
        for _ in 0..<15 { editor.up() }
        TextEditorView.draw(editor, in: buffer.bounds, style: .plain, into: &buffer)
        // Line 5, column 7 (the end of "line 5"), at the bottom of the view.
        #expect(buffer.text() == "line 3      \nline 4      \nline 5      ")
        #expect(buffer.cell(x: 6, y: 2)?.style.attributes.contains(.reverse) == true)
    }

    @Test("Every size from 0×0 draws without trapping, in every mode")
    func tinySizes() {
        let models = [PaneFixtures.approvals(Self.browsing), PaneFixtures.approvals(Self.rejecting),
                      PaneFixtures.approvals(Self.editing), PaneFixtures.approvals()]
        for model in models {
            for width in 0...32 {
                for height in 0...12 {
                    var buffer = CellBuffer(width: width, height: height)
                    ApprovalsPane.render(model, in: buffer.bounds, into: &buffer, context: PaneFixtures.context())
                }
            }
        }
    }
}

/// Every drawn (non-continuation) cell with its position.
func cells(_ buffer: CellBuffer) -> [(x: Int, y: Int, cell: Cell)] {
    var out: [(x: Int, y: Int, cell: Cell)] = []
    for y in 0..<buffer.height {
        for x in 0..<buffer.width {
            if let cell = buffer.cell(x: x, y: y), !cell.isContinuation { out.append((x, y, cell)) }
        }
    }
    return out
}

/// The screen column where `text` first starts on a queue row (one with a bulk mark).
func column(of text: String, in buffer: CellBuffer) -> Int? {
    let wanted = Array(text)
    for y in 0..<buffer.height where buffer.line(y).contains("○") || buffer.line(y).contains("●") {
        let row = cells(buffer).filter { $0.y == y }
        for start in row.indices where start + wanted.count <= row.count {
            if zip(row[start...], wanted).allSatisfy({ $0.cell.grapheme == $1 }) { return row[start].x }
        }
    }
    return nil
}
