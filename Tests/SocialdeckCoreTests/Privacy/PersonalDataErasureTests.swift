import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The right to be deleted (issue #14): export, erase, then nothing personal anywhere in
/// the store, audit trail included, on both backends, while the totals stay the same.
@Suite("Personal data erasure")
struct PersonalDataErasureTests {
    /// One person's data, planted in every place it can reach.
    struct Rosa {
        static let email = "rosalind.marquezova@acme.test"
        static let first = "Rosalind", last = "Marquezova", phone = "+44 7700 900123"
        static let address = "203.0.113.77", terminal = "RosaTerm/9.1"
        static let ticketText = "my address is 12 Quayside Lane"
        /// Strings no byte of the store may hold once she is erased.
        static let markers = [email, first, last, phone, address, terminal, "Quayside", "Rosalind"]
    }

    /// A store where Rosa signed in from her address, wrote a post, opened a ticket
    /// support answered, was suspended and restored by staff, gave consent and got a notification.
    static func world(_ backend: Backend) throws -> (BillingWorld, User) {
        let b = try BillingWorld(backend)
        var rosa = try b.w.customer(Rosa.email, in: b.acme, role: .manager) {
            $0.profile = User.Profile(firstName: Rosa.first, lastName: Rosa.last, phoneNumber: Rosa.phone,
                                      businessProfile: User.BusinessProfile(companyName: "Rosalind's studio"))
        }
        let context = ConnectionContext(ipAddress: Rosa.address, userAgent: Rosa.terminal)
        _ = try b.w.authenticator().signIn(email: Rosa.email, password: seedPassword, context: context)
        rosa = try b.w.storedUser(rosa._id)
        let me = identity(of: rosa, context: context)
        try b.w.workflow.compose(PostDraft(organizationId: b.acme._id, text: "Spring launch is live", platforms: [.facebook]), by: me)
        let desk = SupportDesk(store: b.w.store, clock: b.w.clock.closure)
        let ticket = try desk.open(subject: "Invoice for \(Rosa.first)", body: Rosa.ticketText, by: me)
        _ = try desk.reply(ticket._id, text: "Thanks \(Rosa.first), fixed", by: b.staffIdentity(.support))
        try b.w.users().suspend(rosa._id, reason: "\(Rosa.first) asked for a pause", by: b.staffIdentity(.admin))
        try b.w.users().activate(rosa._id, by: b.staffIdentity(.admin))
        _ = try ConsentRecord(store: b.w.store, clock: b.w.clock.closure).set(rosa._id, given: true, by: me)
        var note = UserNotification()
        note.organizationId = b.acme._id
        note.userId = rosa._id
        note.title = "\(Rosa.first), your post went live"
        note.createdAt = b.w.clock.now
        try ModelCollection(b.w.store, UserNotification.self).insert(note)
        return (b, try b.w.storedUser(rosa._id))
    }

    /// Every document of every collection as Extended JSON.
    static func everything(in store: any DocumentStore) throws -> [CollectionName: [String]] {
        var out: [CollectionName: [String]] = [:]
        for c in CollectionName.allCases {
            out[c] = try store.find(c.rawValue, .all, sort: [.asc("_id")], includeDeleted: true).map(ExtendedJSON.string(from:))
        }
        return out
    }

    static func leaks(_ texts: [CollectionName: [String]]) -> [String] {
        texts.flatMap { c, docs in
            docs.flatMap { doc in Rosa.markers.filter { doc.localizedCaseInsensitiveContains($0) }.map { "\(c): \($0)" } }
        }
    }

    @Test(arguments: Backend.enabled)
    func roundTripLeavesNothingPersonalAndTheTotalsStand(_ backend: Backend) throws {
        let (b, rosa) = try Self.world(backend)
        let export = ExtendedJSON.string(from: try PersonalDataExport(store: b.w.store, clock: b.w.clock.closure)
            .export(email: Rosa.email, by: b.staffIdentity(.admin)))
        for marker in [Rosa.email, Rosa.phone, Rosa.ticketText, Rosa.address, Rosa.terminal, "asked for a pause"] {
            #expect(export.contains(marker), "the export holds \(marker)")
        }
        let before = try Self.everything(in: b.w.store)
        #expect(!Self.leaks(before).isEmpty, "the scan finds her before the erasure")
        let ticketMessages = try SupportDesk(store: b.w.store, clock: b.w.clock.closure).list(by: b.staffIdentity(.support)).map(\.messages.count)

        let receipt = try PersonalDataErasure(store: b.w.store, clock: b.w.clock.closure)
            .erase(email: Rosa.email, reason: "DSR-2026-118", by: b.staffIdentity(.admin))
        #expect(receipt.ticketsErased == 1 && receipt.notificationsDeleted == 2, "support's reply and the planted one")
        #expect(receipt.auditEntriesShredded >= 6, "sign-in, post, ticket opened and answered, suspend, activate, consent, export")
        #expect(receipt.filesPurged == (backend == .sqlite))

        let after = try Self.everything(in: b.w.store)
        #expect(Self.leaks(after) == [], "nothing personal anywhere, audit trail included")
        for c in CollectionName.allCases where ![.notifications, .personalKeys, .adminActivityLogs, .users].contains(c) {
            #expect(after[c]?.count == before[c]?.count, "\(c) keeps every document")
        }
        #expect(after[.adminActivityLogs]?.count == (before[.adminActivityLogs]?.count ?? 0) + 1, "plus the erasure's own entry")
        #expect(after[.users]?.count == before[.users]?.count, "her account stays as a tombstone")
        #expect(after[.notifications]?.count == (before[.notifications]?.count ?? 0) - 2)
        #expect(try SupportDesk(store: b.w.store, clock: b.w.clock.closure).list(by: b.staffIdentity(.support)).map(\.messages.count) == ticketMessages)
        let posts = try ModelCollection(b.w.store, Content.self).find(.eq("userId", rosa._id))
        #expect(posts.map(\.content.text) == ["Spring launch is live"], "her post stays with the organization")
        #expect(try PlanLimits(store: b.w.store).usage(of: b.acme._id, for: b.staffIdentity(.admin), at: b.w.clock.now).meters.first { $0.resource == .posts }?.used == 1)

        let tombstone = try b.w.storedUser(rosa._id)
        #expect(tombstone.deletedAt != nil && !tombstone.authentication.isActive && tombstone.gdpr?.rightToBeDeleted == true)
        #expect(tombstone.organizationId == b.acme._id && tombstone.role == .manager)

        let page = try AuditViewer(store: b.w.store).page(.init(log: .staff, target: rosa._id), by: b.staffIdentity(.admin))
        let erased = try #require(page.entries.first)
        #expect(erased.action == "personal_data_erased" && erased.reason == "DSR-2026-118" && !erased.personalDataErased)
        #expect(page.entries.dropFirst().allSatisfy { $0.personalDataErased }, "what staff did to her account can no longer be read")
        let hers = try AuditViewer(store: b.w.store).page(.init(log: .customers, actor: rosa._id, organizationId: b.acme._id), by: b.staffIdentity(.admin))
        #expect(!hers.entries.isEmpty && hers.entries.allSatisfy { $0.ipAddress == nil && $0.personalDataErased })

        if backend == .sqlite {
            for file in [b.w.base.location, b.w.base.location + "-wal"] {
                let bytes = FileManager.default.contents(atPath: file) ?? Data()
                for marker in Rosa.markers {
                    #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(marker) recoverable from \((file as NSString).lastPathComponent)")
                }
            }
        }
        #expect(throws: SignInError.self) { try b.w.authenticator().signIn(email: Rosa.email, password: seedPassword, context: testContext) }
    }

    @Test func whoMayEraseAndWhatIsRefused() throws {
        let b = try BillingWorld(.sqlite)
        let erasure = PersonalDataErasure(store: b.w.store, clock: b.w.clock.closure)
        let other = try b.w.customer("them@globex.test", in: b.globex)
        let user = try b.w.customer("pat@acme.test", in: b.acme) { $0.profile = User.Profile(firstName: "Patricia", lastName: "Okafor") }
        #expect(throws: AccessDenied.self) { try erasure.erase(email: user.email, reason: "DSR-1", by: b.staffIdentity(.support)) }
        #expect(throws: AccessDenied.self) { try erasure.erase(email: user.email, reason: "DSR-1", by: b.staffIdentity(.analyst)) }
        #expect(throws: AccessDenied.self) { try erasure.erase(email: user.email, reason: "DSR-1", by: identity(of: b.manager)) }
        expectCoreError(.notFound, "another organization's person") { try erasure.erase(email: other.email, reason: "DSR-1", by: identity(of: b.admin)) }
        expectCoreError(.invalid, "a reason that names her outlives her") {
            try erasure.erase(email: user.email, reason: "Patricia asked", by: b.staffIdentity(.admin))
        }
        expectCoreError(.invalid, "no reason") { try erasure.erase(email: user.email, reason: "  ", by: b.staffIdentity(.admin)) }
        expectCoreError(.invalid, "not oneself") { try erasure.erase(email: b.admin.email, reason: "DSR-1", by: identity(of: b.admin)) }
        expectCoreError(.conflict, "the organization's only admin") { try erasure.erase(email: b.admin.email, reason: "DSR-1", by: b.staffIdentity(.admin)) }

        let receipt = try erasure.erase(email: user.email, reason: "DSR-2", by: identity(of: b.admin))
        expectCoreError(.invalid, "an erased account cannot come back") { try b.w.users().restore(receipt.userId, by: b.staffIdentity(.admin)) }
        expectCoreError(.notFound, "the address is gone") { try erasure.erase(email: user.email, reason: "DSR-3", by: b.staffIdentity(.admin)) }
    }
}
