import Foundation
import SocialdeckModel
import SocialdeckStorage

/// What the publisher tells a post's author: a draft that expired unapproved, a post a
/// platform refused or that ran out of attempts, a send that needs a person's check.
struct PublishNotices {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    func expired(_ post: Document, platforms: [Platform]) throws {
        guard let id = post["_id"]?.objectIdValue, let org = post["organizationId"]?.objectIdValue,
              let author = post["userId"]?.objectIdValue else { return }
        let names = platforms.map(\.displayName).joined(separator: ", ")
        try notify(author, org, .postExpired, title: "Not published: approval came too late",
                   message: "“\(post["title"]?.stringValue ?? "")” was still awaiting approval at its time on \(names), so it was not published. Reschedule it once it is approved.",
                   about: id)
    }

    func failed(_ job: PublishJob, reason: String) throws {
        try notify(job.authorId, job.organizationId, .postFailed, title: "\(job.platform.displayName) did not publish a post",
                   message: reason, about: job.contentId)
    }

    func needsCheck(_ job: PublishJob, reason: String) throws {
        try notify(job.authorId, job.organizationId, .postFailed, title: "Check \(job.platform.displayName): did the post go out?",
                   message: "It was sent but no answer came back (\(reason)); it will not be sent again until someone checks.",
                   about: job.contentId)
    }

    private func notify(_ user: ObjectId, _ org: ObjectId, _ kind: UserNotification.Kind, title: String, message: String,
                        about id: ObjectId) throws {
        try Notifier(store: store, clock: clock).notify([user], in: org, .init(kind: kind, title: title, text: message, about: id))
    }
}
