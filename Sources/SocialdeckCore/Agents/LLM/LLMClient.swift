import Foundation
import SocialdeckStorage
import Synchronization

/// Calls a model the way every agent should: within a timeout, at most so many requests
/// a minute, 429 and 5xx retried with backoff that honours `Retry-After`, the answer
/// checked against its schema and sent back for repair a bounded number of times, and
/// the tokens of every call (repairs included) counted and priced.
public struct LLMClient: Sendable {
    public let provider: any LLMProvider
    public let settings: LLMSettings
    let limiter: RequestRate
    /// The cap shared with every process on the store, when the client was given one.
    let shared: SharedRequestRate?
    let pause: @Sendable (TimeInterval) -> Void

    /// With `store`, the per-minute cap holds across every process on it; without, per process.
    public init(provider: any LLMProvider, settings: LLMSettings, store: (any DocumentStore)? = nil,
                clock: @escaping @Sendable () -> Date = { Date() },
                pause: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }) {
        self.provider = provider
        self.settings = settings
        self.pause = pause
        limiter = RequestRate(perMinute: settings.requestsPerMinute, clock: clock)
        shared = store.map { SharedRequestRate(store: $0, provider: provider.name, baseURL: settings.baseURL, perMinute: settings.requestsPerMinute,
                                               clock: clock) }
    }

    /// A checked answer and what it took.
    public struct Answer: Sendable {
        public var text: String
        /// The parsed JSON when a schema was asked for.
        public var json: SendableJSON?
        public var promptTokens = 0
        public var completionTokens = 0
        public var cost = 0.0
        public var calls = 0
        public var model: String
        public var provider: String
    }

    public func ask(_ request: LLMRequest) throws -> Answer {
        var conversation = request
        var answer = Answer(text: "", model: request.model, provider: provider.name)
        var repairs = 0
        while true {
            let response = try call(conversation)
            answer.calls += 1
            answer.promptTokens += response.promptTokens
            answer.completionTokens += response.completionTokens
            answer.model = response.model
            answer.cost += (settings.prices[response.model] ?? settings.prices[request.model])?
                .cost(prompt: response.promptTokens, completion: response.completionTokens) ?? 0
            answer.text = response.text
            guard let schema = request.schema else { return answer }
            switch JSONSchemaCheck.parse(response.text, schema: schema.json) {
            case .success(let value):
                answer.json = SendableJSON(value: value)
                return answer
            case .failure(let failure) where repairs < settings.repairs:
                repairs += 1
                conversation.messages += [.init(.assistant, response.text),
                                          .init(.user, "That answer does not follow the JSON schema: \(failure). Answer again with the corrected JSON only.")]
            case .failure(let failure):
                throw LLMError("\(provider.name) gave no answer that follows the schema after \(settings.repairs) repairs: \(failure)",
                               retryable: false)
            }
        }
    }

    /// Vectors for `texts` from the embeddings model, with the same timeout, cap and
    /// retries as an answer; nil when no embeddings model is configured.
    public func embed(_ texts: [String]) throws -> [[Double]]? {
        guard let model = settings.embeddingModel, !texts.isEmpty else { return nil }
        return try retrying { () throws(LLMError) in try provider.embed(texts, model: model, timeout: settings.timeout) }
    }

    /// An image for `prompt` from the image model, with the same timeout, cap and retries;
    /// nil when no image model is configured.
    public func image(_ prompt: String) throws -> GeneratedImage? {
        guard let model = settings.imageModel else { return nil }
        return try retrying { () throws(LLMError) in try provider.image(prompt, model: model, timeout: settings.timeout) }
    }

    /// One answer, retrying what is worth retrying.
    private func call(_ request: LLMRequest) throws(LLMError) -> LLMResponse {
        try retrying { () throws(LLMError) in try provider.complete(request, timeout: settings.timeout) }
    }

    /// `send` within the per-minute cap, retried with backoff while its failure is worth retrying.
    private func retrying<T>(_ send: () throws(LLMError) -> T) throws(LLMError) -> T {
        var attempt = 0
        while true {
            attempt += 1
            if provider.isRemote { pause(shared?.waitBeforeNext() ?? limiter.waitBeforeNext()) }
            do {
                return try send()
            } catch where error.retryable && attempt < settings.maxAttempts {
                let backoff = min(30, pow(2, Double(attempt - 1)))
                pause(max(backoff, error.retryAfter ?? 0))
            }
        }
    }
}

/// A parsed JSON value handed across threads; it is never mutated.
public struct SendableJSON: @unchecked Sendable {
    public let value: Any
}

/// At most `perMinute` requests in any 60 s, per process: how long to wait before the next.
final class RequestRate: Sendable {
    private let perMinute: Int
    private let clock: @Sendable () -> Date
    private let sent = Mutex<[Date]>([])

    init(perMinute: Int, clock: @escaping @Sendable () -> Date) {
        self.perMinute = max(1, perMinute)
        self.clock = clock
    }

    /// Reserves the next request's slot and returns the wait before it may go.
    func waitBeforeNext() -> TimeInterval {
        sent.withLock { times in
            let now = clock()
            times.removeAll { now.timeIntervalSince($0) >= 60 }
            let at = times.count < perMinute ? now : times[times.count - perMinute].addingTimeInterval(60)
            times.append(at)
            return max(0, at.timeIntervalSince(now))
        }
    }
}
