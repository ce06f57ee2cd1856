import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Notification emails over SMTP with STARTTLS through libcurl, against aiosmtpd on
/// 127.0.0.1 (issue #14): delivery, a refused recipient, a server that is down, a
/// server without STARTTLS. No notification is lost: what was not sent waits for retry.
@Suite("Email outbox")
struct EmailOutboxTests {
    static func settings(_ sink: SMTPSink?, port: Int? = nil) -> EmailSettings {
        var s = EmailSettings()
        s.url = sink?.url ?? "smtp://127.0.0.1:\(port ?? 9)"
        s.from = "socialdeck@acme.test"
        s.caFile = sink?.caFile
        s.timeout = 5
        return s
    }

    static func pending(_ b: BillingWorld, to user: User, title: String = "Facebook did not publish a post") throws -> ObjectId {
        try Notifier(store: b.w.store, clock: b.w.clock.closure).notify([user._id], in: user.organizationId,
                                                                         .init(kind: .postFailed, title: title, text: "The token expired.\nReconnect it."))
        return try #require(try NotificationInbox(store: b.w.store, clock: b.w.clock.closure).list(for: identity(of: user)).first)._id
    }

    static func email(_ id: ObjectId, in b: BillingWorld) throws -> UserNotification.EmailDelivery {
        try #require(try ModelCollection(b.w.store, UserNotification.self).get(id)?.email)
    }

    @Test func deliveredOverSTARTTLSOnce() throws {
        let sink = try SMTPSink(tls: true)
        let b = try BillingWorld(.sqlite)
        let id = try Self.pending(b, to: b.manager, title: "Ünïcode title")
        let outboxes = (1...2).map { EmailOutbox(store: b.w.store, mailer: SMTPMailer(settings: Self.settings(sink)), owner: "p\($0)", clock: b.w.clock.closure) }
        let reports = outboxes.map { try? $0.deliverDue() }
        #expect(reports.compactMap { $0?.sent }.reduce(0, +) == 1, "two processes, one email")
        let received = try sink.received()
        #expect(received.count == 1)
        let mail = try #require(received.first)
        #expect(mail.tls, "sent after STARTTLS")
        #expect(mail.to == ["manager@acme.test"] && mail.from == "socialdeck@acme.test")
        #expect(mail.data.contains("Subject: =?UTF-8?B?") && mail.data.contains("The token expired.\r\nReconnect it."))
        #expect(mail.data.contains("Message-ID: <\(id.hex).notification@socialdeck>"))
        let email = try Self.email(id, in: b)
        #expect(email.state == .sent && email.attempts == 1 && email.leaseOwner == nil)
        #expect(try outboxes[0].deliverDue() == EmailOutbox.Report(), "nothing sent twice")
    }

    @Test func aRefusedRecipientIsNotRetriedAndTheNotificationStays() throws {
        let sink = try SMTPSink(tls: true)
        let b = try BillingWorld(.sqlite)
        let refused = try b.w.customer("refuse-me@acme.test", in: b.acme, role: .manager)
        let id = try Self.pending(b, to: refused)
        let report = try EmailOutbox(store: b.w.store, mailer: SMTPMailer(settings: Self.settings(sink)), owner: "p", clock: b.w.clock.closure).deliverDue()
        #expect(report.refused == 1 && report.sent == 0)
        let email = try Self.email(id, in: b)
        #expect(email.state == .refused && (email.lastError ?? "").contains("550"))
        #expect(try NotificationInbox(store: b.w.store, clock: b.w.clock.closure).unreadCount(for: identity(of: refused)) == 1)
        #expect(try sink.received().isEmpty)
    }

    @Test func aServerThatIsDownLeavesItWaitingUntilItIsBack() throws {
        let b = try BillingWorld(.sqlite)
        let id = try Self.pending(b, to: b.manager)
        let down = EmailOutbox(store: b.w.store, mailer: SMTPMailer(settings: Self.settings(nil, port: try FakePlatformServer.closedPort())),
                               owner: "p", clock: b.w.clock.closure)
        #expect(try down.deliverDue().retrying == 1)
        var email = try Self.email(id, in: b)
        #expect(email.state == .pending && email.attempts == 1 && email.nextAttemptAt == b.w.clock.now.addingTimeInterval(60))
        #expect(email.lastError != nil && email.leaseOwner == nil)

        let sink = try SMTPSink(tls: true)
        let back = EmailOutbox(store: b.w.store, mailer: SMTPMailer(settings: Self.settings(sink)), owner: "p", clock: b.w.clock.closure)
        #expect(try back.deliverDue() == EmailOutbox.Report(), "not before its retry time")
        b.w.clock.advance(by: 61)
        #expect(try back.deliverDue().sent == 1)
        email = try Self.email(id, in: b)
        #expect(email.state == .sent && email.attempts == 2 && email.lastError == nil)
        #expect(try sink.received().count == 1)

        let late = try Self.pending(b, to: b.admin)
        b.w.clock.advance(by: 4 * 86_400)
        #expect(try down.deliverDue().expired == 1, "three days late is too late to matter")
        #expect(try Self.email(late, in: b).state == .expired)
    }

    @Test func nothingGoesOutInTheClearWhenTheServerOffersNoSTARTTLS() throws {
        let plain = try SMTPSink(tls: false)
        let b = try BillingWorld(.sqlite)
        let id = try Self.pending(b, to: b.manager)
        #expect(try EmailOutbox(store: b.w.store, mailer: SMTPMailer(settings: Self.settings(plain)), owner: "p", clock: b.w.clock.closure)
            .deliverDue().retrying == 1)
        #expect(try plain.received().isEmpty)
        #expect(try Self.email(id, in: b).state == .pending)
        var local = Self.settings(plain)
        local.security = .none
        #expect(try EmailOutbox(store: b.w.store, mailer: SMTPMailer(settings: local), owner: "p", clock: b.w.clock.closure)
            .deliverDue() == EmailOutbox.Report(), "waits for its retry time")
        b.w.clock.advance(by: 61)
        #expect(try EmailOutbox(store: b.w.store, mailer: SMTPMailer(settings: local), owner: "p", clock: b.w.clock.closure).deliverDue().sent == 1)
        #expect(try plain.received().first?.tls == false, "plain only when asked for, to a relay on this machine")
        var remote = local
        remote.url = "smtp://mail.example.com:25"
        #expect(remote.problem != nil)
    }

    @Test func aTitleCannotAddHeaders() {
        let message = SMTPMailer.message(from: "a@b.test", to: "c@d.test", subject: "Hi\r\nBcc: evil@x.test", body: "x",
                                         messageId: "1@socialdeck", date: Date(timeIntervalSince1970: 0))
        #expect(!message.contains("\r\nBcc:"))
        #expect(message.contains("Subject: HiBcc: evil@x.test\r\n"))
        #expect(message.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000"))
    }
}
