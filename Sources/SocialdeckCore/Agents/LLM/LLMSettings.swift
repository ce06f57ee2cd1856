import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Which model the agents use and how carefully (`[llm]` in config.toml, and the
/// `SOCIALDECK_LLM_*` variables over it). Keys are never here: they come from the
/// environment or a 0600 key file when the client is made.
public struct LLMSettings: Sendable, Equatable {
    public enum Provider: String, Sendable, CaseIterable { case offline, openai, anthropic }

    public var provider = Provider.offline
    /// The API's base URL; nil for the provider's own.
    public var baseURL: String?
    public var model: String?
    /// The embeddings model memory is recalled with (OpenAI-compatible providers); nil:
    /// recall by the store's text search.
    public var embeddingModel: String?
    /// The image model drafts' image briefs are sent to (OpenAI-compatible); nil: briefs only.
    public var imageModel: String?
    /// Where generated images are written; the default is `media/` in the data directory.
    public var imageDirectory: String?
    /// US dollars per generated image.
    public var imagePrice: Double = 0.04
    /// A model per agent, over `model`.
    public var agentModels: [AgentType: String] = [:]
    /// False for OpenAI-compatible servers that only know JSON mode.
    public var jsonSchema = true
    public var requestsPerMinute = 60
    public var timeout: TimeInterval = 60
    /// Sends in all for one answer, the first included, for 429, 5xx and timeouts.
    public var maxAttempts = 4
    /// Answers that break their schema are sent back this many times to be fixed.
    public var repairs = 2
    /// US dollars per million tokens, by model.
    public var prices = LLMPrice.defaults
    /// A file holding the API key, mode 0600.
    public var keyFile: String?

    public init() {}

    public func model(for agent: AgentType) -> String {
        agentModels[agent] ?? model ?? Self.defaultModel(provider)
    }

    /// The model an agent's calls name: this machine's per-agent choice, else the one
    /// staff configured on the agent, else `model`. (The offline writer answers as itself
    /// whatever the request names.)
    public func model(for agent: AIAgent) -> String {
        agentModels[agent.type] ?? (agent.configuration.model.isEmpty ? nil : agent.configuration.model) ?? model(for: agent.type)
    }

    static func defaultModel(_ provider: Provider) -> String {
        switch provider {
        case .offline: return "offline-writer-1"
        case .openai: return "gpt-4o-mini"
        case .anthropic: return "claude-3-5-haiku-latest"
        }
    }
}

/// What a model's tokens cost.
public struct LLMPrice: Sendable, Equatable {
    public var inputPerMillion: Double
    public var outputPerMillion: Double

    public init(inputPerMillion: Double, outputPerMillion: Double) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
    }

    public func cost(prompt: Int, completion: Int) -> Double {
        (Double(prompt) * inputPerMillion + Double(completion) * outputPerMillion) / 1_000_000
    }

    /// List prices when this was written; `[llm.prices]` overrides them.
    public static let defaults: [String: LLMPrice] = [
        "gpt-4o-mini": LLMPrice(inputPerMillion: 0.15, outputPerMillion: 0.60),
        "gpt-4o": LLMPrice(inputPerMillion: 2.50, outputPerMillion: 10.00),
        "claude-3-5-haiku-latest": LLMPrice(inputPerMillion: 0.80, outputPerMillion: 4.00),
        "claude-sonnet-4-0": LLMPrice(inputPerMillion: 3.00, outputPerMillion: 15.00),
        "offline-writer-1": LLMPrice(inputPerMillion: 0, outputPerMillion: 0),
    ]
}

extension LLMSettings {
    /// The client for these settings. The key comes from `OPENAI_API_KEY` or
    /// `ANTHROPIC_API_KEY`, else from `keyFile` (readable by its owner only); a local
    /// OpenAI-compatible server (a base URL on this machine) may need none. With `store`,
    /// the per-minute cap holds across every process on it.
    public func client(environment: [String: String], store: (any DocumentStore)? = nil) throws -> LLMClient {
        func key(_ variable: String) throws -> String? {
            if let value = environment[variable], !value.isEmpty { return value }
            return try keyFile.map { try OwnerOnlyFile.read($0, what: "the LLM key file") }
        }
        let provider: any LLMProvider
        switch self.provider {
        case .offline:
            provider = OfflineWriter()
        case .openai:
            let apiKey = try key("OPENAI_API_KEY")
            let local = baseURL.flatMap { URL(string: $0)?.host }.map { ["127.0.0.1", "localhost", "::1"].contains($0) } ?? false
            guard apiKey != nil || local else {
                throw CoreError.invalid("the openai provider needs OPENAI_API_KEY or [llm] key_file (a local server needs neither)")
            }
            provider = OpenAIChatProvider(baseURL: baseURL ?? "https://api.openai.com/v1", apiKey: apiKey, jsonSchema: jsonSchema)
        case .anthropic:
            guard let apiKey = try key("ANTHROPIC_API_KEY") else {
                throw CoreError.invalid("the anthropic provider needs ANTHROPIC_API_KEY or [llm] key_file")
            }
            provider = AnthropicMessagesProvider(baseURL: baseURL ?? "https://api.anthropic.com/v1", apiKey: apiKey)
        }
        return LLMClient(provider: provider, settings: self, store: store)
    }
}
