import Foundation
@testable import SocialdeckTerminal
import SocialdeckCore
import SocialdeckModel
import SocialdeckTestSupport
import SocialdeckViewModels
import Testing

/// Columns and text (issue #10, item 14): steady columns, wide screens used, cut lists
/// marked, and the prompts' lengths shown as they are typed.
@Suite("Layout")
struct LayoutTests {
    /// The fixture's queue with the over-limit thread cut to 198 characters: the same
    /// column widths, nothing over.
    static var queueWithinLimits: ApprovalQueueModel {
        var drafts = PaneFixtures.drafts
        let index = drafts.firstIndex { $0.title == "Q4 results thread" }!
        drafts[index].content.text = String(PaneFixtures.longThread.prefix(198))
        var model = ApprovalQueueModel(identity: PaneFixtures.identity)
        _ = model.send(.snapshot(drafts.map { QueueItem($0, snapshot: PaneFixtures.snapshot) }), now: PaneFixtures.now)
        return model
    }

    @Test("The queue's columns stay put whether or not a row is over its limit", arguments: [80, 160, 200])
    func columnsDoNotMoveWithTheWarning(width: Int) throws {
        let over = PaneFrame.approvals(PaneFixtures.approvals(), width: width, height: 30)
        let within = PaneFrame.approvals(Self.queueWithinLimits, width: width, height: 30)
        #expect(over.text().contains("⚠"))
        #expect(!within.text().contains("298/280"))
        for title in ["Winter launch", "Newsletter teaser", "Gift guide"] {
            let expected = try #require(column(of: title, in: over))
            #expect(column(of: title, in: within) == expected, "\(title) at \(width)")
        }
    }

    @Test("At 200 columns the preview gets the room: two cards side by side, the list only what it needs")
    func wideApprovals() throws {
        let model = PaneFixtures.approvals([.moveDown])
        let buffer = PaneFrame.approvals(model, width: 200, height: 60)
        let lines = (0..<buffer.height).map(buffer.line)
        #expect(lines.contains { $0.contains("┌ X 298/280 ⚠") && $0.contains("┌ LI 298/3000") }, "the cards sit side by side")
        // The summary line is ASCII: its second "│" (after the frame's) is the rule between list and preview.
        let summary = try #require(lines.first { $0.contains(" pending") })
        let divider = try #require(summary.dropFirst().firstIndex(of: "│").map { summary.distance(from: summary.startIndex, to: $0) })
        #expect(divider < 110, "the list stops where its columns end, not at three quarters of the screen")
    }

    @Test("At 200 columns a top post's title runs to the pane's edge")
    func wideTopPosts() throws {
        let long = String(repeating: "A very long post title that goes on ", count: 8)
        let period = AnalyticsReport.period(rangeDays: 30, now: PaneFixtures.now)
        let rows = [AnalyticsReport.Publication(postId: PaneFixtures.id(50), title: long, platform: .tiktok,
                                                publishedAt: date("2026-11-20T09:00:00Z"), views: 40_000, engagement: 3_519)]
        var model = AnalyticsModel()
        model.load(AnalyticsReport(period: period, rangeDays: 30, publications: rows))
        var buffer = CellBuffer(width: 200, height: 60)
        AnalyticsPane.render(model, in: buffer.bounds, into: &buffer, context: PaneFixtures.context())
        let row = try #require((0..<60).map(buffer.line).first { $0.contains("A very long post title") })
        #expect(row.hasSuffix("…"), "\(row)")
        #expect(row.contains("3,519") && row.contains("TikTok") && row.contains("20 Nov"))
    }

    @Test("A cut queue says how many drafts follow, and the cursor is never hidden by it")
    func cutQueue() throws {
        let model = PaneFixtures.approvals([.top])
        let buffer = PaneFrame.approvals(model, width: 80, height: 16)
        let text = buffer.text()
        let shown = (0..<buffer.height).filter { buffer.line($0).contains("○") || buffer.line($0).contains("●") }.count
        #expect(text.contains("↓ \(model.visible.count - shown) more"), "\(text)")
        let bottom = PaneFixtures.approvals([.bottom])
        let end = PaneFrame.approvals(bottom, width: 80, height: 16).text()
        #expect(end.contains("↑ "))
        #expect(end.contains("Gift guide"))
    }

    @Test("The editor shows the text's length on each target platform, in the error colour when over")
    func editorCounts() throws {
        let model = PaneFixtures.approvals([.moveDown, .beginEdit, .typed(" More.")])
        let buffer = PaneFrame.approvals(model, width: 80, height: 24)
        let count = PostLength.count(PaneFixtures.longThread + " More.", on: .twitter)
        let line = try #require((0..<24).map(buffer.line).first { $0.contains("X \(count)/280 ⚠") })
        #expect(line.contains("LI \(PostLength.count(PaneFixtures.longThread + " More.", on: .linkedin))/3000"))
        let error = PaneDrawing.layer(PaneFixtures.palette[.error], on: PaneFixtures.palette[.dialog])
        #expect(cells(buffer).contains { $0.cell.grapheme == "⚠" && $0.cell.style == error })
    }

    @Test("The reject prompt states its limit and counts the reason")
    func rejectLimit() {
        let model = PaneFixtures.approvals([.beginReject, .typed("Off-brand tone")])
        let text = PaneFrame.approvals(model, width: 80, height: 24).text()
        #expect(text.contains("Up to \(ContentWorkflow.rejectionReasonLimit) characters"))
        #expect(text.contains(" 14/500 "))
    }

    @Test("Goldens of the changed panes at 200×60")
    func wideGoldens() throws {
        let later = PaneFixtures.now.addingTimeInterval(1)
        let context = PaneFixtures.context(PaneFixtures.utc, now: later)
        for (name, actions) in [("browsing", ApprovalsPaneTests.browsing), ("editing", ApprovalsPaneTests.editing),
                                ("rejecting", ApprovalsPaneTests.rejecting)] {
            let model = PaneFixtures.approvals(actions)
            GoldenFile.assertMatches(PaneFrame.approvals(model, width: 200, height: 60, context: context),
                                     named: "approvals-\(name)-200x60")
        }
        let fixture = try PaneFixture.shared.get()
        var analytics = AnalyticsModel()
        analytics.load(fixture.analytics)
        var buffer = CellBuffer(width: 200, height: 60)
        AnalyticsPane.render(analytics, in: buffer.bounds, into: &buffer, context: PaneFixture.context)
        GoldenFile.assertMatches(buffer, named: "analytics-200x60")
    }
}
