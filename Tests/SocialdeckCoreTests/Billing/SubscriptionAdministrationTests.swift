import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Plans and their changes (issue #14): history entries, the organization's copy, the
/// audit trail, cancellation at the period's end, and who may do what.
@Suite("Subscriptions")
struct SubscriptionAdministrationTests {
    @Test(arguments: Backend.enabled)
    func upgradeWritesHistoryOrganizationAndAudit(_ backend: Backend) throws {
        let b = try BillingWorld(backend)
        let changed = try b.subscriptions.changePlan(of: b.acme._id, to: .pro, reason: "more seats", by: b.staffIdentity(.admin))
        #expect(changed.plan.name == "Pro" && changed.plan.price == 49 && changed.plan.limits.postsPerMonth == 500)
        let stored = try b.subscription(b.acme)
        #expect(stored.history.map(\.action) == [.created, .upgraded])
        #expect(stored.history.last?.fromPlan == "Free" && stored.history.last?.toPlan == "Pro" && stored.history.last?.reason == "more seats")
        let org = try b.storedOrganization(b.acme)
        #expect(org.subscription.plan == .pro && org.subscription.maxPostsPerMonth == 500 && org.subscription.monthlyRevenue == 49)
        let entry = try #require(try b.w.adminLog().last)
        #expect(entry.action == "subscription_upgraded" && entry.targetId == stored._id)
        #expect(entry.details.before?.value(at: "plan.name")?.stringValue == "Free")
        #expect(entry.details.after?.value(at: "plan.name")?.stringValue == "Pro")

        let yearly = try b.subscriptions.changePlan(of: b.acme._id, to: .pro, interval: .year, by: b.staffIdentity(.admin))
        #expect(yearly.plan.price == 490 && yearly.history.last?.action == .downgraded, "yearly billing pays less a month")
        #expect(throws: CoreError.self) { try b.subscriptions.changePlan(of: b.acme._id, to: .pro, by: b.staffIdentity(.admin)) }
    }

    @Test(arguments: Backend.enabled)
    func cancellationTakesEffectAtThePeriodsEnd(_ backend: Backend) throws {
        let b = try BillingWorld(backend, plan: .pro)
        let end = try b.subscription(b.acme).billing.currentPeriodEnd!
        let cancelled = try b.subscriptions.cancel(organizationId: b.acme._id, reason: "too dear", by: identity(of: b.admin))
        #expect(cancelled.status == .active && cancelled.billing.cancelAtPeriodEnd)
        #expect(cancelled.history.last?.action == .cancelled && cancelled.history.last?.effectiveAt == end)
        #expect(throws: CoreError.self) { try b.subscriptions.cancel(organizationId: b.acme._id, reason: "again", by: identity(of: b.admin)) }

        #expect(try b.subscriptions.endPeriods(at: end.addingTimeInterval(-1)) == 0)
        #expect(try b.subscriptions.endPeriods(at: end) == 1)
        #expect(try b.subscription(b.acme).status == .cancelled)
        #expect(try b.storedOrganization(b.acme).subscription.status == .cancelled)
        #expect(try b.storedOrganization(b.acme).subscription.monthlyRevenue == 0)
        #expect(try b.subscriptions.endPeriods(at: end) == 0, "ended once")
        #expect(try b.w.adminLog().last?.action == "subscription_ended")

        b.w.clock.set(end.addingTimeInterval(86_400))
        let back = try b.subscriptions.changePlan(of: b.acme._id, to: .pro, by: identity(of: b.admin))
        #expect(back.status == .active && back.history.last?.action == .reactivated && back.history.last?.fromPlan == nil)
        #expect(back.billing.currentPeriodEnd! > b.w.clock.now)
    }

    @Test(arguments: Backend.enabled)
    func aChangeBeforeThePeriodsEndWithdrawsTheCancellation(_ backend: Backend) throws {
        let b = try BillingWorld(backend, plan: .pro)
        try b.subscriptions.cancel(organizationId: b.acme._id, reason: "leaving", by: b.staffIdentity(.superAdmin))
        b.w.clock.advance(by: 86_400)
        let kept = try b.subscriptions.changePlan(of: b.acme._id, to: .pro, reason: "stayed after all", by: b.staffIdentity(.superAdmin))
        #expect(!kept.billing.cancelAtPeriodEnd && kept.history.last?.action == .reactivated)
        #expect(try b.subscriptions.endPeriods(at: b.w.clock.now.addingTimeInterval(60 * 86_400)) == 0)
    }

    @Test(arguments: Backend.enabled)
    func aDowngradeTheOrganizationHasOutgrownIsRefused(_ backend: Backend) throws {
        let b = try BillingWorld(backend, plan: .pro)
        try b.w.customer("three@acme.test", in: b.acme)
        try b.w.customer("four@acme.test", in: b.acme)
        #expect {
            try b.subscriptions.changePlan(of: b.acme._id, to: .free, by: b.staffIdentity(.admin))
        } throws: { "\($0)".contains("4 people have active accounts and it allows 3") }
        #expect(try b.subscription(b.acme).plan.name == "Pro", "nothing changed")
    }

    @Test(arguments: Backend.enabled)
    func staffSetLimitsOfTheOrganizationsOwn(_ backend: Backend) throws {
        let b = try BillingWorld(backend)
        var limits = PlanCatalog.limits(.free)
        limits.postsPerMonth = 100
        try b.subscriptions.setLimits(of: b.acme._id, limits, reason: "launch month", by: b.staffIdentity(.admin))
        #expect(try b.subscription(b.acme).plan.limits.postsPerMonth == 100)
        #expect(try b.w.adminLog().last?.action == "subscription_limits_changed")
        #expect(throws: AccessDenied.self) { try b.subscriptions.setLimits(of: b.acme._id, limits, reason: "mine", by: identity(of: b.admin)) }
        #expect(throws: CoreError.self) { try b.subscriptions.setLimits(of: b.acme._id, limits, reason: " ", by: b.staffIdentity(.admin)) }
    }

    /// Each action for each staff role and each customer role, as a table.
    @Test func whoMayDoWhat() throws {
        enum Who: Hashable { case staff(StaffRole), customer(UserRole) }
        let b = try BillingWorld(.sqlite, plan: .pro)
        func me(_ who: Who) throws -> Identity {
            switch who {
            case .staff(let role): return b.staffIdentity(role)
            case .customer(let role):
                let existing = role == .admin ? b.admin : role == .manager ? b.manager : nil
                return identity(of: try existing ?? b.w.customer("\(role.rawValue)-\(UUID().uuidString.prefix(6))@acme.test", in: b.acme, role: role))
            }
        }
        let actions: [(String, (Identity) throws -> Void)] = [
            ("list all", { _ = try b.subscriptions.list(by: $0) }),
            ("list own", { _ = try b.subscriptions.list(organizationId: b.acme._id, by: $0) }),
            ("usage", { _ = try b.limits.usage(of: b.acme._id, for: $0, at: b.w.clock.now) }),
            ("revenue", { _ = try RevenueReport.build(store: b.w.store, for: $0, now: b.w.clock.now) }),
            ("change own", { try b.subscriptions.changePlan(of: b.acme._id, to: .enterprise, by: $0); try b.subscriptions.changePlan(of: b.acme._id, to: .pro, by: $0) }),
            ("change other", { try b.subscriptions.changePlan(of: b.globex._id, to: .enterprise, by: $0); try b.subscriptions.changePlan(of: b.globex._id, to: .pro, by: $0) }),
        ]
        let expected: [Who: Set<String>] = [
            .staff(.superAdmin): ["list all", "list own", "usage", "revenue", "change own", "change other"],
            .staff(.admin): ["list all", "list own", "usage", "revenue", "change own", "change other"],
            .staff(.support): ["list all", "list own", "usage"],
            .staff(.analyst): ["list all", "list own", "usage", "revenue"],
            .customer(.admin): ["list all", "list own", "usage", "change own"],
            .customer(.manager): ["usage"],
            .customer(.user): ["usage"],
            .customer(.viewer): ["usage"],
        ]
        for (who, allowed) in expected {
            let identity = try me(who)
            for (name, action) in actions {
                let succeeded = (try? action(identity)) != nil
                #expect(succeeded == allowed.contains(name), "\(who) \(name): \(succeeded ? "allowed" : "refused")")
            }
        }
    }
}
