import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import SocialdeckViewModels

/// A small seeded workspace on a fresh SQLite store, and identities to act as.
struct Workspace {
    let store: any DocumentStore
    let now = date("2026-11-29T10:00:00Z")
    let manager: Identity
    let viewer: Identity
    let support: Identity
    let acme: Organization

    init() throws {
        store = try SeededWorkspace(posts: 120, now: now).sqliteStore(in: TemporaryDirectory.make())
        acme = try ModelCollection(store, Organization.self).first(.eq("slug", "acme"))!
        let store = self.store
        func customer(_ email: String) throws -> Identity {
            let u = try ModelCollection(store, User.self).first(.eq("email", email))!
            return Identity(principal: .customer(userId: u._id, organizationId: u.organizationId, role: u.role), sessionId: "s-\(email)",
                            context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))
        }
        manager = try customer("manager@acme.example")
        viewer = try customer("viewer@acme.example")
        let s = try ModelCollection(store, AdminUser.self).first(.eq("role", StaffRole.support))!
        support = Identity(principal: .staff(adminId: s._id, role: .support), sessionId: "s-support",
                           context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))
    }

    /// What the open pane asks for, widened to every pane the role may open.
    func everyPane(_ model: DashboardModel) -> SnapshotRequest {
        var request = model.request
        request.panes = Set(model.panes)
        return request
    }

    func snapshot(_ identity: Identity, model: DashboardModel) throws -> DashboardSnapshot {
        try SnapshotLoader(store: store, identity: identity, clock: { [now] in now }).load(everyPane(model))
    }

    /// A dashboard for `identity` that has received its first snapshot of every pane.
    func loaded(_ identity: Identity, zone: String = "Europe/Berlin") throws -> DashboardModel {
        var model = dashboard(identity, zone: zone)
        model.receive(.init(result: .success(try snapshot(identity, model: model)), request: everyPane(model), duration: 0.01), now: now)
        return model
    }

    func dashboard(_ identity: Identity, zone: String = "Europe/Berlin") -> DashboardModel {
        DashboardModel(identity: identity, userName: "Test", roleName: "manager", organizationName: "Acme", storeLocation: "SQLite test",
                       timeZone: TimeZone(identifier: zone)!, now: now)
    }
}
