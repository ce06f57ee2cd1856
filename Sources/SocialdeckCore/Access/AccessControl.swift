import SocialdeckModel
import SocialdeckStorage

/// A refused action: the core changes nothing and throws this.
public struct AccessDenied: Error, Equatable, CustomStringConvertible {
    public let action: Action
    public let reason: String
    public var description: String { "not allowed: \(action.rawValue) (\(reason))" }
}

/// The one place that answers "may this identity do this, here?".
public enum AccessControl {
    /// Throws unless `identity` may take `action` on data of `organizationId`
    /// (nil for data that belongs to no organization, such as staff accounts).
    public static func authorize(_ identity: Identity, _ action: Action, organizationId: ObjectId?) throws {
        guard identity.allowedActions.contains(action) else {
            throw AccessDenied(action: action, reason: "role does not allow it")
        }
        if let own = identity.organizationId {
            guard let target = organizationId, target == own else {
                throw AccessDenied(action: action, reason: "outside your organization")
            }
        }
    }

    /// Throws unless one of `actions` is allowed; the error is the last one's.
    public static func authorize(_ identity: Identity, anyOf actions: [Action], organizationId: ObjectId?) throws {
        var last: Error?
        for action in actions {
            do { return try authorize(identity, action, organizationId: organizationId) } catch { last = error }
        }
        if let last { throw last }
    }

    /// The filter that confines a query to what the identity may see: its own
    /// organization for customers, everything for staff. Applied by every core read
    /// so that ids from another organization simply find nothing.
    public static func scope(_ identity: Identity, organizationPath: String = "organizationId") -> Filter {
        identity.organizationId.map { .eq(organizationPath, $0) } ?? .all
    }
}
