import Foundation
import Synchronization
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The model providers and the client around them (issue #13), against `fake_llm.py` on
/// 127.0.0.1 speaking both APIs: request shapes, usage and cost, retries with
/// `Retry-After`, timeouts, schema repairs, and the rate cap with a test clock.
@Suite("LLM client", .serialized)
struct LLMClientTests {
    let server: FakePlatformServer
    init() throws { server = try FakePlatformServer("fake_llm.py") }

    static let schema = ##"{"type":"object","required":["tags"],"additionalProperties":false,"properties":{"tags":{"type":"array","minItems":1,"maxItems":5,"items":{"type":"string","maxLength":30}}}}"##

    func request(schema: Bool = true) -> LLMRequest {
        LLMRequest(system: "You suggest hashtags.", messages: [.init(.user, "Hashtags for a winter coffee menu")], model: "gpt-4o-mini",
                   temperature: 0.2, maxTokens: 200, schema: schema ? ("hashtags", Self.schema) : nil)
    }

    final class Waits: Sendable {
        let list = Mutex<[TimeInterval]>([])
    }

    func client(_ provider: any LLMProvider, settings: LLMSettings = LLMSettings(), waits: Waits? = nil) -> LLMClient {
        var s = settings
        s.timeout = 2
        return LLMClient(provider: provider, settings: s, pause: { wait in waits?.list.withLock { $0.append(wait) } })
    }

    var openai: OpenAIChatProvider { OpenAIChatProvider(baseURL: server.base + "/v1", apiKey: "sk-test") }
    var anthropic: AnthropicMessagesProvider { AnthropicMessagesProvider(baseURL: server.base + "/v1", apiKey: "ak-test") }

    @Test func openAIGetsItsRequestShapeAndTheUsageIsPriced() throws {
        try server.script(raw: [["match": "/chat/completions", "content": ##"{"tags":["#winter","#coffee"]}"##,
                                 "usage": ["prompt": 1000, "completion": 500]]])
        let answer = try client(openai).ask(request())
        #expect(answer.text == ##"{"tags":["#winter","#coffee"]}"##)
        #expect(answer.promptTokens == 1000 && answer.completionTokens == 500 && answer.calls == 1)
        #expect(abs(answer.cost - (1000 * 0.15 + 500 * 0.60) / 1_000_000) < 1e-12)
        let sent = try #require(try server.received().last)
        #expect(sent.path == "/v1/chat/completions" && sent.header("Authorization") == "Bearer sk-test")
        let body = try #require(sent.json)
        #expect(body["model"] as? String == "gpt-4o-mini" && body["max_tokens"] as? Int == 200)
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages.map { $0["role"] } == ["system", "user"])
        let format = try #require(body["response_format"] as? [String: Any])
        #expect(format["type"] as? String == "json_schema")
        #expect(OpenAIChatProvider(baseURL: server.base + "/v1", apiKey: nil, jsonSchema: false).name == "openai")
    }

    @Test func serversWithoutSchemasGetJSONMode() throws {
        try server.script(raw: [["match": "/chat/completions", "content": ##"{"tags":["#a"]}"##]])
        _ = try client(OpenAIChatProvider(baseURL: server.base + "/v1", apiKey: nil, jsonSchema: false)).ask(request())
        let body = try #require(try server.received().last?.json)
        #expect((body["response_format"] as? [String: String]) == ["type": "json_object"])
        #expect(try server.received().last?.header("Authorization") == nil, "a local server needs no key")
    }

    @Test func anthropicGetsItsRequestShapeAndTheSchemaInTheSystemPrompt() throws {
        try server.script(raw: [["match": "/messages", "content": ##"{"tags":["#winter"]}"##, "usage": ["prompt": 40, "completion": 9]]])
        var settings = LLMSettings()
        settings.provider = .anthropic
        let answer = try client(anthropic, settings: settings).ask(request())
        #expect(answer.provider == "anthropic" && answer.promptTokens == 40 && answer.completionTokens == 9)
        let sent = try #require(try server.received().last)
        #expect(sent.path == "/v1/messages" && sent.header("x-api-key") == "ak-test" && sent.header("anthropic-version") == "2023-06-01")
        let body = try #require(sent.json)
        #expect((body["system"] as? String)?.contains(#""required":["tags"]"#) == true)
        #expect((body["messages"] as? [[String: String]])?.map { $0["role"] } == ["user"])
    }

    @Test func rateLimitsAndServerErrorsAreRetriedHonouringRetryAfter() throws {
        try server.script(raw: [["match": "/chat/completions", "status": 429, "headers": ["Retry-After": "7"],
                                 "body": ["error": ["message": "Rate limit reached"]]],
                                ["match": "/chat/completions", "status": 500],
                                ["match": "/chat/completions", "content": ##"{"tags":["#ok"]}"##]])
        let waits = Waits()
        let answer = try client(openai, waits: waits).ask(request())
        #expect(answer.json != nil && answer.calls == 1)
        #expect(waits.list.withLock { $0.filter { $0 > 0 } } == [7, 2], "Retry-After's 7 s, then the doubled backoff")
        #expect(try server.received().count == 3)
    }

    @Test func aRefusedKeyIsNotRetriedAndSaysWhy() throws {
        try server.script(raw: [["match": "/chat/completions", "status": 401, "body": ["error": ["message": "Incorrect API key provided"]]]])
        #expect { try client(openai).ask(request()) } throws: { "\($0)".contains("401: Incorrect API key provided") }
        #expect(try server.received().count == 1)
    }

    @Test func aSlowAnswerTimesOutAndIsRetriedThenFails() throws {
        try server.script(raw: [["match": "/chat/completions", "delay": 3, "content": "{}"],
                                ["match": "/chat/completions", "delay": 3, "content": "{}"]])
        var settings = LLMSettings()
        settings.maxAttempts = 2
        let started = Date()
        #expect { try client(openai, settings: settings).ask(request()) } throws: { "\($0)".contains("no answer from openai") }
        #expect(Date().timeIntervalSince(started) < 5.5, "two 2 s timeouts, not two 3 s answers")
    }

    @Test func anAnswerThatBreaksTheSchemaIsSentBackThenRefused() throws {
        try server.script(raw: [["match": "/chat/completions", "content": "Sure! Here are some hashtags: #winter"],
                                ["match": "/chat/completions", "content": ##"{"tags":[],"note":"x"}"##],
                                ["match": "/chat/completions", "content": "```json\n{\"tags\":[\"#winter\"]}\n```"]])
        let answer = try client(openai).ask(request())
        #expect(answer.calls == 3 && answer.text.contains("#winter"))
        let last = try #require(try server.received().last?.json?["messages"] as? [[String: String]])
        #expect(last.count == 6, "system, the question, and two rounds of answer and correction")
        #expect(last[5]["content"]?.contains("$.tags has 0 items, fewer than 1") == true)
        #expect(last[5]["content"]?.contains("$.note is not expected") == true)

        try server.script(raw: (0..<3).map { _ in ["match": "/chat/completions", "content": "not json"] })
        #expect { try client(openai).ask(request()) } throws: { "\($0)".contains("after 2 repairs: the answer is not JSON") }
    }

    @Test func theOfflineWriterIsNotRateCapped() throws {
        var settings = LLMSettings()
        settings.requestsPerMinute = 1
        let waits = Waits()
        let client = LLMClient(provider: OfflineWriter(), settings: settings, pause: { wait in waits.list.withLock { $0.append(wait) } })
        let brief = ContentBrief(topic: "Rate", platforms: [.linkedin])
        let request = LLMRequest(system: "s", messages: [.init(.user, brief.json)], model: OfflineWriter.model,
                                 schema: (ContentBrief.schemaName, ContentBrief.schema))
        for _ in 0..<3 { _ = try client.ask(request) }
        #expect(waits.list.withLock { $0 }.allSatisfy { $0 == 0 }, "no API, no cap")
    }

    @Test func theRateCapSpacesRequestsOverAMinute() {
        let now = Mutex(Date(timeIntervalSince1970: 1_000_000))
        let rate = RequestRate(perMinute: 3, clock: { now.withLock { $0 } })
        #expect([rate.waitBeforeNext(), rate.waitBeforeNext(), rate.waitBeforeNext()] == [0, 0, 0])
        #expect(rate.waitBeforeNext() == 60, "the fourth waits for the first to leave the window")
        now.withLock { $0 = $0.addingTimeInterval(30) }
        #expect(rate.waitBeforeNext() == 30)
    }

    /// Two processes on one store share the provider's cap: each sent two requests, under
    /// its own cap of three, yet the fourth in all waits for the window.
    @Test(arguments: Backend.enabled)
    func theRateCapIsSharedByEveryProcessOnTheStore(_ backend: Backend) throws {
        let store = try backend.makeStore()
        let other = try backend.otherConnection(to: store)
        try server.script(raw: (0..<4).map { _ in ["match": "/chat/completions", "content": "plain"] })
        var settings = LLMSettings()
        settings.provider = .openai
        settings.baseURL = server.base + "/v1"
        settings.requestsPerMinute = 3
        let now = Date(timeIntervalSince1970: 1_000_000)
        let waits = Waits()
        func client(_ store: any DocumentStore) -> LLMClient {
            LLMClient(provider: OpenAIChatProvider(baseURL: server.base + "/v1", apiKey: "k"), settings: settings, store: store,
                      clock: { now }, pause: { wait in waits.list.withLock { $0.append(wait) } })
        }
        let (a, b) = (client(store), client(other))
        let plain = LLMRequest(system: "s", messages: [.init(.user, "hi")], model: "gpt-4o-mini")
        for c in [a, b, a, b] { _ = try c.ask(plain) }
        #expect(waits.list.withLock { $0 } == [0, 0, 0, 60], "the fourth request waits a minute")
        let window = try #require(try store.findOne(SystemSetting.collection.rawValue, .compare("_id", .eq, .string(a.shared!.key))))
        #expect(window["version"]?.doubleValue == 4)
    }
}
