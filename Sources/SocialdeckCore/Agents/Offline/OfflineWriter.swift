import Foundation
import SocialdeckModel

/// The default provider: writes without a network, the same words for the same brief.
/// It reads the brief the agents put in the prompt as JSON and answers in the schema
/// asked for, so everything around it (prompts, schema checks, runs, costs) is the same
/// code a real model goes through. Its drafts are built from the brief's topic and key
/// points, shaped by the brand voice and what the organization taught the agent, and
/// fitted to each platform's limit with the platform's own counting.
public struct OfflineWriter: LLMProvider {
    public let name = "offline"
    public let isRemote = false
    public static let model = "offline-writer-1"

    public init() {}

    public func complete(_ request: LLMRequest, timeout: TimeInterval) throws(LLMError) -> LLMResponse {
        guard let task = request.schema?.name else {
            throw LLMError("the offline writer answers structured requests only", retryable: false)
        }
        let prompt = request.messages.last { $0.role == .user }?.content ?? ""
        guard let brief = Self.json(in: prompt) else {
            throw LLMError("the offline writer found no JSON brief in the prompt", retryable: false)
        }
        let text: String
        if task == ContentBrief.schemaName {
            guard let decoded = try? JSONDecoder().decode(ContentBrief.self, from: Data(brief.utf8)) else {
                throw LLMError("the offline writer could not read the content brief", retryable: false)
            }
            text = OfflineDrafts(decoded).answer
        } else if let type = Self.briefs.first(where: { $0.schemaName == task }) {
            text = try Self.answer(type, brief)
        } else {
            throw LLMError("the offline writer does not do \(task)", retryable: false)
        }
        // Token counts as a model would report them, roughly four characters a token.
        let words = (request.system.count + request.messages.reduce(0) { $0 + $1.content.count }) / 4
        return LLMResponse(text: text, promptTokens: max(1, words), completionTokens: max(1, text.count / 4), model: Self.model, provider: name)
    }

    /// The tasks besides drafting, by their schema's name.
    static let briefs: [any OfflineAnswering.Type] = [InsightsBrief.self, StrategyBrief.self, CalendarBrief.self, HashtagBrief.self,
                                                      OptimizeBrief.self, TriageBrief.self, WeeklyReportBrief.self]

    /// Decodes a task's brief and writes its answer as JSON.
    static func answer<Brief: OfflineAnswering>(_ type: Brief.Type, _ json: String) throws(LLMError) -> String {
        guard let brief = try? JSONDecoder().decode(Brief.self, from: Data(json.utf8)),
              let data = try? JSONSerialization.data(withJSONObject: brief.offlineAnswer, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            throw LLMError("the offline writer could not read the \(Brief.self)", retryable: false)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The first `{ … }` block of the prompt, balanced.
    static func json(in prompt: String) -> String? {
        guard let start = prompt.firstIndex(of: "{") else { return nil }
        var depth = 0, inString = false, escaped = false
        for i in prompt[start...].indices {
            let c = prompt[i]
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            switch c {
            case "\"": inString = true
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 { return String(prompt[start...i]) }
            default: break
            }
        }
        return nil
    }
}

/// A task's brief the offline writer answers: its schema's name, and the answer it writes.
protocol OfflineAnswering: Decodable {
    static var schemaName: String { get }
    var offlineAnswer: [String: Any] { get }
}

extension InsightsBrief: OfflineAnswering {}
extension StrategyBrief: OfflineAnswering {}
extension CalendarBrief: OfflineAnswering {}
extension HashtagBrief: OfflineAnswering {}
extension OptimizeBrief: OfflineAnswering {}
extension TriageBrief: OfflineAnswering {}
extension WeeklyReportBrief: OfflineAnswering {}
