import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The audit viewer (issue #14): newest first, filtered by who, target, action and
/// severity, paged by cursor through entries of the same moment, with each change's
/// before and after; who may read which log.
@Suite("Audit viewer")
struct AuditViewerTests {
    @Test(arguments: Backend.enabled)
    func filtersPagesAndShowsWhatChanged(_ backend: Backend) throws {
        let b = try BillingWorld(backend)
        let support = b.staffIdentity(.support)
        let users = b.w.users()
        // Five entries at one moment, then a suspension a minute later.
        for i in 0..<5 { try users.unlock(b.manager._id, by: i % 2 == 0 ? support : b.staffIdentity(.admin)) }
        b.w.clock.advance(by: 60)
        try users.suspend(b.manager._id, reason: "chargeback", by: support)
        let viewer = AuditViewer(store: b.w.store)

        let first = try viewer.page(.init(limit: 2), by: support)
        #expect(first.entries.first?.action == "user_suspended" && first.next != nil)
        var seen = first.entries.map(\.id), cursor = first.next
        while let next = cursor {
            let page = try viewer.page(.init(limit: 2), after: next, by: support)
            seen += page.entries.map(\.id)
            cursor = page.next
        }
        #expect(seen.count == 6 && Set(seen).count == 6, "every entry once, through entries of the same moment")

        let suspended = try #require(try viewer.page(.init(action: "user_suspended"), by: support).entries.first)
        #expect(suspended.reason == "chargeback" && suspended.severity == .warning && suspended.actor == b.staff[.support]!._id)
        #expect(suspended.changes.map(\.path) == ["authentication.isActive"])
        #expect(AuditEntry.text(suspended.changes.first?.before) == "true" && AuditEntry.text(suspended.changes.first?.after) == "false")
        #expect(try viewer.page(.init(actor: b.staff[.admin]!._id), by: support).entries.count == 2)
        #expect(try viewer.page(.init(target: b.manager._id, severity: .warning), by: support).entries.count == 1)
    }

    @Test func whoReadsWhichLog() throws {
        let b = try BillingWorld(.sqlite)
        try b.w.users().suspend(b.manager._id, reason: "by their admin", by: identity(of: b.admin))
        let other = try b.w.customer("other@globex.test", in: b.globex)
        try b.w.users().suspend(other._id, reason: "theirs", by: b.staffIdentity(.admin))
        let viewer = AuditViewer(store: b.w.store)
        #expect(throws: AccessDenied.self) { try viewer.page(.init(log: .staff), by: identity(of: b.admin)) }
        #expect(throws: AccessDenied.self) { try viewer.page(.init(log: .staff), by: b.staffIdentity(.analyst)) }
        let own = try viewer.page(.init(log: .customers), by: identity(of: b.admin))
        #expect(own.entries.map(\.reason) == ["by their admin"])
        #expect(throws: AccessDenied.self) { try viewer.page(.init(log: .customers, organizationId: b.globex._id), by: identity(of: b.admin)) }
        #expect(throws: AccessDenied.self) { try viewer.page(.init(log: .customers), by: identity(of: b.manager)) }
        #expect(try viewer.page(.init(log: .staff), by: b.staffIdentity(.support)).entries.map(\.reason).contains("theirs"))
    }
}
