import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTerminal
import SocialdeckTestSupport

/// Reports from a small seeded workspace with a fixed clock, built once and shared by
/// every pane test (the reports' initialisers are internal to the core, so they come
/// from the core's own queries).
struct PaneFixture: Sendable {
    static let now = date("2026-11-29T10:00:00Z")
    /// A post title that tries to clear the screen, write the clipboard (OSC 52) and
    /// colour the rest of the line with an 8-bit CSI.
    static let hostileTitle = "Sale\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07} now\u{9B}31m!\nnext"

    let analytics: AnalyticsReport
    /// The same report after the top post's title was replaced by `hostileTitle`.
    let hostileAnalytics: AnalyticsReport
    let agents: [AgentHealth]
    let revenue: RevenueReport
    /// Accounts matching "acme.example", the first named with `hostileTitle`, and its profile
    /// with a ticket under that subject.
    let customers: [CustomerMatch]
    let customerProfile: CustomerProfile
    /// The seeded support queue, the hostile ticket among it, and the emails it names.
    let tickets: [SupportTicket]
    let ticketNames: [ObjectId: String]

    static let shared = Result { try PaneFixture() }

    static var context: PaneContext {
        PaneContext(palette: Palette(theme: .builtIn, depth: .trueColor), now: now,
                    timeZone: TimeZone(identifier: "UTC")!)
    }

    private init() throws {
        let directory = try TemporaryDirectory()
        (analytics, hostileAnalytics, agents, revenue, customers, customerProfile, tickets, ticketNames) = try withExtendedLifetime(directory) {
            try Self.build(in: directory.path)
        }
    }

    private static func build(in directory: String) throws
        -> (AnalyticsReport, AnalyticsReport, [AgentHealth], RevenueReport, [CustomerMatch], CustomerProfile, [SupportTicket], [ObjectId: String]) {
        let store = try SeededWorkspace(organizations: 12, users: 16, posts: 160, days: 90, now: now).sqliteStore(in: directory)
        let operator_ = Identity.localOperator(context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))
        let analytics = try AnalyticsReport.build(store: store, for: operator_, organizationId: nil, rangeDays: 30, now: now)
        let agents = try AgentHealth.all(store: store, for: operator_)
        let revenue = try RevenueReport.build(store: store, for: operator_, now: now)
        guard let top = analytics.topPosts.first else { throw FixtureError("the seeded workspace has no top posts") }
        try updatePost(top.id, Update.set("title", hostileTitle), in: store, now: now)
        let hostile = try AnalyticsReport.build(store: store, for: operator_, organizationId: nil, rangeDays: 30, now: now)
        guard let admin = try ModelCollection(store, User.self).first(.eq("email", "admin@acme.example")) else {
            throw FixtureError("the seeded workspace has no admin@acme.example")
        }
        try store.updateOne(User.collection.rawValue, .id(admin._id), .set("profile.lastName", hostileTitle))
        var ticket = SupportTicket()
        ticket.organizationId = admin.organizationId
        ticket.userId = admin._id
        ticket.subject = hostileTitle
        ticket.priority = .urgent
        ticket.createdAt = now
        ticket.updatedAt = now
        try ModelCollection(store, SupportTicket.self).insert(ticket)
        let directory = CustomerDirectory(store: store, clock: { now })
        let customers = try directory.search("acme.example", for: operator_)
        let profile = try directory.profile(admin._id, for: operator_)
        let desk = SupportDesk(store: store, clock: { now })
        let tickets = try desk.list(by: operator_)
        return (analytics, hostile, agents, revenue, customers, profile, tickets, try desk.people(in: tickets, by: operator_))
    }
}

extension CellBuffer {
    /// Every grapheme drawn, for checks that no control character reached the screen.
    var graphemes: [Character] { cells.filter { !$0.isContinuation }.map(\.grapheme) }
}
