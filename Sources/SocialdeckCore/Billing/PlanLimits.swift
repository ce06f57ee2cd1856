import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The plan's limits (`subscriptions.plan.limits`), enforced where the things they
/// count are made: posts (the composer, copies, the agents' drafts), AI generations (a
/// content agent run that wrote drafts) and social accounts (a new connection). Usage is
/// counted from the store, not from `subscriptions.usage`, so writes by other tools and
/// processes count too. Two writers at the last free unit can both pass the check, so a
/// limit can be passed by one per process at most. The first refusal of a month tells the
/// organization's admins and managers (`Notifier.limitReached`).
public struct PlanLimits: Sendable {
    let store: any DocumentStore

    public init(store: any DocumentStore) { self.store = store }

    /// The organization's usage; its own people, or staff who may look up customers.
    public func usage(of organizationId: ObjectId, for identity: Identity, at now: Date) throws -> PlanUsage {
        try AccessControl.authorize(identity, identity.isStaff ? .viewCustomers : .viewContent, organizationId: organizationId)
        return try usage(organizationId, at: now)
    }

    func usage(_ organizationId: ObjectId, at now: Date) throws -> PlanUsage {
        let subscription = try Self.subscription(of: organizationId, in: store)
        return PlanUsage(plan: subscription?.plan.name, meters: try PlanUsage.Resource.allCases.map {
            try meter($0, organizationId, subscription: subscription, at: now)
        })
    }

    /// Refuses when `adding` more would pass the limit, saying what is used and what to do.
    @discardableResult
    func check(_ resource: PlanUsage.Resource, _ organizationId: ObjectId, adding: Int = 1, at now: Date) throws -> PlanUsage.Meter {
        let meter = try meter(resource, organizationId, subscription: try Self.subscription(of: organizationId, in: store), at: now)
        guard let limit = meter.limit, meter.used + adding > limit else { return meter }
        try Notifier(store: store, clock: { now }).limitReached(organizationId, what: resource.label, limit: limit, at: now)
        switch resource {
        case .posts, .aiGenerations:
            throw CoreError.conflict("the plan's \(limit) \(resource.label) are used (\(meter.used) of \(limit)); "
                                     + "they start again on the 1st, or upgrade the plan")
        case .socialAccounts:
            throw CoreError.conflict("the plan allows \(limit) social accounts and \(meter.used) are connected; "
                                     + "disconnect one or upgrade the plan")
        case .users:
            throw CoreError.conflict("the plan allows \(limit) users and \(meter.used) seats are taken (users and open invitations); "
                                     + "remove someone, revoke an invitation or upgrade the plan")
        }
    }

    func meter(_ resource: PlanUsage.Resource, _ organizationId: ObjectId, subscription: Subscription?, at now: Date) throws -> PlanUsage.Meter {
        let limits = subscription?.plan.limits
        let org = Filter.eq("organizationId", organizationId)
        switch resource {
        case .posts:
            // Replies to comments are not posts of the plan's.
            let used = try store.count(Content.collection.rawValue, org && .gte("createdAt", Self.monthStart(of: now)) && .exists("replyTo", false))
            return .init(resource: resource, used: used, limit: limits.map(\.postsPerMonth).flatMap(Self.limit))
        case .aiGenerations:
            let used = try store.count(AgentRun.collection.rawValue, org && .eq("task", "generate_content")
                                       && .eq("status", AgentRun.Outcome.succeeded) && .gte("startedAt", Self.monthStart(of: now)))
            return .init(resource: resource, used: used, limit: limits.map(\.aiGenerations).flatMap(Self.limit))
        case .socialAccounts:
            var used = 0
            for user in try store.find(User.collection.rawValue, org, projection: .include(["socialAccounts"])) {
                guard case .array(let accounts)? = user["socialAccounts"] else { continue }
                used += accounts.filter { $0.documentValue?["isActive"]?.boolValue != false }.count
            }
            return .init(resource: resource, used: used, limit: limits.map(\.socialAccounts).flatMap(Self.limit))
        case .users:
            let used = try store.count(User.collection.rawValue, org)
                + store.count(Invitation.collection.rawValue, org && Invitations.open(at: now))
            return .init(resource: resource, used: used, limit: limits.map(\.users).flatMap(Self.limit))
        }
    }

    /// A negative limit means none.
    private static func limit(_ value: Int) -> Int? { value < 0 ? nil : value }

    /// The organization's newest subscription; a cancelled one still limits what it allowed.
    static func subscription(of organizationId: ObjectId, in store: any DocumentStore) throws -> Subscription? {
        try ModelCollection(store, Subscription.self).first(.eq("organizationId", organizationId), sort: [.desc("createdAt"), .desc("_id")])
    }

    /// The first moment of `date`'s calendar month in UTC.
    static func monthStart(of date: Date) -> Date {
        Calendar.utc.date(from: Calendar.utc.dateComponents([.year, .month], from: date)) ?? date
    }
}
