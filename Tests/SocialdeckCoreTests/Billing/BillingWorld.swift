import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Two organizations on a plan each, an admin and a manager in the first, and a staff
/// member of every role, on one store and test clock.
final class BillingWorld: @unchecked Sendable {
    let w: AccountWorld
    let acme: Organization, globex: Organization
    let admin: User, manager: User
    let staff: [StaffRole: AdminUser]

    init(_ backend: Backend, plan: PlanTier = .free, limits: ((inout Subscription.Limits) -> Void)? = nil) throws {
        w = try AccountWorld(backend)
        acme = try w.organization("acme")
        globex = try w.organization("globex")
        admin = try w.customer("admin@acme.test", in: acme, role: .admin)
        manager = try w.customer("manager@acme.test", in: acme, role: .manager)
        var staff: [StaffRole: AdminUser] = [:]
        for role in StaffRole.allCases { staff[role] = try w.staff("\(role.rawValue)@socialdeck.test", role: role) }
        self.staff = staff
        for org in [acme, globex] {
            var sub = Subscription()
            sub.organizationId = org._id
            sub.plan = PlanCatalog.plan(plan, interval: .month)
            if let limits { limits(&sub.plan.limits) }
            sub.history = [.init(action: .created, fromPlan: nil, toPlan: plan.displayName, date: w.clock.now.addingTimeInterval(-90 * 86_400))]
            sub.billing.currentPeriodStart = w.clock.now.addingTimeInterval(-10 * 86_400)
            sub.billing.currentPeriodEnd = w.clock.now.addingTimeInterval(20 * 86_400)
            sub.createdAt = w.clock.now.addingTimeInterval(-90 * 86_400)
            sub.updatedAt = sub.createdAt
            try ModelCollection(w.store, Subscription.self).insert(sub)
        }
    }

    var subscriptions: SubscriptionAdministration { SubscriptionAdministration(store: w.store, clock: w.clock.closure) }
    var limits: PlanLimits { PlanLimits(store: w.store) }

    func staffIdentity(_ role: StaffRole) -> Identity { identity(of: staff[role]!) }

    func subscription(_ org: Organization) throws -> Subscription {
        try #require(try ModelCollection(w.store, Subscription.self).first(.eq("organizationId", org._id)))
    }

    func storedOrganization(_ org: Organization) throws -> Organization {
        try #require(try ModelCollection(w.store, Organization.self).get(org._id, includeDeleted: true))
    }
}
