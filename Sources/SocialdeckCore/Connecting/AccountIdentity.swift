import Foundation
import SocialdeckModel

/// Who a fresh token speaks for, asked of the platform: the account's id (what posts are
/// sent as) and a name people recognise. A Facebook token speaks for the person; their
/// Pages each come with their own token, which is what posting to a Page needs.
struct AccountIdentity: Sendable, Equatable {
    var accountId: String
    var accountName: String
    /// The Page's own token, used in place of the person's (Facebook only).
    var pageToken: String?

    /// Every account the token can post as; most platforms have one.
    static func lookUp(_ platform: Platform, token: String, openId: String?, endpoints: PlatformEndpoints,
                       timeout: TimeInterval, http: LivePlatformClient.Send) throws -> [AccountIdentity] {
        let auth = ["Authorization": "Bearer " + token]
        func get(_ url: String) throws -> [String: Any] {
            let answer = http(PlatformRequest(method: "GET", url: url, headers: auth, body: ""), timeout)
            if let failure = PlatformAnswers.failure(answer, platform: platform) {
                throw CoreError.invalid("\(platform.displayName) would not say whose token this is: \(failure.words)")
            }
            guard let json = PlatformAnswers.json(answer) else {
                throw CoreError.invalid("\(platform.displayName) answered the account lookup with something unreadable")
            }
            return json
        }
        switch platform {
        case .twitter:
            let user = try get("\(endpoints.x)/2/users/me")["data"] as? [String: Any]
            guard let id = user?["id"] as? String, let handle = user?["username"] as? String else { throw unreadable(platform) }
            return [AccountIdentity(accountId: id, accountName: "@" + handle)]
        case .linkedin:
            let me = try get("\(endpoints.linkedin)/v2/userinfo")
            guard let sub = me["sub"] as? String else { throw unreadable(platform) }
            return [AccountIdentity(accountId: sub, accountName: me["name"] as? String ?? sub)]
        case .tiktok:
            let user = ((try get("\(endpoints.tiktok)/v2/user/info/?fields=open_id,display_name")["data"] as? [String: Any])?["user"]) as? [String: Any]
            guard let id = user?["open_id"] as? String ?? openId else { throw unreadable(platform) }
            return [AccountIdentity(accountId: id, accountName: user?["display_name"] as? String ?? id)]
        case .facebook:
            let pages = try get("\(endpoints.graph)/me/accounts?fields=id,name,access_token")["data"] as? [[String: Any]] ?? []
            return pages.compactMap { page in
                guard let id = page["id"] as? String else { return nil }
                return AccountIdentity(accountId: id, accountName: page["name"] as? String ?? id, pageToken: page["access_token"] as? String)
            }
        case .instagram:
            let pages = try get("\(endpoints.graph)/me/accounts?fields=instagram_business_account%7Bid,username%7D")["data"] as? [[String: Any]] ?? []
            return pages.compactMap { page in
                guard let business = page["instagram_business_account"] as? [String: Any], let id = business["id"] as? String else { return nil }
                return AccountIdentity(accountId: id, accountName: (business["username"] as? String).map { "@" + $0 } ?? id)
            }
        }
    }

    private static func unreadable(_ platform: Platform) -> CoreError {
        .invalid("\(platform.displayName) answered the account lookup without the account's id")
    }
}

extension SendOutcome {
    /// The outcome's message, for people.
    var words: String {
        switch self {
        case .accepted(let id, _): return "accepted as \(id)"
        case .transient(let s, _), .unauthorized(let s), .rejected(let s), .unknown(let s): return s
        }
    }
}
