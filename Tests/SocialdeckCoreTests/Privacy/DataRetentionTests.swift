import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Each organization's `dataRetentionDays`, enforced by a daily schedule the publisher's
/// passes run (issue #14): old notifications, closed tickets' words, fetched comments and
/// long-deleted accounts go; what is newer, still open or another organization's stays.
@Suite("Data retention")
struct DataRetentionTests {
    static let day: TimeInterval = 86_400

    @Test(arguments: Backend.enabled)
    func theDailyJobRemovesWhatIsOlderThanTheOrganizationKeeps(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let other = try p.w.organization("globex")
        let now = p.clock.now
        let admin = try p.w.customer("admin@acme.test", in: p.org, role: .admin)
        try DataRetention(store: p.store, clock: p.clock.closure).setDays(30, for: p.org._id, by: identity(of: admin))

        func note(_ org: Organization, _ user: User, age days: Double) throws {
            var n = UserNotification()
            n.organizationId = org._id
            n.userId = user._id
            n.title = "old news"
            n.createdAt = now.addingTimeInterval(-days * Self.day)
            try ModelCollection(p.store, UserNotification.self).insert(n)
        }
        func ticket(_ status: SupportTicket.Status, age days: Double, org: Organization? = nil) throws -> ObjectId {
            var t = SupportTicket()
            t.organizationId = (org ?? p.org)._id
            t.userId = p.writer._id
            t.subject = "Where is my invoice"
            t.status = status
            var m = SupportTicket.Message()
            m.text = "It is in the post"
            t.messages = [m]
            t.createdAt = now.addingTimeInterval(-days * Self.day)
            t.updatedAt = t.createdAt
            try ModelCollection(p.store, SupportTicket.self).insert(t)
            return t._id
        }
        func comment(_ id: String, age days: Double, org: Organization? = nil) throws {
            var c = SocialComment()
            c.organizationId = (org ?? p.org)._id
            c.externalId = id
            c.author = "@someone"
            c.text = "love it"
            c.receivedAt = now.addingTimeInterval(-days * Self.day)
            c.createdAt = c.receivedAt
            try ModelCollection(p.store, SocialComment.self).insert(c)
        }
        try note(p.org, p.writer, age: 40)
        try note(p.org, p.writer, age: 5)
        let otherUser = try p.w.customer("them@globex.test", in: other)
        try note(other, otherUser, age: 40)
        let oldClosed = try ticket(.closed, age: 40), oldOpen = try ticket(.open, age: 40), newResolved = try ticket(.resolved, age: 3)
        let otherOld = try ticket(.closed, age: 40, org: other)
        try comment("c-old", age: 40)
        try comment("c-new", age: 2)
        try comment("c-other", age: 40, org: other)
        let longGone = try p.w.customer("gone@acme.test", in: p.org) { $0.deletedAt = now.addingTimeInterval(-45 * Self.day) }
        let recentlyGone = try p.w.customer("recent@acme.test", in: p.org) { $0.deletedAt = now.addingTimeInterval(-5 * Self.day) }

        let scheduler = p.scheduler()
        _ = try scheduler.runOnce()
        let schedules = try ModelCollection(p.store, RecurringSchedule.self).find(.eq("kind", RecurringSchedule.Kind.retention))
        #expect(Set(schedules.map(\.organizationId)) == [p.org._id, other._id], "one retention schedule an organization")
        p.clock.advance(by: Self.day)
        #expect(try scheduler.runOnce().recurring >= 2, "Monday 03:00 came round for both")

        let notes = try ModelCollection(p.store, UserNotification.self).find(includeDeleted: true)
        #expect(notes.count == 2 && notes.contains { $0.organizationId == other._id }, "globex keeps a year")
        let tickets = ModelCollection(p.store, SupportTicket.self)
        #expect(try tickets.get(oldClosed)?.subject == "[erased]" && (try tickets.get(oldClosed)?.messages.map(\.text)) == ["[erased]"])
        #expect(try tickets.get(oldOpen)?.subject == "Where is my invoice", "an open ticket is still being worked on")
        #expect(try tickets.get(newResolved)?.subject == "Where is my invoice")
        #expect(try tickets.get(otherOld)?.subject == "Where is my invoice")
        #expect(Set(try ModelCollection(p.store, SocialComment.self).find().map(\.externalId)) == ["c-new", "c-other"])
        #expect(try p.w.storedUser(longGone._id).gdpr?.rightToBeDeleted == true)
        #expect(try p.w.storedUser(longGone._id).email.hasSuffix("@erased.invalid"))
        #expect(try p.w.storedUser(recentlyGone._id).email == "recent@acme.test")
        let applied = try p.w.adminLog().filter { $0.action == "data_retention_applied" }
        #expect(applied.count == 1 && applied[0].targetId == p.org._id, "globex had nothing past its year")

        p.clock.advance(by: Self.day)
        _ = try scheduler.runOnce()
        #expect(try p.w.adminLog().filter { $0.action == "data_retention_applied" }.count == 1, "the next day finds nothing more")
    }

    @Test func daysAreTheAdminsToSetWithinBounds() throws {
        let p = try PublishingWorld(.sqlite)
        let retention = DataRetention(store: p.store, clock: p.clock.closure)
        let admin = try p.w.customer("admin@acme.test", in: p.org, role: .admin)
        expectCoreError(.invalid) { try retention.setDays(7, for: p.org._id, by: identity(of: admin)) }
        #expect(throws: AccessDenied.self) { try retention.setDays(90, for: p.org._id, by: identity(of: p.manager)) }
        try retention.setDays(90, for: p.org._id, by: identity(of: admin))
        #expect(try ModelCollection(p.store, Organization.self).get(p.org._id)?.settings.dataRetentionDays == 90)
        #expect(try p.w.customerLog().last?.action == "data_retention_changed")
        _ = try p.scheduler().runOnce()
        let schedule = try #require(try ModelCollection(p.store, RecurringSchedule.self).first(.eq("kind", RecurringSchedule.Kind.retention)))
        expectCoreError(.invalid, "retention cannot be paused") {
            try RecurringSchedules(store: p.store, clock: p.clock.closure).setActive(false, schedule._id, by: identity(of: admin))
        }
    }
}
