import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Sends the email copies that wait in the store: a notification's (`notifications.email`)
/// and an invitation's (`invitations.delivery`), from the daemon's and each dashboard's
/// background pass. A copy is claimed under a lease, so two processes never send it at
/// once; a server that is down or a 4xx reply leaves it pending for a later try (1 min,
/// 5 min, 15 min, 1 h, then every 3 h); a 5xx reply marks it refused; one still unsent
/// after three days expires. The in-app notification stays whatever happens to its
/// email. A process that stops between the server's acceptance and the record of it
/// sends that one again when its lease runs out: at least once, never lost.
public struct EmailOutbox: Sendable {
    let store: any DocumentStore
    let mailer: SMTPMailer
    let owner: String
    let vault: SecretVault?
    let clock: @Sendable () -> Date

    static let backoff: [TimeInterval] = [60, 300, 900, 3_600, 3 * 3_600]
    static let maxAge: TimeInterval = 3 * 86_400
    static let lease: TimeInterval = 120

    /// `vault` opens invitations' codes; without it they wait for a process that has it.
    public init(store: any DocumentStore, mailer: SMTPMailer, owner: String, vault: SecretVault? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.mailer = mailer
        self.owner = owner
        self.vault = vault
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

    /// One message, as a source writes it from its document.
    struct Mail {
        var subject: String
        var body: String
        var messageId: String
        var date: Date
    }

    /// A collection whose documents carry an email delivery at `field`.
    struct Source {
        let collection: CollectionName
        let field: String
        /// The message; nil when this process cannot write it (the copy is left for another).
        let mail: (Document) throws -> Mail?
        /// What else a copy loses once it is sent or given up on.
        var settled = Update()
    }

    var sources: [Source] {
        var list = [Source(collection: .notifications, field: "email") { doc in
            let note = try DocumentDecoder().decode(UserNotification.self, from: doc)
            return Mail(subject: "[socialdeck] \(note.title)", body: Self.body(note),
                        messageId: "\(note._id.hex).notification@socialdeck", date: note.createdAt)
        }]
        if let vault {
            list.append(Source(collection: .invitations, field: "delivery", mail: { doc in
                try InvitationMail.write(try DocumentDecoder().decode(Invitation.self, from: doc), vault: vault, in: store)
            }, settled: Update.unset("sealedCode")))
        }
        return list
    }

    /// Sends what is due, at most `limit`.
    @discardableResult
    public func deliverDue(limit: Int = 50) throws -> Report {
        var report = Report()
        var left = limit
        for source in sources {
            while left > 0, try deliverNext(from: source, into: &report) { left -= 1 }
        }
        return report
    }

    /// Claims and sends the next due copy of `source`; false when none is due.
    private func deliverNext(from source: Source, into report: inout Report) throws -> Bool {
        let now = clock()
        let f = source.field
        let due: Filter = .eq("\(f).state", UserNotification.EmailDelivery.State.pending) && .lte("\(f).nextAttemptAt", now)
            && (.isNull("\(f).leaseUntil") || .lt("\(f).leaseUntil", now))
        guard let doc = try store.findOneAndUpdate(source.collection.rawValue, due, sort: [.asc("\(f).nextAttemptAt")],
                                                   Update.set("\(f).leaseOwner", owner).set("\(f).leaseUntil", now.addingTimeInterval(Self.lease)),
                                                   returnUpdated: true),
              let id = doc["_id"]?.objectIdValue,
              case .document(let state)? = doc[f],
              let email = try? DocumentDecoder().decode(UserNotification.EmailDelivery.self, from: state) else { return false }
        let mine = Filter.id(id) && .eq("\(f).leaseOwner", owner)
        let released = Update.unset("\(f).leaseOwner").unset("\(f).leaseUntil")
        let createdAt = doc["createdAt"]?.dateValue ?? now
        if now.timeIntervalSince(createdAt) > Self.maxAge {
            try store.updateOne(source.collection.rawValue, mine,
                                released.merging(source.settled).set("\(f).state", UserNotification.EmailDelivery.State.expired))
            report.expired += 1
            return true
        }
        guard let mail = try source.mail(doc) else {
            try store.updateOne(source.collection.rawValue, mine, released.set("\(f).nextAttemptAt", now.addingTimeInterval(Self.backoff[0])))
            return true
        }
        let outcome = mailer.send(to: email.to, subject: mail.subject, body: mail.body, messageId: mail.messageId, date: mail.date)
        var update = released.inc("\(f).attempts", Int64(1))
        switch outcome {
        case .sent:
            update = update.merging(source.settled).set("\(f).state", UserNotification.EmailDelivery.State.sent)
                .set("\(f).sentAt", clock()).unset("\(f).lastError")
            report.sent += 1
        case .refused(let why):
            update = update.merging(source.settled).set("\(f).state", UserNotification.EmailDelivery.State.refused)
                .set("\(f).lastError", String(why.prefix(500)))
            report.refused += 1
        case .failed(let why):
            let wait = Self.backoff[min(email.attempts, Self.backoff.count - 1)]
            update = update.set("\(f).nextAttemptAt", now.addingTimeInterval(wait)).set("\(f).lastError", String(why.prefix(500)))
            report.retrying += 1
        }
        try store.updateOne(source.collection.rawValue, mine, update)
        return true
    }

    static func body(_ note: UserNotification) -> String {
        "\(note.title)\n\n\(note.message)\n\n-- \nsocialdeck. Choose which events arrive by email in the dashboard (:notify) or with `socialdeck notifications email`.\n"
    }

    /// How many copies are in each state, notifications' and invitations' together, for
    /// the health pane and `socialdeck health`.
    static func counts(in store: any DocumentStore) throws -> [UserNotification.EmailDelivery.State: Int] {
        var out: [UserNotification.EmailDelivery.State: Int] = [:]
        for state in UserNotification.EmailDelivery.State.allCases {
            out[state] = try store.count(UserNotification.collection.rawValue, .eq("email.state", state), includeDeleted: true)
                + store.count(Invitation.collection.rawValue, .eq("delivery.state", state), includeDeleted: true)
        }
        return out
    }
}
