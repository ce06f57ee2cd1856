import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckViewModels

/// The composer in the whole app (issue #12): `n`, typed keys, Ctrl-P, and the post
/// it saved going through the publisher as queued jobs and out.
@Suite("Composer flow")
struct ComposerFlowTests {
    static let text = "Winter sale starts Monday #winter"

    func posts(_ app: AppHarness, text: String) throws -> [Content] {
        try ModelCollection(app.store, Content.self).find(.eq("content.text", text))
    }

    @Test func fromNToQueuedJobsAndOut() throws {
        let app = try AppHarness(width: 100, height: 30)
        try app.signIn()
        try app.press("1", "n")
        #expect(app.screen.contains("New post"), "\(app.screen)")
        app.type(Self.text)
        try app.press("tab", "3", "tab", "tab")
        app.type("2026-11-30 09:00")
        try app.press("ctrl+p")
        #expect(!app.screen.contains("New post"), "\(app.screen)")
        #expect(app.screen.contains("scheduled for"))

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try app.dashboard().timeZone
        let at = try #require(calendar.date(from: DateComponents(year: 2026, month: 11, day: 30, hour: 9, minute: 0)))
        let post = try #require(try posts(app, text: Self.text).first)
        #expect(post.approval.status == .approved)
        #expect(post.platforms.map(\.platform) == [.facebook, .twitter, .linkedin])
        #expect(post.platforms.allSatisfy { $0.scheduledAt == at && $0.status == .scheduled })

        // Half a minute before its time (the seed's earlier posts go out in the same pass).
        _ = try PublishScheduler(store: app.store, clock: { at.addingTimeInterval(-30) }).runOnce()
        let jobs = try ModelCollection(app.store, PublishJob.self).find(.eq("contentId", post._id))
        #expect(jobs.count == 3 && jobs.allSatisfy { $0.state == .queued && $0.dueAt == at && $0.account?.live == false })
        let due = try PublishScheduler(store: app.store, clock: { at.addingTimeInterval(1) }).runOnce()
        #expect(due.published >= 3)
        #expect(try ModelCollection(app.store, Content.self).get(post._id)?.platforms.allSatisfy { $0.status == .published } == true)
    }

    /// `D` and `d` in the queue, on screen: the copy joins the queue; delete asks in the
    /// footer and the draft leaves the queue on yes.
    @Test func duplicateAndDeleteFromTheQueue() throws {
        let app = try AppHarness(width: 100, height: 30)
        try app.signIn()
        try app.press("2")
        let model = try app.dashboard()
        let draft = try #require(model.approvals.current)
        try app.press("D")
        #expect(app.screen.contains("copied as a new draft for approval"), "\(app.screen)")
        #expect(try ModelCollection(app.store, Content.self).count(.eq("title", draft.title + " (copy)")) == 1)
        try app.press("d")
        #expect(app.screen.contains("delete “\(draft.title)”?") && app.screen.contains("y delete · n keep"), "\(app.screen)")
        try app.press("y")
        #expect(app.screen.contains("deleted"), "\(app.screen)")
        #expect(try ModelCollection(app.store, Content.self).get(draft.id) == nil)
    }

    @Test func aRefusedSaveKeepsEverythingTyped() throws {
        let app = try AppHarness(width: 100, height: 30)
        try app.signIn()
        try app.press("2", "n")
        let long = String(repeating: "snow ", count: 60)
        app.type(long)
        try app.press("tab", "3", "ctrl+s")
        #expect(app.screen.contains("New post") && app.screen.contains("X: 20 over the limit of 280"), "\(app.screen)")
        #expect(try posts(app, text: long).isEmpty)
        try app.press("esc")
        #expect(app.screen.contains("esc again to discard this post"))
        try app.press("esc")
        #expect(!app.screen.contains("New post"))
    }

    @Test func aViewerIsToldWhyNot() throws {
        let app = try AppHarness(width: 100, height: 30)
        try app.signIn("viewer@acme.example")
        try app.press("1", "n")
        #expect(!app.screen.contains("New post"))
        #expect(app.screen.contains("your role cannot write posts"), "\(app.screen)")
    }
}
