import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// The agents' figures (issue #13): drafts per second with the offline writer, the
/// content-creation workflow end to end for one organization, what the orchestrator
/// adds to a model call (the content agent against `fake_llm.py` answering after 200 ms,
/// next to the same request sent raw to the same server in the same run), and a memory
/// recall on a full memory next to Python's sqlite3 with FTS5 on the same items.
struct AgentsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agents",
                                                    abstract: "Offline drafts per second, content-creation end to end, orchestrator overhead.")

    @Option(help: "Content agent runs with the offline writer.") var runs = 200
    @Option(help: "Calls to the fake model, through the agent and raw.") var calls = 30
    @Option(help: "The fake model's answer time, in seconds.") var latency = 0.2
    @Option(help: "Organizations whose memory is full (200 items each) for the recall figure.") var memoryOrganizations = 100

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
                _ = try WorkflowRequests(store: store).request(StandardWorkflows.contentCreation, organizationId: org._id, topic: "Workflow \(i)",
                                                               by: .localOperator())
                _ = try runner.runWaiting()
            } * 1000)
        }
        let (ours, raw) = try overhead()
        let recall = try memoryRecall()
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
            Figure(name: "memory search p50 (\(memoryOrganizations * 200) items, the 3 best of one organization)", unit: "ms",
                   ours: recall.search.ours.p50, reference: recall.search.reference.p50, higherIsBetter: false, target: "≤ 5 ms, ≥ 1×"),
            Figure(name: "memory search p99", unit: "ms", ours: recall.search.ours.p99, reference: recall.search.reference.p99,
                   higherIsBetter: false, target: "—"),
            Figure(name: "memory recall p50, uses counted (one durable write)", unit: "ms", ours: recall.ours.p50, reference: recall.reference.p50,
                   higherIsBetter: false, target: "≥ 1×"),
            Figure(name: "memory recall p99, uses counted", unit: "ms", ours: recall.ours.p99, reference: recall.reference.p99,
                   higherIsBetter: false, target: "—"),
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

    /// Recall on full memories: socialdeck's (FTS5 through the store, the uses written)
    /// and the Python reference's, the same items and queries.
    private func memoryRecall() throws -> (ours: (p50: Double, p99: Double), reference: (p50: Double, p99: Double),
                                           search: (ours: (p50: Double, p99: Double), reference: (p50: Double, p99: Double))) {
        let dir = NSTemporaryDirectory() + "socialdeck-bench-memory-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let subjects = ["cold brew", "espresso", "oat milk", "decaf", "gift boxes", "barista school", "latte art", "single origin",
                        "winter roast", "loyalty card", "night market", "pour over", "grinder", "subscription", "pastry", "tea"]
        let phrasing = ["posts about %@ draw more saves in the evening", "%@ did well on LinkedIn with a question to close",
                        "reviewers liked the short %@ drafts", "%@ tagged posts beat the average by a third"]
        var generator = SystemRandomNumberGenerator()
        let orgs = (0..<memoryOrganizations).map { _ in ObjectId() }
        let now = Date()
        var items: [AgentMemoryItem] = []
        var lines: [String] = []
        for org in orgs {
            for n in 0..<200 {
                var item = AgentMemoryItem()
                item.organizationId = org
                item.kind = n % 2 == 0 ? "insight" : "winner"
                item.text = String(format: phrasing[n % phrasing.count], subjects[Int.random(in: 0..<subjects.count, using: &generator)])
                    + " (note \(n))"
                item.createdAt = now
                items.append(item)
                let json = try JSONSerialization.data(withJSONObject: ["org": org.hex, "kind": item.kind, "text": item.text])
                lines.append(String(decoding: json, as: UTF8.self))
            }
        }
        let queries = (0..<300).map { i in (orgs[i % orgs.count], "\(subjects[i % subjects.count]) for the weekend") }
        let store = try StoreLocation.sqlite(directory: dir + "/ours").open()
        try ModelCollection(store, AgentMemoryItem.self).insert(items)
        let memory = AgentMemory(store: store)
        _ = try memory.recall("warm up", organizationId: orgs[0], kinds: ["insight"])
        let kinds: Filter = .isIn("kind", anyOf: [BSONValue.string("winner"), .string("insight")])
        var searches: [Double] = []
        for (org, query) in queries {
            searches.append(try seconds {
                _ = try store.searchText(AgentMemoryItem.collection.rawValue, path: "text", query: query,
                                         filter: .eq("organizationId", org) && kinds, limit: 3)
            } * 1000)
        }
        var times: [Double] = []
        for (org, query) in queries {
            times.append(try seconds { _ = try memory.recall(query, organizationId: org, kinds: ["winner", "insight"]) } * 1000)
        }
        try lines.joined(separator: "\n").write(toFile: dir + "/items.jsonl", atomically: false, encoding: .utf8)
        let reference = try runReference("memory_reference.py", params: [
            "items": dir + "/items.jsonl", "database": dir + "/reference.sqlite", "now": ISODate.string(from: now),
            "stopwords": Array(TextRelevance.stopwords),
            "queries": queries.map { ["org": $0.0.hex, "query": $0.1] },
        ])
        return ((percentile(times, 0.5), percentile(times, 0.99)), (reference["p50_ms"] ?? 0, reference["p99_ms"] ?? 0),
                ((percentile(searches, 0.5), percentile(searches, 0.99)), (reference["search_p50_ms"] ?? 0, reference["search_p99_ms"] ?? 0)))
    }
}
