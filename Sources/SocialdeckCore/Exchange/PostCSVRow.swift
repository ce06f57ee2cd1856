import Foundation
import SocialdeckModel

/// One row of a posts CSV: platform, time, text.
struct PostCSVRow {
    let platform: Platform
    let time: Date
    let text: String

    init(_ fields: [String], timeZone: TimeZone, now: Date) throws {
        guard fields.count == 3 else { throw ExchangeError("expected 3 columns (platform, time, text), found \(fields.count)") }
        guard let platform = Platform(named: fields[0]) else {
            throw ExchangeError("unknown platform '\(fields[0])' (use facebook, instagram, x, linkedin or tiktok)")
        }
        guard let time = Self.parseTime(fields[1].trimmingCharacters(in: .whitespaces), timeZone: timeZone) else {
            throw ExchangeError("cannot read the time '\(fields[1])'; write 2026-12-01 09:30 or 2026-12-01T09:30:00+01:00")
        }
        guard time > now else { throw ExchangeError("the time \(fields[1]) is in the past") }
        let text = fields[2]
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ExchangeError("the text is empty") }
        let length = PostLength.count(text, on: platform)
        guard length <= platform.textLimit else {
            throw ExchangeError("\(length) characters is over \(platform.displayName)'s limit of \(platform.textLimit)")
        }
        self.platform = platform
        self.time = time
        self.text = text
    }

    /// An explicit zone (`Z`, `+01:00`) is used as given; otherwise the wall-clock time in `timeZone`.
    static func parseTime(_ s: String, timeZone: TimeZone) -> Date? {
        let hasZone = s.hasSuffix("Z") || s.dropFirst(16).contains("+") || s.dropFirst(16).contains("-")
        if hasZone { return ISODate.date(from: s) }
        guard let utc = ISODate.milliseconds(from: s) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                            from: Date(timeIntervalSince1970: Double(utc) / 1000))
        calendar.timeZone = timeZone
        return calendar.date(from: parts)
    }

    func content(organization: ObjectId, author: ObjectId, asDrafts: Bool, now: Date) -> Content {
        var post = Content()
        post._id = ObjectId(date: now)
        post.organizationId = organization
        post.userId = author
        post.title = String(text.split(separator: "\n").first ?? "").prefix(60).description
        post.content.text = text
        post.content.hashtags = text.split(separator: " ").filter { $0.hasPrefix("#") && $0.count > 1 }.map { String($0.dropFirst()) }
        post.platforms = [Content.PlatformPost(platform: platform, status: asDrafts ? .draft : .scheduled, scheduledAt: time)]
        post.approval.status = asDrafts ? .pending : .approved
        post.approval.approvedBy = asDrafts ? nil : author
        post.approval.approvedAt = asDrafts ? nil : now
        post.createdAt = now
        post.updatedAt = now
        return post
    }
}
