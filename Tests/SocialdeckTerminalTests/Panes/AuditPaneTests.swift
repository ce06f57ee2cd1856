import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTerminal
import SocialdeckTestSupport
import SocialdeckViewModels
import Synchronization
import Testing

/// The audit pane at fixed sizes, text and style: the staff log newest first, the
/// selected entry's changes before → after, a hostile reason drawn harmless, and an
/// entry about a person since erased saying so.
@Suite("Audit pane")
struct AuditPaneTests {
    static let now = PaneFixture.now

    /// A small seeded store where staff suspended a customer (with a hostile reason),
    /// changed a plan, and changed then erased another customer.
    static let model: Result<AuditModel, any Error> = Result {
        let directory = try TemporaryDirectory()
        return try withExtendedLifetime(directory) {
            let store = try SeededWorkspace(organizations: 2, users: 6, posts: 10, days: 10, now: now).sqliteStore(in: directory.path)
            guard let staffDoc = try store.findOne(CollectionName.adminUsers.rawValue, .eq("email", "super-admin@socialdeck.example")),
                  let staffId = staffDoc["_id"]?.objectIdValue,
                  let customer = try ModelCollection(store, User.self).first(.eq("email", "manager@acme.example")),
                  let other = try ModelCollection(store, User.self).first(.eq("email", "user@acme.example")) else {
                throw FixtureError("the seeded workspace lacks its staff or customers")
            }
            let staff = Identity(principal: .staff(adminId: staffId, role: .superAdmin), sessionId: "s",
                                 context: ConnectionContext(ipAddress: "203.0.113.5", userAgent: "xterm-256color"))
            let tick = Mutex(-600.0)
            let clock: @Sendable () -> Date = { now.addingTimeInterval(tick.withLock { $0 += 60; return $0 }) }
            let trail = AuditTrail(store: store, clock: clock)
            try trail.record(.init(action: "user_role_changed", targetType: .user, targetId: other._id,
                                   before: ["role": "viewer"], after: ["role": "user"]), by: staff)
            try trail.record(.init(action: "subscription_modified", targetType: .organization, targetId: customer.organizationId,
                                   before: ["plan": "Pro"], after: ["plan": "Enterprise"], reason: "asked by phone"), by: staff)
            _ = try PersonalDataErasure(store: store, clock: clock).erase(email: other.email, reason: "DSR-7", by: staff)
            try trail.record(.init(action: "user_suspended", targetType: .user, targetId: customer._id,
                                   before: ["authentication": .document(["isActive": .bool(true)])],
                                   after: ["authentication": .document(["isActive": .bool(false)])],
                                   reason: "Chargeback\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}", severity: .warning), by: staff)
            var model = AuditModel(identity: staff)
            let viewer = AuditViewer(store: store)
            let page = try viewer.page(.init(log: .staff), by: staff)
            model.load(page, names: try viewer.emails(of: Set(page.entries.compactMap(\.actor)), for: staff), for: model.request, problem: nil)
            return model
        }
    }

    private func render(_ model: AuditModel, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        AuditPane.render(model, in: buffer.bounds, into: &buffer, context: PaneFixture.context)
        return buffer
    }

    @Test("Golden screen at 80×24")
    func standard() throws {
        GoldenFile.assertMatches(render(try Self.model.get(), width: 80, height: 24), named: "audit-80x24")
    }

    @Test("Golden screen at 160×48")
    func large() throws {
        GoldenFile.assertMatches(render(try Self.model.get(), width: 160, height: 48), named: "audit-160x48")
    }

    @Test("The newest entry's changes show, an erased person's entry says so, nothing escapes")
    func content() throws {
        var model = try Self.model.get()
        let text = render(model, width: 160, height: 48).text()
        #expect(text.contains("user suspended") && text.contains("authentication.isActive") && text.contains("super-admin@socialdeck.example"))
        #expect(text.contains("203.0.113.5"), "staff's own address is not a customer's data: it stays readable")
        #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
        while model.selected?.action != "user_role_changed" { model.move(1) }
        #expect(render(model, width: 160, height: 48).text().contains("was erased"))
    }
}
