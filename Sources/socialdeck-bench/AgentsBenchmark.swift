import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// The agents' figures (issue #13): drafts per second with the offline writer, the
/// content-creation workflow end to end for one organization, and what the orchestrator
/// adds to a model call: the content agent against `fake_llm.py` answering after 200 ms,
/// next to the same request sent raw to the same server in the same run.
struct AgentsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agents",
                                                    abstract: "Offline drafts per second, content-creation end to end, orchestrator overhead.")

    @Option(help: "Content agent runs with the offline writer.") var runs = 200
    @Option(help: "Calls to the fake model, through the agent and raw.") var calls = 30
    @Option(help: "The fake model's answer time, in seconds.") var latency = 0.2

    func run() throws {
        let dir = NSTemporaryDirectory() + "socialdeck-bench-agents-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try StoreLocation.sqlite(directory: dir).open()
        var options = DemoWorkspace.Options()
        options.organizations = 2
        options.users = 6
        options.posts = 300
        _ = try DemoWorkspace(options: options).seed(into: store)
        // An organization of its own, with no plan limit to stop the runs.
        var org = Organization()
        org.name = "Bench"
        org.slug = "bench-agents"
        try ModelCollection(store, Organization.self).insert(org)
        let offline = LLMClient(provider: OfflineWriter(), settings: LLMSettings())
        let agent = ContentAgent(store: store, client: offline)
        var made = 0
        let draftTime = try seconds {
            for i in 0..<runs {
                made += try agent.draft(topic: "Bench topic \(i) about winter coffee", platforms: [.twitter, .linkedin, .instagram],
                                        organizationId: org._id, by: .localOperator()).posts.count
            }
        }
        let runner = WorkflowRunner(store: store, client: offline)
        var workflowTimes: [Double] = []
        for i in 0..<5 {
            workflowTimes.append(try seconds {
                _ = try runner.request(StandardWorkflows.contentCreation, organizationId: org._id, topic: "Workflow \(i)", by: .localOperator())
                _ = try runner.runWaiting()
            } * 1000)
        }
        let (ours, raw) = try overhead()
        print(Figure.table("Agents (offline writer on SQLite; fake model on 127.0.0.1 answering after \(Int(latency * 1000)) ms)",
                           referenceName: "reference", [
            Figure(name: "drafts per second, offline writer (\(runs) runs × 3 platforms)", unit: "/s", ours: Double(made) / draftTime,
                   reference: nil, higherIsBetter: true, target: "—"),
            Figure(name: "content-creation workflow end to end, median of 5", unit: "ms", ours: percentile(workflowTimes, 0.5),
                   reference: nil, higherIsBetter: false, target: "—"),
            Figure(name: "one content agent step against the fake model, mean of \(calls)", unit: "ms", ours: ours, reference: raw,
                   higherIsBetter: false, target: "overhead < 5% of the call"),
            Figure(name: "orchestrator overhead per step", unit: "ms", ours: ours - raw, reference: raw * 0.05, higherIsBetter: false,
                   target: "< 5% of \(Int(latency * 1000)) ms"),
        ]))
    }

    /// Mean ms per content agent step against the fake model, and per raw request.
    private func overhead() throws -> (Double, Double) {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tests/SocialdeckTestSupport/fake_llm.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate() }
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 10 { line.append(first) }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else { throw ValidationError("fake_llm.py did not start (python3?)") }
        let base = "http://127.0.0.1:\(port)"
        let answer = #"{"drafts":[{"platform":"linkedin","text":"A bench draft about coffee.","confidence":0.8}],"imageBrief":""}"#
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["content": answer, "delay": latency]), as: UTF8.self)
        _ = HTTPExchange.send(PlatformRequest(url: base + "/_control/default", headers: ["Content-Type": "application/json"], body: body), timeout: 5)

        let dir = NSTemporaryDirectory() + "socialdeck-bench-agents-fake-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try StoreLocation.sqlite(directory: dir).open()
        var org = Organization()
        org.name = "Fake"
        org.slug = "fake"
        try ModelCollection(store, Organization.self).insert(org)
        let client = LLMClient(provider: OpenAIChatProvider(baseURL: base + "/v1", apiKey: "bench"), settings: LLMSettings())
        let agent = ContentAgent(store: store, client: client)
        let request = #"{"model":"gpt-4o-mini","messages":[{"role":"user","content":"bench"}]}"#
        var ours: [Double] = [], raw: [Double] = []
        for i in 0..<calls {
            // Interleaved, so both see the same machine.
            ours.append(try seconds { _ = try agent.draft(topic: "Call \(i)", platforms: [.linkedin], organizationId: org._id, by: .localOperator()) } * 1000)
            raw.append(seconds {
                _ = HTTPExchange.send(PlatformRequest(url: base + "/v1/chat/completions", headers: ["Content-Type": "application/json"], body: request),
                                      timeout: 5)
            } * 1000)
        }
        return (ours.reduce(0, +) / Double(calls), raw.reduce(0, +) / Double(calls))
    }
}
