import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckTerminal

extension PlanTier: ExpressibleByArgument {}
extension BillingInterval: ExpressibleByArgument {}
extension SubscriptionStatus: ExpressibleByArgument {}

/// `socialdeck subscriptions list|change|cancel`: plans and their history, for staff
/// scripts and SSH sessions. Every change is audited.
struct SubscriptionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscriptions", abstract: "List subscriptions with their history; change or cancel a plan.",
        subcommands: [List.self, Change.self, Cancel.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Subscriptions, each with its plan, period and history.")
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("Only this organization (its slug).", valueName: "slug")) var org: String?
        @Option(help: "Only this status: active, cancelled, expired or past_due.") var status: SubscriptionStatus?
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let db = try store.open()
            let listed = try SubscriptionAdministration(store: db)
                .list(organizationId: try org.map { try ScheduleCommand.organization($0, in: db) }, status: status, by: .localOperator())
            if json { return try JSONOutput.print(listed.map(Self.object)) }
            guard !listed.isEmpty else { return print("No subscription matches.") }
            for (i, item) in listed.enumerated() {
                let s = item.subscription
                if i > 0 { print("") }
                let ends = s.billing.cancelAtPeriodEnd ? ", cancels at period end" : ""
                print(SafeText.escapingControls("\(item.organizationSlug) (\(item.organizationName)): \(s.plan.name) \(Figures.money(s.plan.price))/\(s.plan.interval.rawValue), \(s.status.rawValue)\(ends)"))
                print("  period " + [s.billing.currentPeriodStart, s.billing.currentPeriodEnd].map { $0.map(Self.day) ?? "?" }.joined(separator: " – ")
                      + "  limits: \(s.plan.limits.users) users, \(s.plan.limits.socialAccounts) accounts, \(s.plan.limits.postsPerMonth) posts/month, \(s.plan.limits.aiGenerations) AI/month")
                for h in s.history {
                    let change = [h.fromPlan, h.toPlan].compactMap { $0 }.joined(separator: " → ")
                    let effective = h.effectiveAt.map { " (takes effect \(Self.day($0)))" } ?? ""
                    print(SafeText.escapingControls("  \(Self.day(h.date))  \(h.action.rawValue) \(change)\(effective)\(h.reason.map { " — \($0)" } ?? "")"))
                }
            }
        }

        static func day(_ date: Date) -> String { String(ISODate.string(from: date).prefix(10)) }

        static func object(_ item: SubscriptionAdministration.Listed) -> [String: Any] {
            let s = item.subscription
            return ["id": s._id.hex, "organization": item.organizationSlug, "organizationName": item.organizationName,
                    "plan": s.plan.name, "price": s.plan.price, "interval": s.plan.interval.rawValue, "status": s.status.rawValue,
                    "cancelAtPeriodEnd": s.billing.cancelAtPeriodEnd, "currentPeriodStart": JSONOutput.date(s.billing.currentPeriodStart),
                    "currentPeriodEnd": JSONOutput.date(s.billing.currentPeriodEnd),
                    "limits": ["users": s.plan.limits.users, "socialAccounts": s.plan.limits.socialAccounts,
                               "postsPerMonth": s.plan.limits.postsPerMonth, "aiGenerations": s.plan.limits.aiGenerations],
                    "history": s.history.map { h in
                        ["action": h.action.rawValue, "fromPlan": h.fromPlan ?? NSNull(), "toPlan": h.toPlan ?? NSNull(),
                         "date": JSONOutput.date(h.date), "effectiveAt": JSONOutput.date(h.effectiveAt), "reason": h.reason ?? NSNull()] as [String: Any]
                    }]
        }
    }

    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "change", abstract: "Move an organization to another plan now (upgrade, downgrade or restart).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The organization's slug.") var org: String
        @Argument(help: "free, pro or enterprise.") var plan: PlanTier
        @Option(help: "Bill by month or year (unchanged when left out).") var interval: BillingInterval?
        @Option(help: "Why, for the history and the audit trail.") var reason: String?

        func run() throws {
            let db = try store.open()
            let s = try SubscriptionAdministration(store: db).changePlan(of: try ScheduleCommand.organization(org, in: db), to: plan,
                                                                         interval: interval, reason: reason, by: .localOperator())
            print(SafeText.escapingControls("\(org): \(s.history.last?.action.rawValue ?? "changed") to \(s.plan.name) at \(Figures.money(s.plan.price))/\(s.plan.interval.rawValue)."))
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel", abstract: "Cancel an organization's subscription at the end of the period paid for.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The organization's slug.") var org: String
        @Option(help: "Why, for the history and the audit trail.") var reason: String

        func run() throws {
            let db = try store.open()
            let s = try SubscriptionAdministration(store: db).cancel(organizationId: try ScheduleCommand.organization(org, in: db),
                                                                     reason: reason, by: .localOperator())
            let when = s.history.last?.effectiveAt.map { "at the period's end, \(List.day($0))" } ?? "now"
            print(SafeText.escapingControls("\(org): \(s.plan.name) cancelled; it ends \(when)."))
        }
    }
}
