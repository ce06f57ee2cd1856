import Foundation
import SocialdeckCore
import SocialdeckModel

/// What the organization settings screen asks the core to do, off the UI thread.
public enum SettingsCommand: Sendable, Equatable {
    case change(ObjectId, OrganizationSettings.Change)
    case invite(ObjectId, email: String, role: UserRole)
    case revoke(ObjectId, email: String)

    var done: String {
        switch self {
        case .change(_, .name(let name)): return "the organization is called \(name) now"
        case .change(_, .allowedDomains(let domains)):
            return domains.isEmpty ? "people may be invited from any domain" : "people may be invited from \(domains.joined(separator: ", "))"
        case .change(_, .colors): return "the brand colours are saved"
        case .change(_, .retentionDays(let days)): return "personal data is kept for \(days) days"
        case .invite(_, let email, let role): return "invited \(email) as \(role.rawValue); the email goes out with the next background pass"
        case .revoke(_, let email): return "revoked the invitation of \(email)"
        }
    }

    var failed: String {
        switch self {
        case .change: return "the settings were not changed"
        case .invite: return "nobody was invited"
        case .revoke: return "the invitation was not revoked"
        }
    }

    func run(in store: any StoreHandle, as identity: Identity, vault: SecretVault?, clock: @escaping @Sendable () -> Date) throws {
        switch self {
        case .change(let org, let change):
            try OrganizationSettings(store: store, clock: clock).apply(change, to: org, by: identity)
        case .invite(let org, let email, let role):
            try Invitations(store: store, vault: vault, clock: clock).invite(email, role: role, to: org, by: identity)
        case .revoke(let id, _):
            try Invitations(store: store, vault: vault, clock: clock).revoke(id, by: identity)
        }
    }
}
