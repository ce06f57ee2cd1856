import Foundation

/// What the HTTP providers share: posting JSON with libcurl, and reading failures
/// the way both APIs give them (`error.message`, `Retry-After`).
enum HTTPModelAPI {
    static func post(_ url: String, headers: [String: String], body: [String: Any], timeout: TimeInterval,
                     http: LivePlatformClient.Send, provider: String) throws(LLMError) -> [String: Any] {
        guard let data = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]) else {
            throw LLMError("the request to \(provider) could not be written", retryable: false)
        }
        var all = headers
        all["Content-Type"] = "application/json"
        let answer = http(PlatformRequest(url: url, headers: all, body: String(decoding: data, as: UTF8.self)), timeout)
        switch answer {
        case .failed(_, let message):
            throw LLMError("no answer from \(provider): \(message)", retryable: true)
        case .answered(let status, let headers, let text):
            let json = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
            guard (200..<300).contains(status) else {
                let words = ((json?["error"] as? [String: Any])?["message"] as? String) ?? PlatformAnswers.message(text) ?? "HTTP \(status)"
                let retryable = status == 429 || status == 408 || status >= 500
                throw LLMError("\(provider) answered \(status): \(String(words.prefix(300)))", retryable: retryable,
                               retryAfter: PlatformAnswers.retryAfter(headers, now: Date()))
            }
            guard let json else { throw LLMError("\(provider) answered with something that is not JSON", retryable: true) }
            return json
        }
    }

    static func int(_ value: Any?) -> Int { (value as? NSNumber)?.intValue ?? 0 }
}
