import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Creating, deleting and restoring organizations, the unit of tenancy. Staff (or the
/// operator) only.
public struct OrganizationAdministration: Sendable {
    let store: any DocumentStore
    let audit: AuditTrail
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.audit = AuditTrail(store: store, clock: clock)
        self.clock = clock
    }

    /// A slug from the name: lowercase ASCII letters and digits joined by dashes.
    public static func slug(for name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let words = folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return words.joined(separator: "-").prefix(40).description
    }

    /// A new organization on `plan`, its subscription started (a `created` history entry,
    /// the first period from now) and its standard workflows scheduled.
    @discardableResult
    public func create(name: String, slug: String? = nil, plan tier: PlanTier, interval: BillingInterval = .month,
                       by identity: Identity) throws -> Organization {
        guard identity.isStaff else { throw AccessDenied(action: .manageOrganization, reason: "customers cannot create organizations") }
        try AccessControl.authorize(identity, .manageOrganization, organizationId: nil)
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 120 else { throw CoreError.invalid("an organization needs a name of 1 to 120 characters") }
        let slug = slug ?? Self.slug(for: trimmed)
        guard !slug.isEmpty else { throw CoreError.invalid("cannot make a slug from '\(SafeText.escapingControls(trimmed))'; give one") }
        let now = clock()
        var org = Organization()
        org._id = ObjectId(date: now)
        org.name = trimmed
        org.slug = slug
        let plan = PlanCatalog.plan(tier, interval: interval)
        PlanCatalog.apply(plan, status: .active, to: &org.subscription)
        org.createdAt = now
        org.updatedAt = now
        do {
            try ModelCollection(store, Organization.self).insert(org)
        } catch StoreError.duplicateKey {
            throw CoreError.conflict("an organization with the slug '\(slug)' already exists")
        }
        var subscription = Subscription()
        subscription._id = ObjectId(date: now)
        subscription.organizationId = org._id
        subscription.plan = plan
        subscription.history = [.init(action: .created, fromPlan: nil, toPlan: plan.name, date: now)]
        subscription.billing.currentPeriodStart = now
        subscription.billing.currentPeriodEnd = Calendar.utc.date(byAdding: interval == .year ? .year : .month, value: 1, to: now)
        subscription.createdAt = now
        subscription.updatedAt = now
        try ModelCollection(store, Subscription.self).insert(subscription)
        try StandardWorkflows.ensure(in: store, organizations: [org._id], at: now)
        try audit.record(.init(action: "organization_created", targetType: .organization, targetId: org._id,
                               after: try DocumentEncoder().encode(org)), by: identity)
        return org
    }

    /// Takes an organization away (a soft delete): its people can no longer sign in and
    /// their sessions end at the next check; everything stays in the store for `restore`.
    /// Staff only.
    public func delete(_ organizationId: ObjectId, reason: String, by identity: Identity) throws {
        try setDeleted(organizationId, true, reason: reason, by: identity)
    }

    public func restore(_ organizationId: ObjectId, reason: String? = nil, by identity: Identity) throws {
        try setDeleted(organizationId, false, reason: reason, by: identity)
    }

    /// An organization by slug, deleted ones included, for staff who may look up customers.
    public func organization(slug: String, by identity: Identity) throws -> Organization {
        guard identity.isStaff else { throw AccessDenied(action: .viewCustomers, reason: "customers see their own organization only") }
        try AccessControl.authorize(identity, .viewCustomers, organizationId: nil)
        guard let org = try ModelCollection(store, Organization.self).first(.eq("slug", slug), includeDeleted: true) else {
            throw CoreError.notFound("organization '\(SafeText.escapingControls(slug))'")
        }
        return org
    }

    private func setDeleted(_ organizationId: ObjectId, _ deleted: Bool, reason: String?, by identity: Identity) throws {
        guard identity.isStaff else { throw AccessDenied(action: .manageOrganization, reason: "customers cannot delete organizations") }
        try AccessControl.authorize(identity, .manageOrganization, organizationId: organizationId)
        let orgs = ModelCollection(store, Organization.self)
        guard let before = try orgs.get(organizationId, includeDeleted: true) else { throw CoreError.notFound("organization \(organizationId.hex)") }
        guard (before.deletedAt != nil) != deleted else {
            throw CoreError.invalid("\(before.slug) is \(deleted ? "deleted" : "not deleted") already")
        }
        let now = clock()
        let update = deleted ? Update.set("deletedAt", now).set("updatedAt", now) : Update.unset("deletedAt").set("updatedAt", now)
        try store.updateOne(Organization.collection.rawValue, .id(organizationId), update, includeDeleted: true)
        try audit.record(.init(action: deleted ? "organization_deleted" : "organization_restored", targetType: .organization,
                               targetId: organizationId, organizationId: organizationId,
                               before: Document([.init("deletedAt", before.deletedAt?.bsonValue ?? .null)]),
                               after: Document([.init("deletedAt", deleted ? now.bsonValue : .null)]), reason: reason,
                               severity: deleted ? .warning : .info), by: identity)
    }
}
