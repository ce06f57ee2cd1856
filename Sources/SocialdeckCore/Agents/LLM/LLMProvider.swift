import Foundation

/// One question to a model: a system prompt, the conversation so far, and, for answers
/// the agents read, the JSON schema the answer must follow.
public struct LLMRequest: Sendable, Equatable {
    public struct Message: Sendable, Equatable {
        public enum Role: String, Sendable { case user, assistant }
        public var role: Role
        public var content: String
        public init(_ role: Role, _ content: String) { self.role = role; self.content = content }
    }

    public var system: String
    public var messages: [Message]
    public var model: String
    public var temperature: Double
    public var maxTokens: Int
    /// A JSON schema (as JSON text) the answer must match, named for APIs that want a name.
    public var schema: (name: String, json: String)?

    public init(system: String, messages: [Message], model: String, temperature: Double = 0.7, maxTokens: Int = 1024,
                schema: (name: String, json: String)? = nil) {
        self.system = system
        self.messages = messages
        self.model = model
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.schema = schema
    }

    public static func == (a: LLMRequest, b: LLMRequest) -> Bool {
        a.system == b.system && a.messages == b.messages && a.model == b.model && a.temperature == b.temperature
            && a.maxTokens == b.maxTokens && a.schema?.name == b.schema?.name && a.schema?.json == b.schema?.json
    }
}

/// A model's answer and what it cost in tokens, as the API reported them.
public struct LLMResponse: Sendable, Equatable {
    public var text: String
    public var promptTokens: Int
    public var completionTokens: Int
    public var model: String
    /// "openai", "anthropic" or "offline".
    public var provider: String

    public init(text: String, promptTokens: Int, completionTokens: Int, model: String, provider: String) {
        self.text = text
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.model = model
        self.provider = provider
    }
}

/// Why a call to a model failed: worth trying again (a 429, a 5xx, no connection, a
/// timeout) or not (a refused key, a bad request).
public struct LLMError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var retryable: Bool
    /// The provider's own wait, from `Retry-After`.
    public var retryAfter: TimeInterval?

    public init(_ message: String, retryable: Bool, retryAfter: TimeInterval? = nil) {
        self.message = message
        self.retryable = retryable
        self.retryAfter = retryAfter
    }

    public var description: String { message }
}

/// A model behind an API, or the offline writer. One call, no retries: ``LLMClient``
/// adds those, the timeout, the rate cap, schema checks and cost.
public protocol LLMProvider: Sendable {
    var name: String { get }
    /// False for a provider in this process: no rate cap applies to it.
    var isRemote: Bool { get }
    func complete(_ request: LLMRequest, timeout: TimeInterval) throws(LLMError) -> LLMResponse
    /// One vector per text, from the provider's embeddings endpoint.
    func embed(_ texts: [String], model: String, timeout: TimeInterval) throws(LLMError) -> [[Double]]
    /// One image for a prompt: its bytes, or the address the provider keeps it at.
    func image(_ prompt: String, model: String, timeout: TimeInterval) throws(LLMError) -> GeneratedImage
}

/// An image a provider made.
public struct GeneratedImage: Sendable, Equatable {
    public var data: Data?
    public var url: String?
    public init(data: Data? = nil, url: String? = nil) {
        self.data = data
        self.url = url
    }
}

extension LLMProvider {
    public var isRemote: Bool { true }

    public func embed(_ texts: [String], model: String, timeout: TimeInterval) throws(LLMError) -> [[Double]] {
        throw LLMError("\(name) has no embeddings endpoint; leave embedding_model out to recall by text search", retryable: false)
    }

    public func image(_ prompt: String, model: String, timeout: TimeInterval) throws(LLMError) -> GeneratedImage {
        throw LLMError("\(name) makes no images; leave image_model out to keep image briefs only", retryable: false)
    }
}
