import Foundation
import SocialdeckCore
import SocialdeckModel

/// What the customers pane asks the core to do, run off the UI thread.
public enum CustomerCommand: Sendable, Equatable {
    case suspend(ObjectId, email: String, reason: String)
    case activate(ObjectId, email: String)
    case unlock(ObjectId, email: String)
    case resetTwoFactor(ObjectId, email: String)
    case role(ObjectId, email: String, UserRole)
    case delete(ObjectId, email: String, reason: String)
    case restore(ObjectId, email: String)
    case plan(organization: ObjectId, slug: String, PlanTier, BillingInterval?)
    case createOrganization(name: String, PlanTier)
    case deleteOrganization(ObjectId, slug: String, reason: String)
    case restoreOrganization(slug: String)

    /// "suspended ada@acme.example": what the person is told once it went through.
    var done: String {
        switch self {
        case .suspend(_, let email, _): return "suspended \(email)"
        case .activate(_, let email): return "activated \(email)"
        case .unlock(_, let email): return "unlocked \(email)"
        case .resetTwoFactor(_, let email): return "reset the second factor of \(email); they sign in with the password and can enrol again"
        case .role(_, let email, let role): return "\(email) is now \(role.rawValue)"
        case .delete(_, let email, _): return "deleted \(email); D again restores"
        case .restore(_, let email): return "restored \(email)"
        case .plan(_, let slug, let tier, _): return "\(slug) is on \(tier.displayName) now"
        case .createOrganization(let name, let tier):
            return "created \(name) on \(tier.displayName); org SLUG shows it, then invite EMAIL admin gives it its admin"
        case .deleteOrganization(_, let slug, _): return "deleted \(slug): its people cannot sign in; restore-org \(slug) brings it back"
        case .restoreOrganization(let slug): return "restored \(slug)"
        }
    }

    func run(in store: any StoreHandle, as identity: Identity, clock: @escaping @Sendable () -> Date) throws {
        let users = UserAdministration(store: store, clock: clock)
        switch self {
        case .suspend(let id, _, let reason): try users.suspend(id, reason: reason, by: identity)
        case .activate(let id, _): try users.activate(id, by: identity)
        case .unlock(let id, _): try users.unlock(id, by: identity)
        case .resetTwoFactor(let id, _): try users.resetTwoFactor(id, by: identity)
        case .role(let id, _, let role): try users.changeRole(id, to: role, by: identity)
        case .delete(let id, _, let reason): try users.delete(id, reason: reason, by: identity)
        case .restore(let id, _): try users.restore(id, by: identity)
        case .plan(let org, _, let tier, let interval):
            try SubscriptionAdministration(store: store, clock: clock).changePlan(of: org, to: tier, interval: interval, by: identity)
        case .createOrganization(let name, let tier):
            try OrganizationAdministration(store: store, clock: clock).create(name: name, plan: tier, by: identity)
        case .deleteOrganization(let id, _, let reason):
            try OrganizationAdministration(store: store, clock: clock).delete(id, reason: reason, by: identity)
        case .restoreOrganization(let slug):
            let organizations = OrganizationAdministration(store: store, clock: clock)
            try organizations.restore(try organizations.organization(slug: slug, by: identity)._id, by: identity)
        }
    }
}
