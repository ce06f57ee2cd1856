import Foundation
import SocialdeckModel

/// How the platforms say no: which answers are worth retrying, which mean the token,
/// and which are final, with the platform's own words.
enum PlatformAnswers {
    /// The outcome of a failed exchange; nil for a 2xx answer.
    static func failure(_ result: HTTPResult, platform: Platform, now: Date = Date()) -> SendOutcome? {
        switch result {
        case .failed(let sent, let message):
            return sent ? .unknown("no answer from \(platform.displayName): \(message)")
                : .transient("could not reach \(platform.displayName): \(message)", retryAfter: nil)
        case .answered(let status, let headers, let body):
            if (200..<300).contains(status) { return nil }
            let words = message(body) ?? "HTTP \(status)"
            let graphCode = (json(result)?["error"] as? [String: Any])?["code"] as? Int
            if status == 429 || [4, 17, 32, 613].contains(graphCode) {
                return .transient("\(platform.displayName) rate limit: \(words)", retryAfter: retryAfter(headers, now: now))
            }
            if status == 401 || graphCode == 190 { return .unauthorized(words) }
            if (500..<600).contains(status) {
                return .transient("\(platform.displayName) answered \(status): \(words)", retryAfter: retryAfter(headers, now: now))
            }
            return .rejected(words)
        }
    }

    /// A 2xx answer without what it should hold: the platform took the request, so this
    /// is not retried blindly.
    static func unreadable(_ result: HTTPResult, _ platform: Platform) -> SendOutcome {
        .unknown("\(platform.displayName) answered without a post id")
    }

    static func json(_ result: HTTPResult) -> [String: Any]? {
        guard case .answered(_, _, let body) = result, let data = body.data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// The platform's words: Graph's `error.message`, X's `detail`, LinkedIn's `message`,
    /// TikTok's `error.message`; else the start of the body.
    static func message(_ body: String) -> String? {
        let parsed = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
        let found = ((parsed?["error"] as? [String: Any])?["message"] as? String) ?? parsed?["detail"] as? String
            ?? parsed?["message"] as? String ?? parsed?["title"] as? String
        if let found, !found.isEmpty { return String(found.prefix(500)) }
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : String(trimmed.prefix(300))
    }

    /// `Retry-After` in seconds or as an HTTP date, else X's `x-rate-limit-reset` (epoch seconds).
    static func retryAfter(_ headers: [String: String], now: Date) -> TimeInterval? {
        if let value = headers["retry-after"] {
            if let seconds = TimeInterval(value.trimmingCharacters(in: .whitespaces)) { return max(0, seconds) }
            let format = DateFormatter()
            format.locale = Locale(identifier: "en_US_POSIX")
            format.timeZone = TimeZone(identifier: "GMT")
            format.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
            if let date = format.date(from: value) { return max(0, date.timeIntervalSince(now)) }
        }
        if let reset = headers["x-rate-limit-reset"].flatMap(TimeInterval.init) { return max(0, reset - now.timeIntervalSince1970) }
        return nil
    }
}
