import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The calendar's rows (issue #11): read slim, soonest first, and lenient with posts
/// another tool wrote without the fields a row can do without.
@Suite("Calendar rows")
struct CalendarListTests {
    @Test(arguments: Backend.enabled)
    func aPostWrittenElsewhereWithoutTitleOrApprovalIsStillListed(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let manager = try w.customer("manager@acme.test", in: org, role: .manager)
        let later = w.clock.now.addingTimeInterval(2 * 86_400)
        let bare = ObjectId()
        try w.store.insertOne(Document([
            .init("_id", .objectId(bare)), .init("organizationId", .objectId(org._id)),
            .init("platforms", .array([.document(Document([.init("platform", "facebook"), .init("status", "scheduled"),
                                                           .init("scheduledAt", .date(later))]))])),
        ]), into: Content.collection.rawValue)
        let written = try w.post(in: org, by: manager, title: "Launch")
        let ours = try #require(try w.storedPost(written._id).platforms.compactMap(\.scheduledAt).min())
        #expect(ours < later, "the fixture's post comes first")

        let rows = try #require(try w.workflow.calendar(from: w.clock.now, to: w.clock.now.addingTimeInterval(30 * 86_400),
                                                        for: identity(of: manager)))
        #expect(rows.map(\._id) == [written._id, bare])
        let row = try #require(rows.last)
        #expect(row.title == "" && row.approval.status == .pending)
        #expect(row.platforms.map(\.platform) == [.facebook] && row.platforms.map(\.status) == [.scheduled])
        #expect(row.platforms.first?.scheduledAt == later && row.platforms.first?.publishedAt == nil)
        #expect(rows.first == CalendarPost(try w.storedPost(written._id)))
    }
}
