import Foundation
import SocialdeckModel
import SocialdeckStorage

/// An organization's own settings, as its admin keeps them (`socialdeck org settings`,
/// the dashboard's `:settings`): its name, the email domains people may be invited
/// from, the brand colours, and how long personal data is kept. Staff who manage
/// organizations may change any organization's. Each change is audited before → after
/// and refused when the organization changed meanwhile.
public struct OrganizationSettings: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    public enum Change: Sendable, Equatable {
        case name(String)
        /// Empty: people may be invited from any domain.
        case allowedDomains([String])
        /// `#RRGGBB`, or nil to clear.
        case colors(primary: String?, secondary: String?)
        case retentionDays(Int)
    }

    /// What the settings screen shows: the organization, its seats and its invitations.
    public struct Overview: Sendable, Equatable {
        public var organization: Organization
        public var users: PlanUsage.Meter
        public var invitations: [Invitation]

        public init(organization: Organization, users: PlanUsage.Meter, invitations: [Invitation]) {
            self.organization = organization
            self.users = users
            self.invitations = invitations
        }
    }

    /// The organization's settings, for whoever may change them.
    public func overview(_ organizationId: ObjectId, by identity: Identity) throws -> Overview {
        try AccessControl.authorize(identity, .manageOrganization, organizationId: organizationId)
        let org = try organization(organizationId, identity)
        let now = clock()
        let limits = PlanLimits(store: store)
        let meter = try limits.meter(.users, organizationId, subscription: try PlanLimits.subscription(of: organizationId, in: store), at: now)
        let invitations = identity.allowedActions.contains(.manageUsers)
            ? try Invitations(store: store, clock: clock).list(organizationId, by: identity) : []
        return Overview(organization: org, users: meter, invitations: invitations)
    }

    public func apply(_ change: Change, to organizationId: ObjectId, by identity: Identity) throws {
        try AccessControl.authorize(identity, .manageOrganization, organizationId: organizationId)
        let org = try organization(organizationId, identity)
        let (update, before, after) = try Self.update(for: change, from: org)
        guard before != after else { return }
        let now = clock()
        let changed = try store.updateOne(Organization.collection.rawValue, .id(organizationId) && .eq("updatedAt", org.updatedAt),
                                          update.set("updatedAt", now))
        guard changed == 1 else { throw CoreError.conflict("the organization changed meanwhile; try again") }
        try AuditTrail(store: store, clock: clock).record(
            .init(action: Self.action(change), targetType: .organization, targetId: organizationId,
                  organizationId: organizationId, before: before, after: after), by: identity)
    }

    private func organization(_ id: ObjectId, _ identity: Identity) throws -> Organization {
        guard let org = try ModelCollection(store, Organization.self).first(.id(id) && AccessControl.scope(identity, organizationPath: "_id")) else {
            throw CoreError.notFound("organization \(id.hex)")
        }
        return org
    }

    private static func update(for change: Change, from org: Organization) throws -> (Update, Document, Document) {
        switch change {
        case .name(let raw):
            let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...120).contains(name.count), !SafeText.hasControls(name) else {
                throw CoreError.invalid("an organization's name is 1 to 120 characters of plain text on one line")
            }
            return (.set("name", name), Document([.init("name", .string(org.name))]), Document([.init("name", .string(name))]))
        case .allowedDomains(let raw):
            let domains = try raw.map(domain)
            guard domains.count <= 20 else { throw CoreError.invalid("at most 20 allowed domains") }
            var unique: [String] = []
            for d in domains where !unique.contains(d) { unique.append(d) }
            return (.set("settings.allowedDomains", BSONValue.array(unique.map(BSONValue.string))),
                    Document([.init("allowedDomains", .array(org.settings.allowedDomains.map(BSONValue.string)))]),
                    Document([.init("allowedDomains", .array(unique.map(BSONValue.string)))]))
        case .colors(let primary, let secondary):
            let p = try primary.map(color), s = try secondary.map(color)
            var update = Update()
            update = p.map { update.set("branding.primaryColor", $0) } ?? update.unset("branding.primaryColor")
            update = s.map { update.set("branding.secondaryColor", $0) } ?? update.unset("branding.secondaryColor")
            return (update, colors(org.branding.primaryColor, org.branding.secondaryColor), colors(p, s))
        case .retentionDays(let days):
            guard DataRetention.allowedDays.contains(days) else {
                throw CoreError.invalid("retention is \(DataRetention.allowedDays.lowerBound) to \(DataRetention.allowedDays.upperBound) days")
            }
            return (.set("settings.dataRetentionDays", days), Document([.init("dataRetentionDays", .int64(Int64(org.settings.dataRetentionDays)))]),
                    Document([.init("dataRetentionDays", .int64(Int64(days)))]))
        }
    }

    /// The audit trail's name for the change: retention has had its own since before this screen.
    private static func action(_ change: Change) -> String {
        if case .retentionDays = change { return "data_retention_changed" }
        return "organization_settings_changed"
    }

    private static func colors(_ primary: String?, _ secondary: String?) -> Document {
        Document([.init("primaryColor", primary.map(BSONValue.string) ?? .null), .init("secondaryColor", secondary.map(BSONValue.string) ?? .null)])
    }

    /// `#RRGGBB` in upper case.
    static func color(_ raw: String) throws -> String {
        let text = raw.trimmingCharacters(in: .whitespaces).uppercased()
        let digits = text.hasPrefix("#") ? text.dropFirst() : Substring(text)
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit) else { throw CoreError.invalid("a colour is #RRGGBB, such as #D9480F") }
        return "#" + digits
    }

    /// A lower-case host name of at least two labels of letters, digits and dashes.
    static func domain(_ raw: String) throws -> String {
        var text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if text.hasPrefix("@") { text.removeFirst() }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        let valid = text.count <= 253 && labels.count >= 2 && labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
        guard valid else { throw CoreError.invalid("'\(SafeText.escapingControls(raw))' is not a domain such as acme.example") }
        return text
    }

    /// Refuses an email whose domain the organization does not allow (any when none are listed).
    static func checkDomain(_ email: String, allowed: [String]) throws {
        guard !allowed.isEmpty else { return }
        let domain = email.split(separator: "@").last.map(String.init) ?? ""
        guard allowed.contains(domain) else {
            throw CoreError.invalid("\(email) is not at an allowed domain (\(allowed.joined(separator: ", "))); an admin can add one in the settings")
        }
    }
}
