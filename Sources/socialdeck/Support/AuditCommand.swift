import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

extension Severity: ExpressibleByArgument {}

/// `socialdeck audit`: the audit trail, newest first, with what each change changed.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Read the audit trail (staff log, or with --customers the customers' log), newest first.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "The customers' log instead of the staff log.") var customers = false
    @Option(help: ArgumentHelp("Only what this staff member did.", valueName: "email")) var staff: String?
    @Option(help: ArgumentHelp("Only what this customer did (the customers' log).", valueName: "email")) var customer: String?
    @Option(help: ArgumentHelp("Only entries about this id.", valueName: "id")) var target: String?
    @Option(help: "Only this action, such as user_suspended.") var action: String?
    @Option(help: "Only this severity: info, warning or critical.") var severity: Severity?
    @Option(help: ArgumentHelp("Only this organization (the customers' log).", valueName: "slug")) var org: String?
    @Option(help: "Entries to show (at most 500).") var limit = 50
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let db = try store.open()
        var query = AuditViewer.Query(log: customers || customer != nil || org != nil ? .customers : .staff, limit: limit)
        query.actor = try staff.map { try StaffAdministration(store: db).member(email: $0, by: .localOperator())._id }
            ?? customer.map { try UserAdministration(store: db).user(email: $0, includeDeleted: true, by: .localOperator())._id }
        query.target = try target.map { try ScheduleCommand.objectId($0, what: "target") }
        query.action = action
        query.severity = severity
        query.organizationId = try org.map { try OrgCommand.organization($0, in: db) }
        let page = try AuditViewer(store: db).page(query, by: .localOperator())
        let names = try AuditViewer(store: db).emails(of: Set(page.entries.compactMap(\.actor)), for: .localOperator())
        let who = { (e: AuditEntry) in e.operatorName.map { "operator \($0)" } ?? e.actor.map { names[$0] ?? $0.hex } ?? "system" }
        if json {
            return try JSONOutput.print(page.entries.map { e in
                ["id": e.id.hex, "log": e.log.rawValue, "at": JSONOutput.date(e.timestamp), "by": who(e), "action": e.action,
                 "severity": e.severity.rawValue, "targetType": e.targetType, "targetId": e.targetId?.hex ?? NSNull(),
                 "reason": e.reason ?? NSNull(), "ip": e.ipAddress ?? NSNull(),
                 "changes": e.changes.map { ["path": $0.path, "before": AuditEntry.text($0.before), "after": AuditEntry.text($0.after)] }] as [String: Any]
            })
        }
        guard !page.entries.isEmpty else { return print("No audit entry matches.") }
        for e in page.entries {
            let target = e.targetId.map { " \(e.targetType) \($0.hex)" } ?? " \(e.targetType)"
            print(SafeText.escapingControls("\(ISODate.string(from: e.timestamp).prefix(19))  \(e.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))"
                                            + "\(e.action)\(target) by \(who(e))\(e.ipAddress.map { " from \($0)" } ?? "")\(e.reason.map { " — \($0)" } ?? "")"))
            for change in e.changes.prefix(12) {
                print(SafeText.escapingControls("    \(change.path): \(AuditEntry.text(change.before)) → \(AuditEntry.text(change.after))"))
            }
        }
        if page.next != nil { print("… older entries follow; narrow with --action, --staff, --target or raise --limit") }
    }
}
