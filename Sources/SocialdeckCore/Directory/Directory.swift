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

    /// A customer's own organization; for staff, every one.
    public func organizations(for identity: Identity) throws -> [Organization] {
        try AccessControl.authorize(identity, .viewContent, organizationId: identity.organizationId)
        return try ModelCollection(store, Organization.self).find(AccessControl.scope(identity, organizationPath: "_id"))
    }

    /// "First Last" of each author among `ids` the identity may see.
    public func authorNames(_ ids: Set<ObjectId>, for identity: Identity) throws -> [ObjectId: String] {
        try AccessControl.authorize(identity, .viewContent, organizationId: identity.organizationId)
        guard !ids.isEmpty else { return [:] }
        let users = try ModelCollection(store, User.self).find(.isIn("_id", anyOf: Array(ids)) && AccessControl.scope(identity))
        return Dictionary(users.map { ($0._id, $0.profile.fullName) }, uniquingKeysWith: { a, _ in a })
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
