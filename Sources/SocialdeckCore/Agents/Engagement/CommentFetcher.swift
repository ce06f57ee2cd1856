import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Fetches the organization's new comments and mentions from the platforms whose API
/// lists them, through its live accounts: the comments on its Facebook and Instagram
/// posts of the last two weeks, and its X account's mentions. Each lands in the inbox
/// once (``CommentInbox``); a platform that fails is named and the others go on. Sandbox
/// accounts have nothing to fetch; LinkedIn and TikTok comments are imported.
public struct CommentFetcher: Sendable {
    let store: any DocumentStore
    let refresher: TokenRefresher
    let endpoints: PlatformEndpoints
    let timeout: TimeInterval
    let http: LivePlatformClient.Send
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, refresher: TokenRefresher, endpoints: PlatformEndpoints = PlatformEndpoints(), timeout: TimeInterval = 30,
                http: @escaping LivePlatformClient.Send = HTTPExchange.send, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.refresher = refresher
        self.endpoints = endpoints
        self.timeout = timeout
        self.http = http
        self.clock = clock
    }

    public struct Outcome: Sendable, Equatable {
        public var added = 0
        public var alreadyThere = 0
        /// "Facebook: why", one per request that failed.
        public var failures: [String] = []
    }

    public func fetch(_ organizationId: ObjectId, by identity: Identity) throws -> Outcome {
        try AccessControl.authorize(identity, .createContent, organizationId: organizationId)
        let inbox = CommentInbox(store: store, clock: clock)
        var outcome = Outcome()
        func keep(_ comments: [SocialComment]) throws {
            for c in comments { if try inbox.add(c) { outcome.added += 1 } else { outcome.alreadyThere += 1 } }
        }
        for (platform, account) in try liveAccounts(organizationId) {
            do {
                let token = try refresher.currentToken(account, platform)
                switch platform {
                case .twitter:
                    try keep(try mentions(of: account.accountId, token: token, organizationId: organizationId))
                case .facebook, .instagram:
                    for (postId, platformPostId) in try recentPosts(organizationId, on: platform) {
                        try keep(try comments(on: platformPostId, post: postId, platform: platform, token: token, organizationId: organizationId))
                    }
                case .linkedin, .tiktok:
                    continue
                }
            } catch {
                outcome.failures.append("\(platform.displayName): \(SafeText.escapingControls(String(describing: error)))")
            }
        }
        return outcome
    }

    /// The organization's live accounts on platforms that list comments, one per platform and account.
    private func liveAccounts(_ organizationId: ObjectId) throws -> [(Platform, PublishJob.Account)] {
        var seen = Set<String>()
        var out: [(Platform, PublishJob.Account)] = []
        for user in try ModelCollection(store, User.self).find(.eq("organizationId", organizationId)) {
            for a in user.socialAccounts where a.live == true && a.isActive && [.facebook, .instagram, .twitter].contains(a.platform) {
                guard seen.insert("\(a.platform.rawValue):\(a.accountId)").inserted else { continue }
                out.append((a.platform, PublishJob.Account(userId: user._id, accountId: a.accountId, accountName: a.accountName, live: true)))
            }
        }
        return out
    }

    /// Posts published on `platform` in the last 14 days, with the platform's id for each.
    private func recentPosts(_ organizationId: ObjectId, on platform: Platform) throws -> [(ObjectId, String)] {
        let since = clock().addingTimeInterval(-14 * 86_400)
        let docs = try store.find(Content.collection.rawValue, .eq("organizationId", organizationId)
                                    && .elemMatch("platforms", .eq("platform", platform) && .eq("status", PostStatus.published) && .gte("publishedAt", since)),
                                  limit: 200, projection: .include(["platforms"]))
        return docs.flatMap { doc -> [(ObjectId, String)] in
            guard let id = doc["_id"]?.objectIdValue, case .array(let entries)? = doc["platforms"] else { return [] }
            return entries.compactMap { $0.documentValue }.filter { $0["platform"]?.stringValue == platform.rawValue }
                .compactMap { $0["platformPostId"]?.stringValue }.map { (id, $0) }
        }
    }

    private func get(_ url: String, token: String, platform: Platform) throws -> [String: Any] {
        let answer = http(PlatformRequest(method: "GET", url: url, headers: ["Authorization": "Bearer " + token], body: ""), timeout)
        switch PlatformAnswers.failure(answer, platform: platform) {
        case .transient(let why, _)?, .unauthorized(let why)?, .rejected(let why)?, .unknown(let why)?: throw CoreError.invalid(why)
        case .accepted?, nil: break
        }
        guard let json = PlatformAnswers.json(answer) else { throw CoreError.invalid("the answer is not JSON") }
        return json
    }

    /// Facebook's and Instagram's comments on one post.
    private func comments(on platformPostId: String, post: ObjectId, platform: Platform, token: String,
                          organizationId: ObjectId) throws -> [SocialComment] {
        let fields = platform == .facebook ? "id,from,message,created_time" : "id,username,text,timestamp"
        let json = try get("\(endpoints.graph)/\(platformPostId)/comments?fields=\(fields)&limit=100", token: token, platform: platform)
        return ((json["data"] as? [[String: Any]]) ?? []).compactMap { item in
            let author = platform == .facebook ? (item["from"] as? [String: Any])?["name"] as? String : (item["username"] as? String).map { "@" + $0 }
            return comment(id: item["id"] as? String, text: (item["message"] ?? item["text"]) as? String, author: author,
                           at: (item["created_time"] ?? item["timestamp"]) as? String, platform: platform, kind: .comment, post: post,
                           organizationId: organizationId)
        }
    }

    /// The X account's mentions.
    private func mentions(of accountId: String, token: String, organizationId: ObjectId) throws -> [SocialComment] {
        let json = try get("\(endpoints.x)/2/users/\(accountId)/mentions?max_results=100&tweet.fields=created_at,author_id"
                            + "&expansions=author_id&user.fields=username", token: token, platform: .twitter)
        let users = ((json["includes"] as? [String: Any])?["users"] as? [[String: Any]]) ?? []
        let names = Dictionary(users.compactMap { u in (u["id"] as? String).map { ($0, "@" + ((u["username"] as? String) ?? $0)) } },
                               uniquingKeysWith: { a, _ in a })
        return ((json["data"] as? [[String: Any]]) ?? []).compactMap { item in
            comment(id: item["id"] as? String, text: item["text"] as? String, author: (item["author_id"] as? String).flatMap { names[$0] },
                    at: item["created_at"] as? String, platform: .twitter, kind: .mention, post: nil, organizationId: organizationId)
        }
    }

    private func comment(id: String?, text: String?, author: String?, at: String?, platform: Platform, kind: SocialComment.Kind,
                         post: ObjectId?, organizationId: ObjectId) -> SocialComment? {
        guard let id, !id.isEmpty, id.count <= 200, let text, !text.isEmpty else { return nil }
        var c = SocialComment()
        c.organizationId = organizationId
        c.platform = platform
        c.externalId = id
        c.kind = kind
        c.contentId = post
        c.author = String((author ?? "someone").prefix(200))
        c.text = String(text.prefix(10_000))
        c.receivedAt = at.flatMap(Self.date) ?? clock()
        c.createdAt = clock()
        return c
    }

    /// ISO 8601 as the platforms write it: with a colon in the offset or not (Graph's "+0000").
    static func date(_ text: String) -> Date? {
        if let d = ISODate.date(from: text) { return d }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ssZ"
        return f.date(from: text)
    }
}
