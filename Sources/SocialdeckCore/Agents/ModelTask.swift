import Foundation
import SocialdeckModel
import SocialdeckStorage

/// One agent task that asks the agent's model (the offline writer unless `[llm]` names
/// another): the agent must be working for the organization and hold the tools the
/// task needs; the system prompt is the agent's own (or its default), the
/// organization's instructions and the task's extra lines; the user message is the
/// task's instruction and its JSON brief, which every provider reads; the answer must
/// follow the task's schema. The run, succeeded or failed, goes to `agent_runs` with its
/// input, output, tokens, cost, provider and model.
struct ModelTask {
    let store: any DocumentStore
    let client: LLMClient
    let clock: @Sendable () -> Date

    struct Ask {
        var agent: AgentType
        var task: String
        var organizationId: ObjectId
        var instruction: String
        /// JSON.
        var brief: String
        var schema: (name: String, json: String)
        var needs: [AgentTool] = []
        /// Lines the system prompt gets after the organization's instructions.
        var systemLines: [String] = []
        /// What the run records as its input.
        var input: Document = [:]
    }

    /// Asks, and hands the checked answer to `keep`, whose document is the run's output.
    func run(_ ask: Ask, keep: (LLMClient.Answer, AgentRun) throws -> Document) throws -> AgentRun {
        let recorder = AgentRunRecorder(store: store, clock: clock)
        let agent = try recorder.agent(ask.agent)
        try agent.ensureWorks(for: ask.organizationId, in: store)
        for tool in ask.needs { try agent.ensureUses(tool, for: ask.task) }
        let request = LLMRequest(system: systemPrompt(agent, organizationId: ask.organizationId, extra: ask.systemLines),
                                 messages: [.init(.user, ask.instruction + "\n\n" + ask.brief)],
                                 model: client.settings.model(for: agent), temperature: agent.configuration.temperature,
                                 maxTokens: max(256, agent.configuration.maxTokens), schema: ask.schema)
        var run = AgentRun()
        run.agentId = agent._id
        run.agentType = ask.agent
        run.organizationId = ask.organizationId
        run.task = ask.task
        run.startedAt = clock()
        run.provider = client.provider.name
        run.model = request.model
        run.input = ask.input
        let started = Date()
        do {
            let answer = try client.ask(request)
            run.durationMs = Date().timeIntervalSince(started) * 1000
            run.promptTokens = answer.promptTokens
            run.completionTokens = answer.completionTokens
            run.cost = answer.cost
            run.model = answer.model
            run.output = try keep(answer, run)
            run.status = .succeeded
            run.finishedAt = clock()
            try recorder.record(run)
            return run
        } catch {
            run.durationMs = Date().timeIntervalSince(started) * 1000
            run.status = .failed
            run.finishedAt = clock()
            run.error = SafeText.escapingControls(String(String(describing: error).prefix(2000)))
            try recorder.record(run)
            throw error
        }
    }

    private func systemPrompt(_ agent: AIAgent, organizationId: ObjectId, extra: [String]) -> String {
        var lines = [agent.configuration.systemPrompt.isEmpty ? Self.defaultPrompt(agent.type) : agent.configuration.systemPrompt]
        if let own = agent.organizationSpecific.first(where: { $0.organizationId == organizationId }) { lines += own.customPrompts }
        return (lines + extra).joined(separator: "\n")
    }

    static func defaultPrompt(_ type: AgentType) -> String {
        switch type {
        case .intelligence: return "You are the intelligence agent of a social media team. You read an organization's own figures and say what they mean, plainly, without inventing numbers."
        case .strategy: return "You are the strategy agent of a social media team. You plan what to post, where and how often, from the organization's own results."
        case .content: return "You are the content agent of a social media team. You write posts a person will review before anything is published."
        case .execution: return "You are the execution agent of a social media team. You place approved posts into good slots."
        case .learning: return "You are the learning agent of a social media team. You turn reviewers' decisions into lessons."
        case .engagement: return "You are the engagement agent of a social media team. You sort incoming comments and draft replies a person will review."
        case .analytics: return "You are the analytics agent of a social media team. You report what happened, with the numbers given."
        }
    }

    /// The `aiGenerated` record of a draft a run wrote, with the text as written, so that
    /// an editor's changes can be learned from.
    static func aiRecord(_ answer: LLMClient.Answer, run: AgentRun, prompt: String, text: String, confidence: Any? = nil,
                         at now: Date) -> Content.AIGenerated {
        var ai = Content.AIGenerated()
        ai.agentId = run.agentId.hex
        ai.prompt = prompt
        ai.generatedAt = now
        ai.confidence = (confidence as? NSNumber)?.doubleValue
        ai.model = answer.model
        ai.provider = answer.provider
        ai.runId = run._id
        ai.draftText = text
        return ai
    }

    /// The answer's top-level object.
    static func object(_ answer: LLMClient.Answer) -> [String: Any] {
        (answer.json?.value as? [String: Any]) ?? [:]
    }

    /// Text a model wrote, fit to store: control characters out, bounded.
    static func clean(_ value: Any?, limit: Int = 1_000) -> String? {
        guard let text = value as? String else { return nil }
        let kept = SafeText.removingControls(text, keeping: ["\n"]).trimmingCharacters(in: .whitespacesAndNewlines)
        return kept.isEmpty ? nil : String(kept.prefix(limit))
    }

    /// A brief as the prompt carries it.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
