import Foundation
import SocialdeckModel
import SocialdeckStorage

/// An organization's first admin, whose profile stands for the organization where the
/// organization has no field of its own: its time zone, and its business profile (brand
/// voice, industry, audience).
public enum OrganizationAdmin {
    public static func first(of organizationId: ObjectId, in store: any DocumentStore) throws -> User? {
        try ModelCollection(store, User.self).first(.eq("organizationId", organizationId) && .eq("role", UserRole.admin), sort: [.asc("_id")])
    }

    /// The first admin's zone; UTC when there is no admin or the zone is unknown.
    public static func timeZone(of organizationId: ObjectId, in store: any DocumentStore) throws -> TimeZone {
        try first(of: organizationId, in: store).flatMap { TimeZone(identifier: $0.profile.timezone) } ?? TimeZone(identifier: "UTC")!
    }
}
