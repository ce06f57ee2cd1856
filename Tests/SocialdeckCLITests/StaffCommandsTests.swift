import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The staff commands as a script runs them (issue #14): plans and subscriptions,
/// revenue as JSON, customers, tickets, the audit trail and maintenance, on one seeded
/// store through the real binary.
@Suite("Staff commands", .serialized)
struct StaffCommandsTests {
    let dir = TemporaryDirectory.make()
    var data: [String] { ["--data", dir] }

    func run(_ arguments: [String]) throws -> CommandResult {
        let result = try Socialdeck.run(arguments + data)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    func json(_ arguments: [String]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try run(arguments + ["--json"]).stdout.utf8))
    }

    @Test func aSupportSessionFromTheCommandLine() throws {
        _ = try run(["seed", "--orgs", "4", "--users", "12", "--posts", "40", "--days", "10"])
        let revenue = try #require(try json(["revenue"]) as? [String: Any])
        #expect(revenue["mrr"] is Double && revenue["netRevenueRetention"] != nil && (revenue["trend"] as? [Any])?.count == 12)
        #expect((revenue["formulas"] as? [String: String])?["ARPU"] == "MRR ÷ paying subscriptions")

        let found = try #require(try json(["customers", "search", "acme"]) as? [[String: Any]])
        let admin = try #require(found.first { ($0["email"] as? String) == "admin@acme.example" })
        #expect(admin["organization"] as? String == "acme")
        let show = try run(["customers", "show", "admin@acme.example"])
        #expect(show.stdout.contains("Organization: Acme Coffee Roasters (acme)") && show.stdout.contains("posts this month"))
        #expect(!show.stdout.contains("enc:v1:"), "no sealed token or secret")

        let change = try run(["subscriptions", "change", "acme", "pro", "--interval", "month", "--reason", "asked by phone"])
        #expect(change.stdout.contains("to Pro at $49/month"))
        let cancel = try run(["subscriptions", "cancel", "acme", "--reason", "too dear"])
        #expect(cancel.stdout.contains("ends at the period's end") || cancel.stdout.contains("ends now"))
        let subs = try #require(try json(["subscriptions", "list", "--org", "acme"]) as? [[String: Any]])
        let actions = (subs.first?["history"] as? [[String: Any]])?.compactMap { $0["action"] as? String } ?? []
        #expect(actions.suffix(2) == ["downgraded", "cancelled"] || actions.suffix(2) == ["upgraded", "cancelled"], "\(actions)")

        let limits = try run(["org", "limits", "acme", "--posts", "1", "--reason", "test"])
        #expect(limits.stdout.contains("posts this month"))
        #expect(limits.stdout.contains("limit reached"), "\(limits.stdout)")

        let opened = try run(["tickets", "new", "--customer", "admin@acme.example", "--subject", "Cannot post", "--priority", "urgent"])
        let id = try #require(opened.stdout.split(separator: " ").dropFirst(2).first.map(String.init))
        _ = try run(["tickets", "assign", id, "--to", "support@socialdeck.example"])
        _ = try run(["tickets", "reply", id, "--text", "Looking now"])
        let tickets = try #require(try json(["tickets", "list"]) as? [[String: Any]])
        let ticket = try #require(tickets.first { $0["id"] as? String == id })
        #expect(ticket["subject"] as? String == "Cannot post" && ticket["assignee"] as? String == "support@socialdeck.example")
        #expect(ticket["status"] as? String == "pending", "a reply from support waits on the customer")
        _ = try run(["tickets", "close", id])

        _ = try run(["maintenance", "on", "--reason", "upgrade"])
        let refused = try Socialdeck.run(["agents", "run", "generate-content", "--org", "acme", "--topic", "Winter"] + data)
        #expect(refused.status != 0 && refused.stderr.contains("maintenance"), "\(refused.stderr)")
        _ = try run(["maintenance", "off", "--reason", "done"])

        let audit = try run(["audit", "--action", "subscription_cancelled"])
        #expect(audit.stdout.contains("subscription_cancelled") && audit.stdout.contains("too dear"))
        #expect(audit.stdout.contains("billing.cancelAtPeriodEnd: false → true") || audit.stdout.contains("status: \"active\" → \"cancelled\""),
                "\(audit.stdout)")
        let trail = try #require(try json(["audit", "--limit", "20"]) as? [[String: Any]])
        #expect(trail.contains { $0["action"] as? String == "publishing_paused" })
    }
}
