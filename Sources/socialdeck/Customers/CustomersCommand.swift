import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckTerminal

/// `socialdeck customers search|show`: the customers pane for scripts and SSH sessions.
struct CustomersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers", abstract: "Find customers by email, name or organization; show one.",
        subcommands: [Search.self, Show.self])

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search", abstract: "Customers whose email, name or organization begins with the words given.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Words, or part of an email.") var query: String
        @Option(help: "At most this many.") var limit = 50
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let found = try CustomerDirectory(store: try store.open()).search(query, limit: max(1, limit), for: .localOperator())
            if json {
                return try JSONOutput.print(found.map {
                    ["id": $0.userId.hex, "email": $0.email, "name": $0.name, "role": $0.role, "status": $0.status.rawValue,
                     "organization": $0.organizationSlug, "organizationName": $0.organizationName, "plan": $0.plan,
                     "organizationDeleted": $0.organizationDeleted] as [String: Any]
                })
            }
            guard !found.isEmpty else { return print("No customer matches.") }
            var rows = [["EMAIL", "NAME", "ROLE", "STATUS", "ORGANIZATION", "PLAN"]]
            for m in found {
                rows.append([m.email, m.name, m.role, m.status.rawValue, m.organizationSlug + (m.organizationDeleted ? " (deleted)" : ""), m.plan])
            }
            print(Table.render(rows))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "A customer's account, organization, plan and usage, social accounts, activity and tickets.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let p = try CustomerDirectory(store: try store.open()).profile(email: email, for: .localOperator())
            let now = Date()
            if json { return try JSONOutput.print(Self.object(p, now: now)) }
            let u = p.user
            let clean = SafeText.escapingControls
            print(clean("\(u.profile.fullName) <\(u.email)>, \(u.role.rawValue), \(CustomerMatch.Status(u, at: now).rawValue)"))
            print("  2FA \(u.authentication.twoFactorEnabled ? "on" : "off") · consent \(ConsentRecord.State(u.gdpr).text) · last sign-in \(u.authentication.lastLogin.map(ISODate.string(from:)) ?? "never") · failed attempts \(u.authentication.loginAttempts)")
            if let org = p.organization {
                print(clean("Organization: \(org.name) (\(org.slug))\(org.deletedAt != nil ? ", deleted" : "")"))
            }
            if let s = p.subscription {
                print(clean("Plan: \(s.plan.name) \(Figures.money(s.plan.price))/\(s.plan.interval.rawValue), \(s.status.rawValue)\(s.billing.cancelAtPeriodEnd ? ", cancels at period end" : "")"))
            }
            for m in p.usage.meters {
                print("  \(m.resource.label): \(m.used) of \(m.limit.map(String.init) ?? "no limit")\(m.isReached ? " (limit reached)" : m.needsWarning ? " (over 80%)" : "")")
            }
            print(p.accounts.isEmpty ? "Social accounts: none" : "Social accounts:")
            for a in p.accounts {
                print(clean("  \(a.platform.displayName) \(a.accountName) · \(a.live ? "live" : "sandbox") · token \(a.tokenState(at: now))"))
            }
            print(p.activity.isEmpty ? "Recent activity: none" : "Recent activity:")
            for e in p.activity { print(clean("  \(ISODate.string(from: e.timestamp))  \(e.action)\(e.details.reason.map { " — \($0)" } ?? "")")) }
            print(p.tickets.isEmpty ? "Tickets: none" : "Tickets:")
            for t in p.tickets { print(clean("  \(t._id.hex)  \(t.status.rawValue)  \(t.priority.rawValue)  \(t.subject)")) }
        }

        static func object(_ p: CustomerProfile, now: Date) -> [String: Any] {
            let u = p.user
            return ["id": u._id.hex, "email": u.email, "name": u.profile.fullName, "role": u.role.rawValue, "status": CustomerMatch.Status(u, at: now).rawValue,
                    "twoFactor": u.authentication.twoFactorEnabled, "consent": ConsentRecord.State(u.gdpr).text, "lastLogin": JSONOutput.date(u.authentication.lastLogin),
                    "organization": p.organization.map { ["id": $0._id.hex, "name": $0.name, "slug": $0.slug, "deleted": $0.deletedAt != nil] as [String: Any] } ?? NSNull(),
                    "plan": p.subscription.map { ["name": $0.plan.name, "status": $0.status.rawValue, "cancelAtPeriodEnd": $0.billing.cancelAtPeriodEnd] as [String: Any] } ?? NSNull(),
                    "usage": Dictionary(uniqueKeysWithValues: p.usage.meters.map { ($0.resource.rawValue, ["used": $0.used, "limit": $0.limit ?? NSNull()] as [String: Any]) }),
                    "socialAccounts": p.accounts.map { ["platform": $0.platform.rawValue, "name": $0.accountName, "live": $0.live,
                                                         "token": $0.tokenState(at: now), "tokenExpiresAt": JSONOutput.date($0.tokenExpiresAt)] as [String: Any] },
                    "activity": p.activity.map { ["at": JSONOutput.date($0.timestamp), "action": $0.action, "reason": $0.details.reason ?? NSNull()] as [String: Any] },
                    "tickets": p.tickets.map { ["id": $0._id.hex, "subject": $0.subject, "status": $0.status.rawValue, "priority": $0.priority.rawValue] as [String: Any] }]
        }
    }
}
