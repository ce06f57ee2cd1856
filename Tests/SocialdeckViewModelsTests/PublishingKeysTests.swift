import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
@testable import SocialdeckViewModels

/// Publishing from the calendar (issue #12): `P`, `R` and `C` turn into core commands
/// or say why not; through the real runner and the publisher, the opened post shows
/// each platform's job, and the header the maintenance switch.
@Suite("Publishing keys")
struct PublishingKeysTests {
    let ws: Workspace
    init() throws { ws = try Workspace() }

    func entry(_ status: PostStatus, approval: ApprovalStatus = .approved) -> CalendarModel.Entry {
        var entry = CalendarModel.Entry(postId: ObjectId(high: 1, low: 2), title: "Launch", platform: .twitter, status: status, time: ws.now)
        entry.approval = approval
        return entry
    }

    @Test func eachKeyBecomesACommandOrSaysWhyNot() {
        let id = ObjectId(high: 1, low: 2)
        let go = CalendarController.publishing
        #expect(go(.publishNow, entry(.scheduled)) == [.run(.calendar(.publishNow(id, .twitter)))])
        #expect(go(.publishNow, entry(.failed)) == [.run(.calendar(.publishNow(id, .twitter)))])
        #expect(go(.publishNow, entry(.draft, approval: .pending)) == [.show("only an approved post is published; “Launch” is pending")])
        #expect(go(.publishNow, entry(.published)) == [.show("“Launch” is already published on X")])
        #expect(go(.retry, entry(.failed)) == [.run(.calendar(.retry(id, .twitter)))])
        #expect(go(.retry, entry(.missed)) == [.run(.calendar(.retry(id, .twitter)))])
        #expect(go(.retry, entry(.needsCheck)) == [.run(.calendar(.checked(id, .twitter, published: false)))])
        #expect(go(.retry, entry(.queued)) == [.show("nothing to retry: “Launch” is queued on X")])
        #expect(go(.retry, entry(.expired, approval: .pending))
                == [.show("it expired awaiting approval: approve it, then move it (m) to a new time")])
        #expect(go(.checked, entry(.needsCheck)) == [.run(.calendar(.checked(id, .twitter, published: true)))])
        #expect(go(.checked, entry(.failed)) == [.show("only a post waiting for a check is marked; this one is failed on X")])
        #expect(go(.publishNow, nil) == [.show("select a post in the day first")])
    }

    @Test func aViewerCannotPublish() throws {
        var model = ws.dashboard(ws.viewer)
        _ = model.select(.calendar)
        #expect(DashboardControllers.unavailableReason(.publishNow, in: model) == "your role cannot publish")
        #expect(DashboardControllers.unavailableReason(.retry, in: model) == "your role cannot publish")
    }

    /// `P` through the real runner, a publisher pass, and the next snapshot: the opened
    /// post's line names the sandbox and the permalink; a pause shows in the model.
    @Test func publishNowGoesOutAndTheOpenedPostShowsWhere() throws {
        let clock: @Sendable () -> Date = { [now = ws.now] in now.addingTimeInterval(61) }
        let post = try #require(try ModelCollection(ws.store, Content.self).first(
            .eq("organizationId", ws.acme._id) && .eq("approval.status", ApprovalStatus.approved)
                && .elemMatch("platforms", .eq("status", PostStatus.scheduled))))
        let platform = try #require(post.platforms.first { $0.status == .scheduled }).platform
        let runner = CommandRunner(store: ws.store, identity: ws.manager, clock: { [now = ws.now] in now }) { _, failure in
            #expect(failure == nil)
        }
        try runner.execute(.calendar(.publishNow(post._id, platform)))
        let report = try PublishScheduler(store: ws.store, clock: clock).runOnce()
        #expect(report.published >= 1)

        var model = ws.dashboard(ws.manager)
        var request = ws.everyPane(model)
        request.openPost = post._id
        var snapshot = try SnapshotLoader(store: ws.store, identity: ws.manager, clock: clock).load(request)
        let detail = PostDetail(try #require(snapshot.openPost), snapshot: snapshot)
        let line = try #require(detail.platforms.first { $0.platform == platform })
        #expect(line.status == PostStatus.published && line.sandboxed)
        #expect(line.publishing?.hasPrefix("https://") == true)
        #expect(detail.permalink == line.publishing)

        let staff = try #require(try ModelCollection(ws.store, AdminUser.self).first(.eq("role", StaffRole.superAdmin)))
        try PublishingSwitch(store: ws.store).set(paused: true, reason: "Upgrade until 21:00",
                                                  by: Identity(principal: .staff(adminId: staff._id, role: .superAdmin), sessionId: "s",
                                                               context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test")))
        snapshot = try SnapshotLoader(store: ws.store, identity: ws.manager, clock: clock).load(request)
        model.receive(.init(result: .success(snapshot), request: request, duration: 0.01), now: ws.now)
        #expect(model.publishingPaused == "Upgrade until 21:00")
    }
}
