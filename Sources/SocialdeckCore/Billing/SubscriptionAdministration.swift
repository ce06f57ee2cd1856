import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Plans and their changes: `socialdeck subscriptions …`, `socialdeck org plan` and the
/// staff panes. Staff need `subscriptions.manage` to change a plan; an organization's
/// own admin may change its own with `billing.manage`. Each change appends a history
/// entry, keeps the organization's copy of the plan in step and is audited before and
/// after. There is no payment processor: prices are the catalog's, not prorated.
public struct SubscriptionAdministration: Sendable {
    let store: any DocumentStore
    let audit: AuditTrail
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.audit = AuditTrail(store: store, clock: clock)
        self.clock = clock
    }

    var subscriptions: ModelCollection<Subscription> { ModelCollection(store) }

    public struct Listed: Sendable, Equatable {
        public let subscription: Subscription
        public let organizationName: String
        public let organizationSlug: String
    }

    /// Subscriptions the identity may see (`billing.view`): its own organization's, or
    /// for staff every one, narrowed to one organization or status.
    public func list(organizationId: ObjectId? = nil, status: SubscriptionStatus? = nil, by identity: Identity) throws -> [Listed] {
        try AccessControl.authorize(identity, .viewBilling, organizationId: organizationId ?? identity.organizationId)
        var filter = AccessControl.scope(identity)
        if let organizationId { filter = filter && .eq("organizationId", organizationId) }
        if let status { filter = filter && .eq("status", status) }
        let found = try subscriptions.find(filter, sort: [.asc("organizationId"), .desc("createdAt")])
        let orgs = try store.find(Organization.collection.rawValue, .isIn("_id", anyOf: Array(Set(found.map(\.organizationId)))),
                                  projection: .include(["name", "slug"]), includeDeleted: true)
        let labels = Dictionary(orgs.compactMap { doc in doc["_id"]?.objectIdValue.map { ($0, doc) } }, uniquingKeysWith: { a, _ in a })
        return found.map { sub in
            Listed(subscription: sub, organizationName: labels[sub.organizationId]?["name"]?.stringValue ?? "?",
                   organizationSlug: labels[sub.organizationId]?["slug"]?.stringValue ?? "?")
        }
    }

    /// The organization's current subscription.
    public func subscription(of organizationId: ObjectId, by identity: Identity) throws -> Subscription {
        try AccessControl.authorize(identity, .viewBilling, organizationId: organizationId)
        guard let sub = try PlanLimits.subscription(of: organizationId, in: store) else {
            throw CoreError.notFound("a subscription of organization \(organizationId.hex)")
        }
        return sub
    }

    /// Moves the organization to `tier` (and `interval`, when given) now. A downgrade is
    /// refused while the organization uses more seats or social accounts than the new
    /// plan allows. A cancellation waiting for the period's end is withdrawn; a
    /// subscription already ended starts again (`reactivated`).
    @discardableResult
    public func changePlan(of organizationId: ObjectId, to tier: PlanTier, interval: BillingInterval? = nil, reason: String? = nil,
                           by identity: Identity) throws -> Subscription {
        let before = try changeable(organizationId, by: identity)
        let now = clock()
        let plan = PlanCatalog.plan(tier, interval: interval ?? before.plan.interval)
        let ended = before.status == .cancelled || before.status == .expired
        guard ended || before.billing.cancelAtPeriodEnd || plan.name != before.plan.name || plan.interval != before.plan.interval else {
            throw CoreError.invalid("the organization is on \(plan.name) (\(plan.interval.rawValue)ly) already")
        }
        try checkFits(plan.limits, organizationId, at: now)
        var after = before
        after.plan = plan
        after.status = .active
        after.billing.cancelAtPeriodEnd = false
        after.billing.cancelledAt = nil
        let action: SubscriptionAction = ended ? .reactivated
            : plan.monthlyPrice > before.plan.monthlyPrice ? .upgraded
            : plan.monthlyPrice < before.plan.monthlyPrice ? .downgraded
            : .reactivated
        after.history.append(.init(action: action, fromPlan: ended ? nil : before.plan.name, toPlan: plan.name, date: now,
                                   reason: try Self.reason(reason)))
        if ended {
            after.billing.currentPeriodStart = now
            after.billing.currentPeriodEnd = Calendar.utc.date(byAdding: plan.interval == .year ? .year : .month, value: 1, to: now)
        }
        return try save(before, after, action: "subscription_\(action.rawValue)", reason: reason, by: identity)
    }

    /// Sets limits of the organization's own beside its plan's (a deal, a trial of more);
    /// the next change of plan puts the plan's back. Staff only. A negative value is no limit.
    @discardableResult
    public func setLimits(of organizationId: ObjectId, _ limits: Subscription.Limits, reason: String, by identity: Identity) throws -> Subscription {
        guard identity.isStaff else { throw AccessDenied(action: .manageSubscriptions, reason: "limits beside the plan are set by staff") }
        let before = try changeable(organizationId, by: identity)
        guard [limits.users, limits.socialAccounts, limits.postsPerMonth, limits.aiGenerations].allSatisfy({ $0 <= 10_000_000 }) else {
            throw CoreError.invalid("a limit is at most 10,000,000 (or negative for none)")
        }
        guard try Self.reason(reason) != nil else { throw CoreError.invalid("say why the limits change, for the audit trail") }
        var after = before
        after.plan.limits = limits
        return try save(before, after, action: "subscription_limits_changed", reason: reason, by: identity)
    }

    /// Cancels at the end of the period already paid for: the plan stays in force until
    /// then (`endPeriods` ends it). A subscription without a period ends now.
    @discardableResult
    public func cancel(organizationId: ObjectId, reason: String, by identity: Identity) throws -> Subscription {
        let before = try changeable(organizationId, by: identity)
        guard before.status != .cancelled, !before.billing.cancelAtPeriodEnd else {
            throw CoreError.invalid("the subscription is cancelled already")
        }
        let now = clock()
        var after = before
        let end = before.billing.currentPeriodEnd.flatMap { $0 > now ? $0 : nil }
        after.billing.cancelAtPeriodEnd = end != nil
        if end == nil {
            after.status = .cancelled
            after.billing.cancelledAt = now
        }
        after.history.append(.init(action: .cancelled, fromPlan: before.plan.name, toPlan: nil, date: now, effectiveAt: end,
                                   reason: try Self.reason(reason)))
        return try save(before, after, action: "subscription_cancelled", reason: reason, by: identity)
    }

    /// Ends the subscriptions whose cancellation fell due by `now`; the publisher's pass
    /// calls it. Returns how many ended.
    @discardableResult
    public func endPeriods(at now: Date) throws -> Int {
        let due = try subscriptions.find(.eq("billing.cancelAtPeriodEnd", true) && .lte("billing.currentPeriodEnd", now)
                                         && .isIn("status", anyOf: [SubscriptionStatus.active, .pastDue]))
        var ended = 0
        for sub in due {
            let updated = try store.updateOne(Subscription.collection.rawValue, .id(sub._id) && .eq("updatedAt", sub.updatedAt),
                                              Update.set("status", SubscriptionStatus.cancelled).set("billing.cancelledAt", sub.billing.currentPeriodEnd ?? now)
                                                  .set("billing.cancelAtPeriodEnd", false).set("updatedAt", now))
            guard updated == 1 else { continue }
            try syncOrganization(sub.organizationId, plan: sub.plan, status: .cancelled, at: now)
            try audit.recordAnonymous(.init(action: "subscription_ended", targetType: .subscription, targetId: sub._id,
                                            organizationId: sub.organizationId, reason: "cancelled at the period's end"),
                                      userId: nil, context: ConnectionContext(ipAddress: ConnectionContext.localAddress, userAgent: "socialdeck"),
                                      staff: true)
            ended += 1
        }
        return ended
    }

    private func changeable(_ organizationId: ObjectId, by identity: Identity) throws -> Subscription {
        try AccessControl.authorize(identity, anyOf: [.manageSubscriptions, .manageBilling], organizationId: organizationId)
        guard let sub = try PlanLimits.subscription(of: organizationId, in: store),
              try store.findOne(Organization.collection.rawValue, .id(organizationId)) != nil else {
            throw CoreError.notFound("a subscription of organization \(organizationId.hex)")
        }
        return sub
    }

    /// Refuses a plan the organization has outgrown, naming what to remove first.
    private func checkFits(_ limits: Subscription.Limits, _ organizationId: ObjectId, at now: Date) throws {
        let accounts = try PlanLimits(store: store).meter(.socialAccounts, organizationId, subscription: nil, at: now).used
        let seats = try store.count(User.collection.rawValue, .eq("organizationId", organizationId) && .eq("authentication.isActive", true))
        var over: [String] = []
        if accounts > limits.socialAccounts { over.append("\(accounts) social accounts are connected and it allows \(limits.socialAccounts)") }
        if seats > limits.users { over.append("\(seats) people have active accounts and it allows \(limits.users)") }
        guard over.isEmpty else { throw CoreError.conflict("the plan is too small: " + over.joined(separator: "; ")) }
    }

    private static func reason(_ text: String?) throws -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        guard text.count <= 500, !SafeText.hasControls(text) else {
            throw CoreError.invalid("a reason is up to 500 characters of plain text")
        }
        return text
    }

    /// Writes the change if nobody else changed the subscription meanwhile, then the
    /// organization's copy, then the audit entry.
    private func save(_ before: Subscription, _ after: Subscription, action: String, reason: String?, by identity: Identity) throws -> Subscription {
        let now = clock()
        var after = after
        after.updatedAt = now
        let doc = try subscriptions.encode(after)
        var update = Update.set("updatedAt", now)
        for field in ["plan", "status", "billing", "history"] { update = update.set(field, doc[field] ?? .null) }
        guard try store.updateOne(Subscription.collection.rawValue, .id(before._id) && .eq("updatedAt", before.updatedAt), update) == 1 else {
            throw CoreError.conflict("the subscription changed a moment ago; look again")
        }
        try syncOrganization(after.organizationId, plan: after.plan, status: after.status, at: now)
        try audit.record(.init(action: action, targetType: .subscription, targetId: after._id, organizationId: after.organizationId,
                               before: try subscriptions.encode(before), after: doc, reason: try Self.reason(reason),
                               severity: action == "subscription_cancelled" ? .warning : .info), by: identity)
        return after
    }

    private func syncOrganization(_ organizationId: ObjectId, plan: Subscription.Plan, status: SubscriptionStatus, at now: Date) throws {
        guard var org = try ModelCollection(store, Organization.self).get(organizationId, includeDeleted: true) else { return }
        PlanCatalog.apply(plan, status: status, to: &org.subscription)
        try store.updateOne(Organization.collection.rawValue, .id(organizationId),
                            Update.set("subscription", try DocumentEncoder().encodeValue(org.subscription)).set("updatedAt", now),
                            includeDeleted: true)
    }
}
