import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTerminal

extension SupportTicket.Status: ExpressibleByArgument {}
extension SupportTicket.Priority: ExpressibleByArgument {}

/// `socialdeck tickets list|show|new|reply|assign|close`: the tickets pane for scripts
/// and SSH sessions. Every change is audited.
struct TicketsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tickets", abstract: "The support queue: list, show, open, reply, assign and close tickets.",
        subcommands: [List.self, Show.self, New.self, Reply.self, Assign.self, Close.self])

    static func id(_ text: String) throws -> ObjectId {
        try ScheduleCommand.objectId(text, what: "ticket", listedBy: "socialdeck tickets list")
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The queue, the most urgent first, then the longest waiting.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Only these statuses (repeatable): open, pending, resolved, closed. Default: open and pending.")
        var status: [SupportTicket.Status] = []
        @Flag(help: "Every status.") var all = false
        @Option(help: ArgumentHelp("Only tickets assigned to this staff member.", valueName: "email")) var assignee: String?
        @Option(help: ArgumentHelp("Only this customer's tickets.", valueName: "email")) var customer: String?
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let db = try store.open()
            var query = SupportDesk.Query(statuses: all ? [] : status.isEmpty ? [.open, .pending] : status)
            query.assignedTo = try assignee.map { try StaffAdministration(store: db).member(email: $0, by: .localOperator())._id }
            query.userId = try customer.map { try UserAdministration(store: db).user(email: $0, by: .localOperator())._id }
            let found = try SupportDesk(store: db).list(query, by: .localOperator())
            let names = try SupportDesk(store: db).people(in: found, by: .localOperator())
            if json { return try JSONOutput.print(found.map { Self.object($0, names: names) }) }
            guard !found.isEmpty else { return print("No ticket matches.") }
            var rows = [["ID", "STATUS", "PRIORITY", "ASSIGNEE", "CUSTOMER", "UPDATED", "SUBJECT"]]
            for t in found {
                rows.append([t._id.hex, t.status.rawValue, t.priority.rawValue, t.assignedTo.flatMap { names[$0] } ?? "-",
                             t.userId.flatMap { names[$0] } ?? "-", String(ISODate.string(from: t.updatedAt).prefix(16)), t.subject])
            }
            print(Table.render(rows))
        }

        static func object(_ t: SupportTicket, names: [ObjectId: String]) -> [String: Any] {
            ["id": t._id.hex, "status": t.status.rawValue, "priority": t.priority.rawValue, "subject": t.subject,
             "assignee": t.assignedTo.flatMap { names[$0] } ?? NSNull(), "customer": t.userId.flatMap { names[$0] } ?? NSNull(),
             "organizationId": t.organizationId.hex, "createdAt": JSONOutput.date(t.createdAt), "updatedAt": JSONOutput.date(t.updatedAt),
             "resolvedAt": JSONOutput.date(t.resolvedAt),
             "messages": t.messages.map { ["fromStaff": $0.fromStaff, "text": $0.text, "at": JSONOutput.date($0.createdAt)] as [String: Any] }]
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "A ticket with its conversation.")
        @OptionGroup var store: StoreOptions
        @Argument var ticket: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let db = try store.open()
            let desk = SupportDesk(store: db)
            let t = try desk.ticket(try TicketsCommand.id(ticket), by: .localOperator())
            let names = try desk.people(in: [t], by: .localOperator())
            if json { return try JSONOutput.print(List.object(t, names: names)) }
            let clean = SafeText.escapingControls
            print(clean("\(t.subject)"))
            print(clean("\(t.status.rawValue) · \(t.priority.rawValue) · customer \(t.userId.flatMap { names[$0] } ?? "-") · assignee \(t.assignedTo.flatMap { names[$0] } ?? "-")"))
            for m in t.messages {
                print("")
                print("\(ISODate.string(from: m.createdAt).prefix(16)) \(m.fromStaff ? "support" : "customer"):")
                for line in m.text.split(separator: "\n", omittingEmptySubsequences: false) { print("  " + clean(String(line))) }
            }
        }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "new", abstract: "Open a ticket for a customer.")
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("The customer it is about.", valueName: "email")) var customer: String
        @Option var subject: String
        @Option(help: "What the customer asked, or what happened.") var body = ""
        @Option(help: "low, normal, high or urgent.") var priority: SupportTicket.Priority = .normal

        func run() throws {
            let db = try store.open()
            let user = try UserAdministration(store: db).user(email: customer, by: .localOperator())
            let t = try SupportDesk(store: db).open(subject: subject, body: body, priority: priority, customer: user._id, by: .localOperator())
            print("Opened ticket \(t._id.hex) for \(SafeText.escapingControls(user.email)).")
        }
    }

    struct Reply: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reply", abstract: "Answer a ticket as support; it waits on the customer then.")
        @OptionGroup var store: StoreOptions
        @Argument var ticket: String
        @Option var text: String

        func run() throws {
            let t = try SupportDesk(store: try store.open()).reply(try TicketsCommand.id(ticket), text: text, by: .localOperator())
            print("Replied to \(t._id.hex); it is \(t.status.rawValue).")
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "assign", abstract: "Give a ticket to a staff member, or to nobody with --nobody.")
        @OptionGroup var store: StoreOptions
        @Argument var ticket: String
        @Option(help: ArgumentHelp("The staff member.", valueName: "email")) var to: String?
        @Flag var nobody = false
        @Option(help: "low, normal, high or urgent.") var priority: SupportTicket.Priority?

        func validate() throws {
            if (to == nil) == !nobody { throw ValidationError("give --to EMAIL or --nobody") }
        }

        func run() throws {
            let db = try store.open()
            let staff = try to.map { try StaffAdministration(store: db).member(email: $0, by: .localOperator())._id }
            let t = try SupportDesk(store: db).update(try TicketsCommand.id(ticket), priority: priority, assignTo: .some(staff), by: .localOperator())
            print("Ticket \(t._id.hex) is \(to.map { "assigned to \(SafeText.escapingControls($0))" } ?? "unassigned").")
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a ticket (resolved, or closed with --closed).")
        @OptionGroup var store: StoreOptions
        @Argument var ticket: String
        @Flag(help: "Closed rather than resolved: no more replies.") var closed = false
        @Option(help: "Why, for the audit trail.") var reason: String?

        func run() throws {
            let t = try SupportDesk(store: try store.open()).update(try TicketsCommand.id(ticket), status: closed ? .closed : .resolved,
                                                                     reason: reason, by: .localOperator())
            print("Ticket \(t._id.hex) is \(t.status.rawValue).")
        }
    }
}
