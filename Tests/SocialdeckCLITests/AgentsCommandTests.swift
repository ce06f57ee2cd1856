import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// `socialdeck agents run` as a person runs it (issue #13): the offline writer by default,
/// `SOCIALDECK_LLM_*` pointing at a fake model server on 127.0.0.1, and clear errors.
@Suite("Agents commands")
struct AgentsCommandTests {
    @Test func generateContentOfflineThenThroughAConfiguredServer() throws {
        let world = try DueWorld(.sqlite, posts: 1)
        let data = ["--data", (world.store.location as NSString).deletingLastPathComponent]
        let env = ["XDG_CONFIG_HOME": world.directory]
        let offline = try Socialdeck.run(["agents", "run", "generate-content", "--org", "org0", "--topic", "Winter roast",
                                          "--platforms", "x,linkedin"] + data, environment: env)
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(offline.stdout.contains("wrote 2 drafts for approval with offline-writer-1 (offline writer)"), "\(offline.stdout)")
        #expect(offline.stdout.contains("X ") && offline.stdout.contains("/280"))

        let server = try FakePlatformServer("fake_llm.py")
        try server.script(raw: [["match": "/chat/completions",
                                 "content": ##"{"drafts":[{"platform":"linkedin","text":"From the model.","confidence":0.9}],"imageBrief":""}"##,
                                 "usage": ["prompt": 100, "completion": 20]]])
        let remote = try Socialdeck.run(["agents", "run", "generate-content", "--org", "org0", "--topic", "Winter roast", "--platforms", "linkedin"] + data,
                                        environment: env.merging(["SOCIALDECK_LLM_PROVIDER": "openai", "SOCIALDECK_LLM_BASE_URL": server.base + "/v1",
                                                                  "SOCIALDECK_LLM_MODEL": "gpt-4o-mini", "OPENAI_API_KEY": "sk-secret-test"]) { $1 })
        #expect(remote.status == 0, "\(remote.stderr)")
        #expect(remote.stdout.contains("wrote 1 draft for approval with gpt-4o-mini:") && remote.stdout.contains("100 tokens in, 20 out, $0.000027"),
                "\(remote.stdout)")
        #expect(!remote.stdout.contains("sk-secret-test") && !remote.stderr.contains("sk-secret-test"), "the key is never printed")
    }

    /// The intelligence, strategy and content tasks from a shell, in the order a team would use them.
    @Test func strategyPlanAndPlannedDraftsFromTheCommandLine() throws {
        let world = try DueWorld(.sqlite, posts: 1)
        let data = ["--data", (world.store.location as NSString).deletingLastPathComponent]
        let env = ["XDG_CONFIG_HOME": world.directory]
        func run(_ args: [String]) throws -> String {
            let result = try Socialdeck.run(["agents", "run"] + args + ["--org", "org0"] + data, environment: env)
            #expect(result.status == 0, "\(args): \(result.stderr)")
            return result.stdout
        }
        #expect(try run(["analyze-user-behavior"]).contains("Run "))
        let strategy = try run(["write-strategy"])
        #expect(strategy.contains("Content strategy, version 1:") && strategy.contains("Know-how") && strategy.contains("Posts a week:"), "\(strategy)")
        let plan = try run(["plan-calendar", "--days", "7"])
        #expect(plan.contains("Planned ") && plan.contains("DATE") && plan.contains("TOPIC"), "\(plan)")
        let drafted = try run(["draft-planned", "--count", "2"])
        #expect(drafted.components(separatedBy: "The content agent wrote 1 draft for approval").count == 3 && drafted.contains(" at 20"), "\(drafted)")
        let tags = try run(["suggest-hashtags", "--platform", "instagram", "--text", "Roasting coffee beans every morning"])
        #expect(tags.contains("#roasting") && tags.contains("from the post's own words"), "\(tags)")
        let missing = try Socialdeck.run(["agents", "run", "optimize", "--org", "org0"] + data, environment: env)
        #expect(missing.status != 0 && missing.stderr.contains("optimize needs --post"))
    }

    /// Comments imported from a file, sorted by the engagement agent, listed with their replies.
    @Test func commentsAreImportedTriagedAndListed() throws {
        let world = try DueWorld(.sqlite, posts: 1)
        let data = ["--data", (world.store.location as NSString).deletingLastPathComponent]
        let env = ["XDG_CONFIG_HOME": world.directory]
        let file = (world.directory as NSString).appendingPathComponent("comments.json")
        try #"[{"platform":"facebook","id":"1_1","author":"Dana","text":"Arrived cold \u001b[31mand late"},{"platform":"x","id":"9","author":"@sam","text":"Open on Sundays?"},{"platform":"nope","id":"2","text":"x"}]"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try Socialdeck.run(["comments", "import", file, "--org", "org0"] + data, environment: env)
        #expect(imported.stdout.contains("Imported 2 comment(s); 0 were already there; 1 refused.") && imported.stdout.contains("record 3:"),
                "\(imported.stdout)\(imported.stderr)")
        let triaged = try Socialdeck.run(["agents", "run", "triage-comments", "--org", "org0"] + data, environment: env)
        #expect(triaged.stdout.contains("Sorted 2 comment(s): 1 complaint, 1 question; 2 replies wait for approval; 0 still new."),
                "\(triaged.stdout)\(triaged.stderr)")
        let list = try Socialdeck.run(["comments", "list", "--org", "org0"] + data, environment: env)
        #expect(list.stdout.contains("complaint") && list.stdout.contains("pending") && !list.stdout.contains("\u{1b}"), "\(list.stdout)")
    }

    /// Staff change an agent from a shell: configure, pause, per organization, list; each change audited.
    @Test func agentsAreConfiguredSwitchedAndListed() throws {
        let world = try DueWorld(.sqlite, posts: 1)
        let data = ["--data", (world.store.location as NSString).deletingLastPathComponent]
        let env = ["XDG_CONFIG_HOME": world.directory]
        let prompt = (world.directory as NSString).appendingPathComponent("prompt.txt")
        try "You write for a roastery.".write(toFile: prompt, atomically: true, encoding: .utf8)
        let configure = try Socialdeck.run(["agents", "configure", "content", "--model", "gpt-4.1-mini", "--temperature", "0.3",
                                            "--prompt-file", prompt, "--tool", "content_search", "--reason", "trial"] + data, environment: env)
        #expect(configure.status == 0 && configure.stdout.contains("model gpt-4.1-mini, temperature 0.3")
                && configure.stdout.contains("tools content_search, system prompt 25 characters"), "\(configure.stdout)\(configure.stderr)")
        let bad = try Socialdeck.run(["agents", "configure", "content", "--temperature", "7"] + data, environment: env)
        #expect(bad.status != 0 && bad.stderr.contains("temperature is from 0 to 2"), "\(bad.stderr)")

        let off = try Socialdeck.run(["agents", "org", "content", "--org", "org0", "--off",
                                      "--instruction", "Mention the Tuesday roast."] + data, environment: env)
        #expect(off.status == 0 && off.stdout.contains("for org0: off, 1 instruction(s).") && off.stdout.contains("Mention the Tuesday roast."),
                "\(off.stdout)\(off.stderr)")
        let costs = try Socialdeck.run(["agents", "costs"] + data, environment: env)
        #expect(costs.stdout.contains("No agent has run for an organization yet."), "\(costs.stdout)\(costs.stderr)")
        let ran = try Socialdeck.run(["agents", "run", "generate-content", "--org", "org1", "--topic", "Winter roast"] + data, environment: env)
        #expect(ran.status == 0, "\(ran.stderr)")
        let costed = try Socialdeck.run(["agents", "costs"] + data, environment: env)
        #expect(costed.stdout.split(separator: "\n").contains { $0.hasPrefix("org1") && $0.contains("content") }, "\(costed.stdout)")
        let refused = try Socialdeck.run(["agents", "run", "generate-content", "--org", "org0", "--topic", "Winter roast"] + data, environment: env)
        #expect(refused.status != 0 && refused.stderr.contains("switched off for this organization"), "\(refused.stderr)")

        let paused = try Socialdeck.run(["agents", "disable", "analytics", "--reason", "noisy"] + data, environment: env)
        #expect(paused.status == 0 && paused.stdout.contains("paused; now inactive"), "\(paused.stdout)\(paused.stderr)")
        let list = try Socialdeck.run(["agents", "list"] + data, environment: env)
        let rows = list.stdout.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("content") && $0.contains("gpt-4.1-mini") && $0.contains("0.30") && $0.hasSuffix("1") }, "\(list.stdout)")
        #expect(rows.contains { $0.hasPrefix("analytics") && $0.contains("inactive") }, "\(list.stdout)")
        let audited = try ModelCollection(world.store, AdminActivityLog.self).find(.isIn("action", anyOf: ["agent_configure", "agent_disable"]))
        #expect(audited.count == 2)
    }

    /// `workflow run` now, and a waiting request carried out by `daemon --once`.
    @Test func workflowsRunFromTheCommandLineAndTheDaemon() throws {
        let world = try DueWorld(.sqlite, posts: 1)
        let data = ["--data", (world.store.location as NSString).deletingLastPathComponent]
        let env = ["XDG_CONFIG_HOME": world.directory]
        let now = try Socialdeck.run(["workflow", "run", "strategy-optimisation", "--org", "org0"] + data, environment: env)
        #expect(now.status == 0 && now.stdout.contains("strategy-optimisation: done; steps done: generate_insights, optimize_posting_schedule, update_strategy_from_insights"),
                "\(now.stdout)\(now.stderr)")
        let unknown = try Socialdeck.run(["workflow", "run", "nope", "--org", "org0"] + data, environment: env)
        #expect(unknown.status != 0 && unknown.stderr.contains("unknown workflow nope"))

        let org = try #require(try ModelCollection(world.store, Organization.self).first(.eq("slug", "org1")))
        let request = try WorkflowRequests(store: world.store)
            .request(StandardWorkflows.analytics, organizationId: org._id, by: .localOperator())
        let daemon = try Socialdeck.run(["daemon", "--once"] + data, environment: env)
        #expect(daemon.stdout.contains("workflows: 1 finished, 0 failed"), "\(daemon.stdout)")
        #expect(try ModelCollection(world.store, AgentMessage.self).get(request._id)?.status == .done)
    }

    /// Two daemons, two OS processes, on one store: each workflow request is carried out
    /// exactly once, every step a single run.
    @Test(arguments: Backend.enabled)
    func twoDaemonsCarryOutEachWorkflowOnce(_ backend: Backend) throws {
        let world = try DueWorld(backend, posts: 4)
        let orgs = try ModelCollection(world.store, Organization.self).find()
        let workflows = WorkflowRequests(store: world.store)
        let count = backend == .sqlite ? 12 : 4
        let requests = try (0..<count).map { i in
            try workflows.request(i % 2 == 0 ? StandardWorkflows.analytics : StandardWorkflows.strategyOptimisation,
                               organizationId: orgs[i % orgs.count]._id, by: .localOperator())
        }
        let daemons = try (0..<2).map { _ in try world.daemon(["--once"]) }
        for d in daemons { d.waitUntilExit() }
        #expect(daemons.map(\.terminationStatus) == [0, 0])
        let done = try ModelCollection(world.store, AgentMessage.self).find(.isIn("_id", requests.map { .objectId($0._id) }))
        #expect(done.count == count && done.allSatisfy { $0.status == .done }, "\(done.map { "\($0.status) \($0.error ?? "")" })")
        let runs = try ModelCollection(world.store, AgentRun.self).find(.exists("organizationId", true))
        #expect(runs.filter { $0.task == "identify_trends" }.count == count / 2, "one trends run per analytics request")
        #expect(runs.filter { $0.task == "generate_insights" }.count == count / 2, "one insights run per strategy request")
    }

    /// A model that cannot be used stops the workflows, never the publisher.
    @Test func aBrokenModelSettingLeavesTheDaemonPublishing() throws {
        let world = try DueWorld(.sqlite, posts: 2)
        let data = ["--data", (world.store.location as NSString).deletingLastPathComponent]
        let daemon = try Socialdeck.run(["daemon", "--once"] + data,
                                        environment: ["XDG_CONFIG_HOME": world.directory, "SOCIALDECK_LLM_PROVIDER": "anthropic", "ANTHROPIC_API_KEY": ""])
        #expect(daemon.status == 0, "\(daemon.stderr)")
        #expect(daemon.stdout.contains("workflows are not run, publishing goes on") && daemon.stdout.contains("stopped: 2 published"),
                "\(daemon.stdout)")
    }

    @Test func mistakesSayWhatToDo() throws {
        let world = try DueWorld(.sqlite, posts: 1)
        let data = ["--data", (world.store.location as NSString).deletingLastPathComponent]
        let noKey = try Socialdeck.run(["agents", "run", "generate-content", "--org", "org0", "--topic", "x"] + data,
                                       environment: ["XDG_CONFIG_HOME": world.directory, "SOCIALDECK_LLM_PROVIDER": "anthropic", "ANTHROPIC_API_KEY": ""])
        #expect(noKey.status != 0 && noKey.stderr.contains("needs ANTHROPIC_API_KEY"), "\(noKey.stderr)")
        let platform = try Socialdeck.run(["agents", "run", "generate-content", "--org", "org0", "--topic", "x", "--platforms", "myspace"] + data)
        #expect(platform.status != 0 && platform.stderr.contains("unknown platform 'myspace'"))
        let org = try Socialdeck.run(["agents", "run", "generate-content", "--org", "nope", "--topic", "x"] + data)
        #expect(org.status != 0 && org.stderr.contains("organization nope not found"), "\(org.stderr)")
    }
}
