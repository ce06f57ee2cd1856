import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTerminal

/// `socialdeck org create|plan|limits|settings|retention|delete|restore`: making an
/// organization, its plan and what it has used of it, its settings, how long its
/// personal data is kept, and taking it away or back. Every change is audited.
struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "Create an organization; its plan, limits and settings; delete or restore it.",
        subcommands: [Create.self, Plan.self, Limits.self, Settings.self, Retention.self, Delete.self, Restore.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "A new organization, its subscription started; invite its admin next.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Its name.") var name: String
        @Option(help: "Its slug (made from the name when left out).") var slug: String?
        @Option(help: "free, pro or enterprise.") var plan: PlanTier = .free
        @Option(help: "Bill by month or year.") var interval: BillingInterval = .month

        func run() throws {
            let db = try store.open()
            let org = try OrganizationAdministration(store: db).create(name: name, slug: slug, plan: plan, interval: interval, by: .localOperator())
            print(SafeText.escapingControls("Created \(org.name) (\(org.slug)) on \(plan.displayName). "
                                            + "Next: socialdeck invitations new EMAIL --org \(org.slug) --role admin"))
        }
    }

    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "plan", abstract: "Move an organization to another plan now.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The organization's slug.") var org: String
        @Argument(help: "free, pro or enterprise.") var plan: PlanTier
        @Option(help: "Bill by month or year (unchanged when left out).") var interval: BillingInterval?
        @Option(help: "Why, for the history and the audit trail.") var reason: String?

        func run() throws {
            var change = SubscriptionsCommand.Change()
            (change.store, change.org, change.plan, change.interval, change.reason) = (store, org, plan, interval, reason)
            try change.run()
        }
    }

    struct Limits: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "limits", abstract: "What an organization has used of its plan; with options, set limits of its own (staff).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The organization's slug.") var org: String
        @Option(help: "Posts a month (negative: no limit).") var posts: Int?
        @Option(name: .customLong("ai"), help: "AI generations a month.") var aiGenerations: Int?
        @Option(help: "Social accounts.") var accounts: Int?
        @Option(help: "People with accounts.") var users: Int?
        @Option(help: "Why, for the audit trail (needed with a change).") var reason: String?
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let db = try store.open()
            let orgId = try ScheduleCommand.organization(org, in: db)
            if posts != nil || aiGenerations != nil || accounts != nil || users != nil {
                let admin = SubscriptionAdministration(store: db)
                var limits = try admin.subscription(of: orgId, by: .localOperator()).plan.limits
                limits.postsPerMonth = posts ?? limits.postsPerMonth
                limits.aiGenerations = aiGenerations ?? limits.aiGenerations
                limits.socialAccounts = accounts ?? limits.socialAccounts
                limits.users = users ?? limits.users
                try admin.setLimits(of: orgId, limits, reason: reason ?? "", by: .localOperator())
            }
            let usage = try PlanLimits(store: db).usage(of: orgId, for: .localOperator(), at: Date())
            if json {
                return try JSONOutput.print(["organization": org, "plan": usage.plan ?? NSNull(),
                                             "usage": Dictionary(uniqueKeysWithValues: usage.meters.map { m in
                                                 (m.resource.rawValue, ["used": m.used, "limit": m.limit ?? NSNull()] as [String: Any])
                                             })])
            }
            print(SafeText.escapingControls("\(org): \(usage.plan ?? "no subscription")"))
            var rows = [["ALLOWANCE", "USED", "LIMIT", ""]]
            for m in usage.meters {
                let note = m.isReached ? "limit reached" : m.needsWarning ? "over \(Figures.percent(PlanUsage.warningFraction, digits: 0))" : ""
                rows.append([m.resource.label, String(m.used), m.limit.map(String.init) ?? "none", note])
            }
            print(Table.render(rows))
        }
    }

    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "settings", abstract: "An organization's name, allowed email domains and brand colours; with options, change them.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The organization's slug.") var org: String
        @Option(help: "A new name.") var name: String?
        @Option(help: ArgumentHelp("Email domains people may be invited from, comma-separated; \"\" for any.", valueName: "list"))
        var domains: String?
        @Option(help: ArgumentHelp("Brand colours, #RRGGBB[,#RRGGBB]; \"\" clears them.", valueName: "colours")) var colors: String?

        func run() throws {
            let db = try store.open()
            let id = try OrgCommand.organization(org, in: db)
            let settings = OrganizationSettings(store: db)
            if let name { try settings.apply(.name(name), to: id, by: .localOperator()) }
            if let domains {
                try settings.apply(.allowedDomains(domains.split(separator: ",").map(String.init)), to: id, by: .localOperator())
            }
            if let colors {
                let parts = colors.split(separator: ",").map(String.init)
                try settings.apply(.colors(primary: parts.first, secondary: parts.dropFirst().first), to: id, by: .localOperator())
            }
            let o = try settings.overview(id, by: .localOperator())
            let org = o.organization
            let domains = org.settings.allowedDomains.isEmpty ? "any" : org.settings.allowedDomains.joined(separator: ", ")
            let primary = org.branding.primaryColor ?? "none", secondary = org.branding.secondaryColor ?? "none"
            let limit = o.users.limit.map(String.init) ?? "no limit"
            print(SafeText.escapingControls("name: \(org.name)"))
            print("slug: \(org.slug)")
            print("allowed domains: \(domains)")
            print("colours: \(primary), \(secondary)")
            print("keeps personal data: \(org.settings.dataRetentionDays) days")
            print("seats: \(o.users.used) of \(limit) (users and open invitations)")
        }
    }

    struct Retention: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retention", abstract: "How many days an organization's personal data is kept; with a number, set it.",
            discussion: "A daily job deletes notifications and fetched comments older than that, empties closed tickets, and erases accounts deleted that long ago.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The organization's slug.") var org: String
        @Argument(help: ArgumentHelp("Days to keep (\(DataRetention.allowedDays.lowerBound)–\(DataRetention.allowedDays.upperBound)).", valueName: "days"))
        var days: Int?

        func run() throws {
            let db = try store.open()
            let id = try OrgCommand.organization(org, in: db)
            if let days { try DataRetention(store: db).setDays(days, for: id, by: .localOperator()) }
            let kept = try ModelCollection(db, Organization.self).get(id, includeDeleted: true)?.settings.dataRetentionDays ?? 0
            print(SafeText.escapingControls("\(org) keeps personal data for \(kept) days."))
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete", abstract: "Take an organization away: its people cannot sign in; restore brings it back.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The organization's slug.") var org: String
        @Option(help: "Why, for the audit trail.") var reason: String

        func run() throws {
            let db = try store.open()
            try OrganizationAdministration(store: db).delete(try OrgCommand.organization(org, in: db), reason: reason, by: .localOperator())
            print(SafeText.escapingControls("Deleted \(org); `socialdeck org restore \(org)` brings it back."))
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "restore", abstract: "Bring a deleted organization back.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The organization's slug.") var org: String
        @Option(help: "Why, for the audit trail.") var reason: String?

        func run() throws {
            let db = try store.open()
            try OrganizationAdministration(store: db).restore(try OrgCommand.organization(org, in: db), reason: reason, by: .localOperator())
            print(SafeText.escapingControls("Restored \(org)."))
        }
    }

    /// An organization by slug, deleted ones included.
    static func organization(_ slug: String, in db: any DocumentStore) throws -> ObjectId {
        guard let org = try ModelCollection(db, Organization.self).first(.eq("slug", slug), includeDeleted: true) else {
            throw CoreError.notFound("organization \(slug)")
        }
        return org._id
    }
}
