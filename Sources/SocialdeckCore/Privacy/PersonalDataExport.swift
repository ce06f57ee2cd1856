import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Everything held about one customer, as one document (GDPR article 15, the right of
/// access): the account, the posts they wrote, what they did (their activity log) and
/// what staff did to their account, their tickets and notifications. Secrets are removed (password hash, second factor,
/// recovery codes, tokens). The person may export their own; otherwise it takes
/// managing users (staff, or the organization's admin). Each export is audited.
public struct PersonalDataExport: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    public func export(email: String, by identity: Identity) throws -> Document {
        let normalized = try AccountRules.normalizedEmail(email)
        guard let user = try store.findOne(User.collection.rawValue, .eq("email", normalized) && AccessControl.scope(identity), includeDeleted: true),
              let userId = user["_id"]?.objectIdValue, let orgId = user["organizationId"]?.objectIdValue else {
            throw CoreError.notFound("customer \(normalized)")
        }
        if identity.actorId != userId { try AccessControl.authorize(identity, .manageUsers, organizationId: orgId) }
        let mine = Filter.eq("userId", userId)
        func all(_ collection: CollectionName, _ filter: Filter) throws -> BSONValue {
            .array(try store.find(collection.rawValue, filter, sort: [.asc("_id")], includeDeleted: true).map { .document(SecretRedaction.redact($0)) })
        }
        /// Audit entries with their sealed personal data opened.
        func audit(_ collection: CollectionName, _ filter: Filter) throws -> BSONValue {
            let docs = try store.find(collection.rawValue, filter, sort: [.asc("_id")])
            return .array(try AuditSealing(store: store, clock: clock).open(docs).map { .document(SecretRedaction.redact($0)) })
        }
        let organization = try store.findOne(Organization.collection.rawValue, .id(orgId), includeDeleted: true)
        let document = Document([
            .init("exportedAt", .date(clock())),
            .init("subject", .string(normalized)),
            .init("account", .document(SecretRedaction.redact(user))),
            .init("organization", organization.map { .document(Document([.init("_id", .objectId(orgId)),
                                                                          .init("name", $0["name"] ?? .null),
                                                                          .init("slug", $0["slug"] ?? .null)])) } ?? .null),
            .init("posts", try all(.content, mine)),
            .init("activity", try audit(.customerActivityLogs, mine)),
            .init("staffActions", try audit(.adminActivityLogs, .eq("targetType", AuditTargetType.user) && .eq("targetId", userId))),
            .init("tickets", try all(.supportTickets, mine)),
            .init("notifications", try all(.notifications, mine)),
        ])
        try AuditTrail(store: store, clock: clock).record(
            .init(action: "personal_data_exported", targetType: .user, targetId: userId, organizationId: orgId,
                  info: Document([.init("posts", .int64(Int64(document["posts"]?.arrayValue?.count ?? 0)))])), by: identity)
        return document
    }
}
