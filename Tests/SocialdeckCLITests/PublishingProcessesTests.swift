import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Exactly once from many processes (issue #12): four `socialdeck daemon` processes on
/// one store drain 1,000 due jobs through live accounts, each published once as the
/// fake platform server counts the posts it received; then again with one of them
/// killed with SIGKILL in the middle of its batch.
@Suite("Publishing from many processes", .serialized)
struct PublishingProcessesTests {
    static let jobs = 1000

    @Test(arguments: Backend.enabled)
    func fourDaemonsPublishEachJobExactlyOnce(_ backend: Backend) throws {
        let world = try DueWorld(backend, posts: Self.jobs, live: true)
        let daemons = try (0..<4).map { _ in try world.daemon(["--once", "--batch", "25"]) }
        for d in daemons { d.waitUntilExit() }
        #expect(daemons.map(\.terminationStatus) == [0, 0, 0, 0])
        let sends = try world.postsReceived()
        #expect(sends.count == Self.jobs, "every job went out")
        #expect(sends.values.allSatisfy { $0 == 1 }, "none twice: \(sends.values.filter { $0 > 1 }.count) doubled")
        #expect(try world.store.count(PublishJob.collection.rawValue, .eq("state", PublishJobState.published)) == Self.jobs)
        #expect(try world.store.count(Content.collection.rawValue, .elemMatch("platforms", .eq("status", PostStatus.published))) == Self.jobs)
        #expect(try world.store.count(PublishJob.collection.rawValue, .exists("lease", true)) == 0)
    }

    @Test(arguments: Backend.enabled)
    func aDaemonKilledMidBatchLosesNothingAndDoublesNothing(_ backend: Backend) throws {
        let world = try DueWorld(backend, posts: Self.jobs, live: true)
        let options = ["--batch", "50", "--lease", "2", "--request-timeout", "0.5", "--poll", "0.2"]
        let victim = try world.daemon(options)
        let others = try (0..<3).map { _ in try world.daemon(["--once"] + options) }
        // Kill it once the others have published some and it holds a batch.
        let deadline = Date().addingTimeInterval(60)
        while try !world.holdsABatch(victim.processIdentifier), Date() < deadline { usleep(1_000) }
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        for d in others { d.waitUntilExit() }
        // Its leases run out; one more pass takes its jobs over.
        Thread.sleep(forTimeInterval: 2.5)
        let after = try world.daemon(["--once"] + options)
        after.waitUntilExit()
        #expect(after.terminationStatus == 0)

        let sends = try world.postsReceived()
        #expect(sends.values.allSatisfy { $0 == 1 }, "none twice")
        let states = try world.store.find(PublishJob.collection.rawValue).compactMap { $0["state"]?.stringValue }
        let published = states.filter { $0 == PublishJobState.published.rawValue }.count
        let toCheck = states.filter { $0 == PublishJobState.needsCheck.rawValue }.count
        #expect(states.count == Self.jobs && published + toCheck == Self.jobs, "nothing lost: \(Dictionary(grouping: states) { $0 }.mapValues(\.count))")
        #expect(toCheck <= 1, "only a job caught between its send and its answer waits for a person")
        #expect(sends.count >= published && sends.count <= published + toCheck)
    }
}

/// A store with `posts` approved posts due a minute ago, spread over four
/// organizations whose admins hold accounts on Facebook and LinkedIn with sealed tokens:
/// sandboxed, or live with `[platforms] base_url` sending the daemons to a fake
/// platform server (never to the real platforms).
final class DueWorld: @unchecked Sendable {
    let backend: Backend
    let store: any DocumentStore
    let server: FakePlatformServer?
    let directory = TemporaryDirectory.make()

    init(_ backend: Backend, posts: Int, live: Bool = false) throws {
        self.backend = backend
        store = try backend.makeStore()
        server = live ? try FakePlatformServer() : nil
        try SchemaMigrator.prepare(store)
        let tokens = SocialAccountTokens(store: store, vault: try SecretVault.load(environment: ["XDG_CONFIG_HOME": directory]).0)
        if let server {
            try "[platforms]\nbase_url = \"\(server.base)\"\n".write(toFile: directory + "/socialdeck/config.toml", atomically: true, encoding: .utf8)
        }
        let now = Date()
        var contents: [Content] = []
        for o in 0..<4 {
            var org = Organization()
            org._id = ObjectId()
            org.name = "Org \(o)"
            org.slug = "org\(o)"
            try ModelCollection(store, Organization.self).insert(org)
            var admin = User(organizationId: org._id, email: "admin@org\(o).test", profile: .init(firstName: "A", lastName: "\(o)"),
                             role: .admin, createdAt: now, updatedAt: now)
            admin.socialAccounts = try [Platform.facebook, .linkedin].map {
                var account = try tokens.sealed(User.SocialAccount(platform: $0, accountId: "org\(o)-\($0.rawValue)", accountName: "@org\(o)", connectedAt: now),
                                                accessToken: "token-org\(o)", refreshToken: nil, userId: admin._id)
                account.live = live ? true : nil
                return account
            }
            try ModelCollection(store, User.self).insert(admin)
            for i in stride(from: o, to: posts, by: 4) {
                var post = Content()
                post.organizationId = org._id
                post.userId = admin._id
                post.title = "Post \(i)"
                post.content.text = "Post number \(i)"
                post.approval.status = .approved
                post.platforms = [Content.PlatformPost(platform: i % 2 == 0 ? .facebook : .linkedin, status: .scheduled,
                                                       scheduledAt: now.addingTimeInterval(-120 + Double(i % 50)))]
                post.createdAt = now
                post.updatedAt = now
                contents.append(post)
            }
        }
        try insertPosts(contents, into: store, now: now)
    }

    /// A `socialdeck daemon` on this store, started.
    func daemon(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try Socialdeck.binary()
        var args = ["daemon"] + (arguments.contains("--log") ? [] : ["--log", directory + "/daemon-\(UUID().uuidString).log"]) + arguments
        var env = ProcessInfo.processInfo.environment
        env["XDG_STATE_HOME"] = directory
        env["XDG_CONFIG_HOME"] = directory
        switch backend {
        case .sqlite: args += ["--data", (store.location as NSString).deletingLastPathComponent]
        case .mongodb: env["SOCIALDECK_MONGO_URI"] = MongoURI.replacingDatabase(of: Backend.mongoURI!, with: (store.location as NSString).lastPathComponent)
        }
        process.arguments = args
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Posts the fake platforms received, per post text, with the organization's own token.
    func postsReceived() throws -> [String: Int] {
        let received = try #require(server).received()
        #expect(received.allSatisfy { $0.header("Authorization")?.hasPrefix("Bearer token-org") == true }, "each sent with its sealed token")
        #expect(try store.count(PublishOutboxEntry.collection.rawValue) == 0, "live accounts never go to the sandbox")
        return received.reduce(into: [:]) { counts, request in
            guard let text = (request.json?["message"] ?? request.json?["commentary"]) as? String else { return }
            counts[text, default: 0] += 1
        }
    }

    /// The process holds claimed jobs while others have published some.
    func holdsABatch(_ pid: Int32) throws -> Bool {
        guard try store.count(PublishJob.collection.rawValue, .eq("state", PublishJobState.published)) > 20 else { return false }
        return try store.find(PublishJob.collection.rawValue, .eq("state", PublishJobState.publishing), projection: .include(["lease"]))
            .contains { $0.value(at: "lease.owner")?.stringValue?.contains(":\(pid):") == true }
    }
}
