import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Sends the email copies notifications wait with (`notifications.email`), from the
/// daemon's and each dashboard's background pass. A copy is claimed under a lease, so
/// two processes never send it at once; a server that is down or a 4xx reply leaves it
/// pending for a later try (1 min, 5 min, 15 min, 1 h, then every 3 h); a 5xx reply
/// marks it refused; one still unsent after three days expires. The in-app notification
/// stays whatever happens to its email. A process that stops between the server's
/// acceptance and the record of it sends that one again when its lease runs out: at
/// least once, never lost.
public struct EmailOutbox: Sendable {
    let store: any DocumentStore
    let mailer: SMTPMailer
    let owner: String
    let clock: @Sendable () -> Date

    static let backoff: [TimeInterval] = [60, 300, 900, 3_600, 3 * 3_600]
    static let maxAge: TimeInterval = 3 * 86_400
    static let lease: TimeInterval = 120

    public init(store: any DocumentStore, mailer: SMTPMailer, owner: String, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.mailer = mailer
        self.owner = owner
        self.clock = clock
    }

    public struct Report: Sendable, Equatable {
        public var sent = 0
        public var refused = 0
        public var retrying = 0
        public var expired = 0
        public init() {}
        public var isEmpty: Bool { self == Report() }
    }

    private var collection: String { UserNotification.collection.rawValue }

    /// Sends what is due, at most `limit`.
    @discardableResult
    public func deliverDue(limit: Int = 50) throws -> Report {
        var report = Report()
        for _ in 0..<limit {
            let now = clock()
            let due: Filter = .eq("email.state", UserNotification.EmailDelivery.State.pending) && .lte("email.nextAttemptAt", now)
                && (.isNull("email.leaseUntil") || .lt("email.leaseUntil", now))
            guard let doc = try store.findOneAndUpdate(collection, due, sort: [.asc("email.nextAttemptAt")],
                                                       Update.set("email.leaseOwner", owner).set("email.leaseUntil", now.addingTimeInterval(Self.lease)),
                                                       returnUpdated: true),
                  let note = try? DocumentDecoder().decode(UserNotification.self, from: doc), let email = note.email else { break }
            try deliver(note, email, at: now, into: &report)
        }
        return report
    }

    private func deliver(_ note: UserNotification, _ email: UserNotification.EmailDelivery, at now: Date, into report: inout Report) throws {
        let mine = Filter.id(note._id) && .eq("email.leaseOwner", owner)
        let released = Update.unset("email.leaseOwner").unset("email.leaseUntil")
        if now.timeIntervalSince(note.createdAt) > Self.maxAge {
            try store.updateOne(collection, mine, released.set("email.state", UserNotification.EmailDelivery.State.expired))
            report.expired += 1
            return
        }
        let outcome = mailer.send(to: email.to, subject: "[socialdeck] \(note.title)", body: Self.body(note),
                                  messageId: "\(note._id.hex).notification@socialdeck", date: note.createdAt)
        var update = released.inc("email.attempts", Int64(1))
        switch outcome {
        case .sent:
            update = update.set("email.state", UserNotification.EmailDelivery.State.sent).set("email.sentAt", clock()).unset("email.lastError")
            report.sent += 1
        case .refused(let why):
            update = update.set("email.state", UserNotification.EmailDelivery.State.refused).set("email.lastError", String(why.prefix(500)))
            report.refused += 1
        case .failed(let why):
            let wait = Self.backoff[min(email.attempts, Self.backoff.count - 1)]
            update = update.set("email.nextAttemptAt", now.addingTimeInterval(wait)).set("email.lastError", String(why.prefix(500)))
            report.retrying += 1
        }
        try store.updateOne(collection, mine, update)
    }

    static func body(_ note: UserNotification) -> String {
        "\(note.title)\n\n\(note.message)\n\n-- \nsocialdeck. Choose which events arrive by email in the dashboard (:notify) or with `socialdeck notifications email`.\n"
    }

    /// How many copies are in each state, for the health pane and `socialdeck health`.
    static func counts(in store: any DocumentStore) throws -> [UserNotification.EmailDelivery.State: Int] {
        var out: [UserNotification.EmailDelivery.State: Int] = [:]
        for state in UserNotification.EmailDelivery.State.allCases {
            out[state] = try store.count(UserNotification.collection.rawValue, .eq("email.state", state), includeDeleted: true)
        }
        return out
    }
}
