import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Who is signed in, as the header shows them.
public struct SignedInProfile: Sendable, Equatable {
    public let name: String
    public let email: String
    public let role: String
    public let organization: String?
    public let timeZone: TimeZone

    /// For an account that is gone by the time the dashboard opens.
    public static let unknown = SignedInProfile(name: "unknown", email: "", role: "", organization: nil, timeZone: .gmt)
}

/// Names for what the dashboard shows by id: the organizations the identity may see,
/// post authors, and the signed-in person. Scoped like every core read.
public struct Directory: Sendable {
    let store: any DocumentStore

    public init(store: any DocumentStore) { self.store = store }

    /// An organization as lists name it.
    public struct OrganizationLabel: Sendable, Equatable {
        public let id: ObjectId
        public let name: String
        public let slug: String
    }

    /// A customer's own organization; for staff, every one. Only the names are read:
    /// a staff dashboard asks for all of them on every refresh.
    public func organizations(for identity: Identity) throws -> [OrganizationLabel] {
        try AccessControl.authorize(identity, .viewContent, organizationId: identity.organizationId)
        let found = try store.find(CollectionName.organizations.rawValue, AccessControl.scope(identity, organizationPath: "_id"),
                                   projection: .include(["name", "slug"]))
        return found.compactMap { doc in
            guard let id = doc["_id"]?.objectIdValue else { return nil }
            return OrganizationLabel(id: id, name: doc["name"]?.stringValue ?? "", slug: doc["slug"]?.stringValue ?? "")
        }
    }

    /// "First Last" of each author among `ids` the identity may see.
    public func authorNames(_ ids: Set<ObjectId>, for identity: Identity) throws -> [ObjectId: String] {
        try AccessControl.authorize(identity, .viewContent, organizationId: identity.organizationId)
        guard !ids.isEmpty else { return [:] }
        let users = try store.find(CollectionName.users.rawValue, .isIn("_id", anyOf: Array(ids)) && AccessControl.scope(identity),
                                   projection: .include(["profile.firstName", "profile.lastName"]))
        return Dictionary(users.compactMap { doc in
            doc["_id"]?.objectIdValue.map { id in
                (id, PersonName.full(doc.value(at: "profile.firstName")?.stringValue ?? "",
                                     doc.value(at: "profile.lastName")?.stringValue ?? ""))
            }
        }, uniquingKeysWith: { a, _ in a })
    }

    /// The identity's own account; nil when it is gone.
    public func profile(of identity: Identity) throws -> SignedInProfile? {
        switch identity.principal {
        case .customer(let userId, let orgId, let role):
            guard let user = try ModelCollection(store, User.self).get(userId) else { return nil }
            let org = try ModelCollection(store, Organization.self).get(orgId)
            return SignedInProfile(name: user.profile.fullName, email: user.email, role: role.rawValue, organization: org?.name,
                                   timeZone: TimeZone(identifier: user.profile.timezone) ?? .gmt)
        case .staff(let adminId, let role):
            guard let staff = try ModelCollection(store, AdminUser.self).get(adminId) else { return nil }
            return SignedInProfile(name: staff.profile.fullName, email: staff.email, role: role.rawValue, organization: nil,
                                   timeZone: TimeZone(identifier: staff.profile.timezone) ?? .gmt)
        case .localOperator(let name):
            return SignedInProfile(name: name, email: "", role: "operator", organization: nil, timeZone: .current)
        }
    }
}
