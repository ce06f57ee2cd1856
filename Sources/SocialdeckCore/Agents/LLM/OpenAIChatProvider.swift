import Foundation

/// OpenAI-compatible Chat Completions (`POST {base}/chat/completions`): OpenAI itself,
/// and vLLM, llama.cpp's server and Ollama at their own base URLs. Structured answers use
/// `response_format`: a JSON schema where the server takes one, else JSON mode.
public struct OpenAIChatProvider: LLMProvider {
    public let name = "openai"
    let baseURL: String
    let apiKey: String?
    /// False for servers that only know `{"type": "json_object"}`.
    let jsonSchema: Bool
    let http: LivePlatformClient.Send

    public init(baseURL: String = "https://api.openai.com/v1", apiKey: String?, jsonSchema: Bool = true,
                http: @escaping LivePlatformClient.Send = HTTPExchange.send) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey
        self.jsonSchema = jsonSchema
        self.http = http
    }

    public func complete(_ request: LLMRequest, timeout: TimeInterval) throws(LLMError) -> LLMResponse {
        var body: [String: Any] = [
            "model": request.model,
            "messages": [["role": "system", "content": request.system]] + request.messages.map { ["role": $0.role.rawValue, "content": $0.content] },
            "temperature": request.temperature,
            "max_tokens": request.maxTokens,
        ]
        if let schema = request.schema {
            if jsonSchema, let parsed = try? JSONSerialization.jsonObject(with: Data(schema.json.utf8)) {
                body["response_format"] = ["type": "json_schema", "json_schema": ["name": schema.name, "schema": parsed, "strict": false]]
            } else {
                body["response_format"] = ["type": "json_object"]
            }
        }
        var headers: [String: String] = [:]
        if let apiKey { headers["Authorization"] = "Bearer " + apiKey }
        let json = try HTTPModelAPI.post(baseURL + "/chat/completions", headers: headers, body: body, timeout: timeout, http: http, provider: name)
        let choice = (json["choices"] as? [[String: Any]])?.first
        guard let text = (choice?["message"] as? [String: Any])?["content"] as? String else {
            throw LLMError("\(name) answered without a message", retryable: true)
        }
        let usage = json["usage"] as? [String: Any]
        return LLMResponse(text: text, promptTokens: HTTPModelAPI.int(usage?["prompt_tokens"]),
                           completionTokens: HTTPModelAPI.int(usage?["completion_tokens"]),
                           model: json["model"] as? String ?? request.model, provider: name)
    }

    /// `POST {base}/embeddings`.
    public func embed(_ texts: [String], model: String, timeout: TimeInterval) throws(LLMError) -> [[Double]] {
        var headers: [String: String] = [:]
        if let apiKey { headers["Authorization"] = "Bearer " + apiKey }
        let json = try HTTPModelAPI.post(baseURL + "/embeddings", headers: headers, body: ["model": model, "input": texts], timeout: timeout,
                                         http: http, provider: name)
        let data = ((json["data"] as? [[String: Any]]) ?? []).sorted { HTTPModelAPI.int($0["index"]) < HTTPModelAPI.int($1["index"]) }
        let vectors = data.compactMap { ($0["embedding"] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } }
        guard vectors.count == texts.count, vectors.allSatisfy({ !$0.isEmpty && $0.count == vectors[0].count }) else {
            throw LLMError("\(name) answered without one embedding per text", retryable: false)
        }
        return vectors
    }

    /// `POST {base}/images/generations`: one square image, as base64 or an address.
    public func image(_ prompt: String, model: String, timeout: TimeInterval) throws(LLMError) -> GeneratedImage {
        var headers: [String: String] = [:]
        if let apiKey { headers["Authorization"] = "Bearer " + apiKey }
        let json = try HTTPModelAPI.post(baseURL + "/images/generations", headers: headers,
                                         body: ["model": model, "prompt": prompt, "n": 1, "size": "1024x1024"], timeout: timeout, http: http, provider: name)
        let first = (json["data"] as? [[String: Any]])?.first
        if let b64 = first?["b64_json"] as? String, let data = Data(base64Encoded: b64), !data.isEmpty { return GeneratedImage(data: data) }
        if let url = first?["url"] as? String, url.hasPrefix("https://") || url.hasPrefix("http://") { return GeneratedImage(url: url) }
        throw LLMError("\(name) answered without an image", retryable: false)
    }
}
