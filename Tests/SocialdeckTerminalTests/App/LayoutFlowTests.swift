import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckTestSupport
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// Columns and text in the running app (issue #10, item 14): the header shortens at a
/// word, a cut queue says more drafts follow, a wide terminal's preview uses its width,
/// and the editor and the reject prompt count what is typed against its limit.
@Suite("Layout in-process")
struct LayoutFlowTests {
    func model(_ app: AppHarness) throws -> DashboardModel {
        guard case .dashboard(let model) = app.runtime.screen else { throw FixtureError("not on the dashboard") }
        return model
    }

    /// Moves the queue's cursor to the first draft `matching`, and returns it.
    func select(_ app: AppHarness, _ matching: (QueueItem) -> Bool) throws -> QueueItem {
        let visible = try model(app).approvals.visible
        let found = visible.firstIndex(where: matching)
        let index = try #require(found, "no draft in the seed fits")
        try app.press("g")
        for _ in 0..<index { try app.press("j") }
        return try #require(try model(app).approvals.current)
    }

    @Test func theHeaderShortensAfterAWordAndTheQueueSaysHowManyMoreFollow() throws {
        let app = try AppHarness(width: 80, height: 24, posts: 120)
        try app.signIn()
        let m = try model(app)
        let full = [m.organizationName ?? "", "\(m.userName) (\(m.roleName))", m.storeLocation].joined(separator: " · ")
        let header = try #require(app.screen.components(separatedBy: "\n").first)
        let facts = try #require(header.components(separatedBy: "●").first).replacingOccurrences(of: " socialdeck ", with: "")
            .replacingOccurrences(of: "✉ \(m.unreadNotifications)", with: "").trimmingCharacters(in: .whitespaces)
        #expect(facts.hasSuffix("…"), "\(header)")
        let kept = String(facts.dropLast())
        #expect(full.hasPrefix(kept) && full.dropFirst(kept.count).first == " ", "'\(kept)' ends at a word of '\(full)'")

        let rows = app.screen.components(separatedBy: "\n").filter { $0.hasPrefix("○") || $0.hasPrefix("●") }.count
        #expect(rows < m.approvals.visible.count)
        #expect(app.screen.contains("↓ \(m.approvals.visible.count - rows) more"), "\(app.screen)")
    }

    @Test func atTwoHundredColumnsThePreviewPutsCardsSideBySide() throws {
        let app = try AppHarness(width: 200, height: 60, posts: 120)
        try app.signIn()
        _ = try select(app) { $0.platforms.count >= 2 }
        let cardRows = app.screen.components(separatedBy: "\n").filter { $0.components(separatedBy: "┌ ").count > 2 }
        #expect(!cardRows.isEmpty, "two cards share a row:\n\(app.screen)")
    }

    @Test func theEditorCountsTheTextOnEachPlatformAsItIsTyped() throws {
        let app = try AppHarness(width: 80, height: 24, posts: 120)
        try app.signIn()
        let draft = try select(app) { $0.platforms.contains(.twitter) }
        try app.press("e")
        let before = PostLength.count(draft.text, on: .twitter)
        #expect(app.screen.contains("X \(before)/280"), "\(app.screen)")
        let added = String(repeating: " more", count: 60)
        app.type(added)
        let after = PostLength.count(draft.text + added, on: .twitter)
        #expect(after > 280)
        #expect(app.screen.contains("X \(after)/280 ⚠"), "\(app.screen)")
    }

    @Test func theRejectPromptShowsItsLimitAndCounts() throws {
        let app = try AppHarness(width: 80, height: 24, posts: 120)
        try app.signIn()
        try app.press("r")
        #expect(app.screen.contains("Up to \(ContentWorkflow.rejectionReasonLimit) characters"))
        #expect(app.screen.contains(" 0/500 "))
        app.type("Off-brand tone")
        #expect(app.screen.contains(" 14/500 "))
    }
}
