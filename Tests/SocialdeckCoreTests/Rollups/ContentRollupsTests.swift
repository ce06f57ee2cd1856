import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The daily rollups (issue #11): equal to a full recount of the posts after writes
/// racing from two connections, after an import, after a writer that dies halfway, and
/// after a store written before they existed is opened.
@Suite("Content rollups")
struct ContentRollupsTests {
    static let now = date("2026-11-29T10:00:00Z")

    /// A seeded store on `backend`, opened as the app opens it.
    static func seeded(_ backend: Backend, posts: Int) throws -> any DocumentStore {
        let store = try backend.makeStore()
        try SchemaMigrator.prepare(store, now: now)
        try SeededWorkspace(organizations: 2, users: 8, posts: posts, days: 20, now: now).seed(into: store)
        return store
    }

    @Test(arguments: Backend.enabled)
    func theSeedsRollupsEqualARecount(_ backend: Backend) throws {
        let store = try Self.seeded(backend, posts: 40)
        #expect(try RollupRecount.expectStoredEqualRecount(store) > 10)
        #expect(try ContentRollups(store: store).isBuilt())
    }

    /// Two writers, each on its own connection as another process would have, change
    /// the same posts at random through every kind of write: the core's (approve,
    /// reject, move, take off the calendar) and inserts, metrics, titles and soft
    /// deletes through the rollups' own upkeep.
    @Test(arguments: Backend.enabled)
    func racingWritersFromTwoConnectionsLeaveTheRecount(_ backend: Backend) throws {
        let store = try Self.seeded(backend, posts: backend == .sqlite ? 60 : 24)
        let other = try backend.otherConnection(to: store)
        let ids = try store.find(CollectionName.content.rawValue, projection: .include(["_id"])).compactMap(\.["_id"]?.objectIdValue)
        let org = try #require(try ModelCollection(store, Organization.self).first(.all))._id
        let operations = backend == .sqlite ? 60 : 14
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            var rng = SeededGenerator(seed: UInt64(writer + 7))
            let connection = writer == 0 ? store : other
            for step in 0..<operations {
                do {
                    try Self.randomWrite(connection, ids: ids, organization: org, step: step, writer: writer, rng: &rng)
                } catch let error as CoreError {
                    _ = error  // a conflict or a refusal is a write that lost the race, as in real use
                } catch {
                    failures.add("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        try RollupRecount.expectStoredEqualRecount(store, "after \(operations * 2) racing writes")
    }

    static func randomWrite(_ store: any DocumentStore, ids: [ObjectId], organization: ObjectId, step: Int, writer: Int,
                            rng: inout SeededGenerator) throws {
        let workflow = ContentWorkflow(store: store, clock: { now })
        let staff = Identity.localOperator(context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))
        let id = ids[Int.random(in: 0..<ids.count, using: &rng)]
        let later = now.addingTimeInterval(Double(Int.random(in: 1...(24 * 20), using: &rng)) * 3_600 + 900)
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: try workflow.reschedule(id, to: later, by: staff)
        case 1: try workflow.reschedule(id, to: later, platform: Platform.allCases.randomElement(using: &rng), by: staff)
        case 2: try workflow.unschedule(id, by: staff)
        case 3: try workflow.approve(id, by: staff)
        case 4: try workflow.reject(id, reason: "off brand", by: staff)
        case 5:
            var post = Content()
            post.organizationId = organization
            post.title = "Inserted by \(writer) at \(step)"
            var published = Content.PlatformPost(platform: .linkedin, status: .published, scheduledAt: now.addingTimeInterval(-86_400))
            published.publishedAt = now.addingTimeInterval(-Double(Int.random(in: 1...200, using: &rng)) * 3_600)
            var metrics = Content.Metrics()
            metrics.views = 100
            metrics.engagement = Int.random(in: 1...500, using: &rng)
            published.metrics = metrics
            post.platforms = [published, Content.PlatformPost(platform: .twitter, status: .scheduled, scheduledAt: later)]
            try insertPosts([post], into: store, now: now)
        case 6:
            var metrics = Content.Metrics()
            metrics.views = 1_000
            metrics.engagement = Int.random(in: 0...900, using: &rng)
            try updatePost(id, Update.set("platforms.0.metrics", try DocumentEncoder().encodeValue(metrics))
                .set("title", "Retitled by \(writer) at \(step)"), in: store, now: now)
        default:
            try updatePost(id, .set("deletedAt", now), in: store, now: now)
        }
    }

    @Test(arguments: Backend.enabled)
    func anImportLeavesTheRecount(_ backend: Backend) throws {
        let store = try Self.seeded(backend, posts: 20)
        let org = try #require(try ModelCollection(store, Organization.self).first(.all))
        let csv = (0..<12).map { i in "\(Platform.allCases[i % 5].rawValue),2026-12-\(String(format: "%02d", 1 + i % 9))T0\(i % 10):45:00Z,Imported post \(i)" }
        let imported = try Importer(store: store, now: Self.now)
            .importPostsCSV("platform,time,text\n" + csv.joined(separator: "\n"), organizationSlug: org.slug, timeZone: .gmt, asDrafts: false)
        #expect(imported == 12)
        try RollupRecount.expectStoredEqualRecount(store, "after the import")
    }

    /// An import that fails halfway writes nothing, and its marks are taken off again.
    @Test func anImportThatFailsHalfwayLeavesTheRecount() throws {
        let store = try Self.seeded(.sqlite, posts: 20)
        let org = try #require(try ModelCollection(store, Organization.self).first(.all))
        let csv = (0..<30).map { i in "facebook,2026-12-0\(1 + i % 9)T10:00:00Z,Imported post \(i)" }
        let faulty = FaultyStore(store, failingInserts: [2])
        #expect(throws: StoreError.self) {
            try Importer(store: faulty, now: Self.now, batchSize: 10)
                .importPostsCSV(csv.joined(separator: "\n"), organizationSlug: org.slug, timeZone: .gmt, asDrafts: false)
        }
        #expect(try store.count(CollectionName.content.rawValue, .compare("content.text", .eq, .string("Imported post 0"))) == 0)
        try RollupRecount.expectStoredEqualRecount(store, "after the failed import")
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ s: String) { lock.withLock { list.append(s) } }
        var all: [String] { lock.withLock { list } }
    }
}
