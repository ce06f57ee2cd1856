import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Creating an organization (issue #14): staff only, its subscription started so its
/// plan limits, revenue and plan changes work from the first moment, a slug made from
/// the name, and a lookup by slug for staff that finds deleted ones too.
@Suite("Organization creation")
struct OrganizationCreationTests {
    @Test(arguments: Backend.enabled)
    func aNewOrganizationStartsItsSubscription(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let boss = identity(of: try w.staff("admin@socialdeck.test", role: .admin))
        let orgs = OrganizationAdministration(store: w.store, clock: w.clock.closure)
        let org = try orgs.create(name: "Zöe's Bakery", plan: .pro, interval: .year, by: boss)
        #expect(org.slug == "zoe-s-bakery" && org.subscription.plan == .pro && org.subscription.maxUsers == 10)
        let sub = try SubscriptionAdministration(store: w.store, clock: w.clock.closure).subscription(of: org._id, by: boss)
        #expect(sub.plan.name == "Pro" && sub.plan.interval == .year && sub.status == .active)
        #expect(sub.history.map(\.action) == [.created] && sub.billing.currentPeriodEnd ?? .distantPast > w.clock.now.addingTimeInterval(360 * 86_400))
        #expect(try PlanLimits(store: w.store).usage(of: org._id, for: boss, at: w.clock.now)[.users].limit == 10)
        try SubscriptionAdministration(store: w.store, clock: w.clock.closure).changePlan(of: org._id, to: .enterprise, by: boss)
        #expect(try RevenueReport.build(store: w.store, for: boss, now: w.clock.now).mrr > 0)
        #expect { try orgs.create(name: "Zöe's Bakery", plan: .free, by: boss) } throws: { "\($0)".contains("already exists") }
        #expect(try w.adminLog().map(\.action).contains("organization_created"))
    }

    @Test func customersNeitherCreateNorLookUpOrganizations() throws {
        let w = try AccountWorld(.sqlite)
        let org = try w.organization("acme")
        let admin = identity(of: try w.customer("admin@acme.test", in: org, role: .admin))
        let analyst = identity(of: try w.staff("analyst@socialdeck.test", role: .analyst))
        let orgs = OrganizationAdministration(store: w.store, clock: w.clock.closure)
        #expect(throws: AccessDenied.self) { try orgs.create(name: "Mine", plan: .free, by: admin) }
        #expect(throws: AccessDenied.self) { try orgs.create(name: "Theirs", plan: .free, by: analyst) }
        #expect(throws: AccessDenied.self) { try orgs.organization(slug: "acme", by: admin) }
        try orgs.delete(org._id, reason: "test", by: .localOperator())
        #expect(try orgs.organization(slug: "acme", by: analyst)._id == org._id, "deleted ones too, for restore")
        #expect(throws: CoreError.self) { try orgs.organization(slug: "nobody", by: analyst) }
    }
}
