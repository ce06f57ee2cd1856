import Foundation
import SocialdeckModel

/// What a token endpoint gave: an access token, perhaps a refresh token, and when the
/// access token stops working. TikTok also names the account here (`open_id`).
struct OAuthTokens: Sendable, Equatable {
    var access: String
    var refresh: String?
    var expiresAt: Date?
    var openId: String?

    init(access: String, refresh: String?, expiresAt: Date?, openId: String? = nil) {
        self.access = access
        self.refresh = refresh
        self.expiresAt = expiresAt
        self.openId = openId
    }

    /// Reads a token endpoint's answer; a refusal becomes an error in the platform's words.
    init(_ answer: HTTPResult, platform: Platform, now: Date) throws {
        switch answer {
        case .failed(_, let message):
            throw CoreError.invalid("\(platform.displayName) did not answer the token request: \(message)")
        case .answered(let status, _, let body):
            let json = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
            // TikTok once wrapped the answer in `data`; accept both.
            let fields = (json?["data"] as? [String: Any]).flatMap { $0["access_token"] != nil ? $0 : nil } ?? json ?? [:]
            guard (200..<300).contains(status), let access = fields["access_token"] as? String, !access.isEmpty else {
                let reason = (fields["error_description"] as? String) ?? (fields["error"] as? String)
                    ?? PlatformAnswers.message(body) ?? "HTTP \(status)"
                throw CoreError.invalid("\(platform.displayName) refused the token request: \(SafeText.escapingControls(String(reason.prefix(300))))")
            }
            self.access = access
            refresh = (fields["refresh_token"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            let seconds = (fields["expires_in"] as? NSNumber)?.doubleValue ?? (fields["expires_in"] as? String).flatMap(Double.init)
            expiresAt = seconds.flatMap { $0 > 0 ? now.addingTimeInterval($0) : nil }
            openId = fields["open_id"] as? String
        }
    }
}
