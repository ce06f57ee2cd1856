import Foundation

/// The Anthropic Messages API (`POST {base}/messages`). It has no response format, so a
/// structured answer is asked for in the system prompt with the schema, and checked
/// like every other answer.
public struct AnthropicMessagesProvider: LLMProvider {
    public let name = "anthropic"
    static let version = "2023-06-01"
    let baseURL: String
    let apiKey: String?
    let http: LivePlatformClient.Send

    public init(baseURL: String = "https://api.anthropic.com/v1", apiKey: String?, http: @escaping LivePlatformClient.Send = HTTPExchange.send) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey
        self.http = http
    }

    public func complete(_ request: LLMRequest, timeout: TimeInterval) throws(LLMError) -> LLMResponse {
        var system = request.system
        if let schema = request.schema {
            system += "\n\nAnswer with one JSON object only, no prose, matching this JSON schema:\n" + schema.json
        }
        let body: [String: Any] = [
            "model": request.model,
            "system": system,
            "messages": request.messages.map { ["role": $0.role.rawValue, "content": $0.content] },
            "temperature": request.temperature,
            "max_tokens": request.maxTokens,
        ]
        var headers = ["anthropic-version": Self.version]
        if let apiKey { headers["x-api-key"] = apiKey }
        let json = try HTTPModelAPI.post(baseURL + "/messages", headers: headers, body: body, timeout: timeout, http: http, provider: name)
        let parts = (json["content"] as? [[String: Any]]) ?? []
        let text = parts.filter { $0["type"] as? String == "text" }.compactMap { $0["text"] as? String }.joined()
        guard !parts.isEmpty else { throw LLMError("\(name) answered without content", retryable: true) }
        let usage = json["usage"] as? [String: Any]
        return LLMResponse(text: text, promptTokens: HTTPModelAPI.int(usage?["input_tokens"]),
                           completionTokens: HTTPModelAPI.int(usage?["output_tokens"]),
                           model: json["model"] as? String ?? request.model, provider: name)
    }
}
