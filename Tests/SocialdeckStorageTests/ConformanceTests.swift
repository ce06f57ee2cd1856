import Foundation
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import Testing

/// The storage contract. Every test runs unchanged against SQLite and MongoDB.
@Suite("Store conformance")
struct ConformanceTests {
    let owners = [ObjectId(hex: "64b000000000000000000001")!, ObjectId(hex: "64b000000000000000000002")!]

    func thing(_ i: Int) -> Document {
        Document([
            .init("_id", .objectId(ObjectId(timestamp: 1_700_000_000, unique: 7, counter: UInt32(i)))),
            .init("name", .string("thing-\(i)")),
            .init("n", .int32(Int32(i))),
            .init("score", .double(Double(i) / 2)),
            .init("at", .date(date("2026-03-0\(i % 9 + 1)T10:00:00Z"))),
            .init("owner", .objectId(owners[i % 2])),
            .init("flag", .bool(i % 3 == 0)),
            .init("nested", .document(Document([.init("a", .document(Document([.init("b", .string(i % 2 == 0 ? "even" : "odd"))])))]))),
            .init("tags", .array([
                .document(Document([.init("kind", .string(i % 2 == 0 ? "draft" : "scheduled")), .init("at", .date(date("2026-04-1\(i % 10)T00:00:00Z")))])),
                .document(Document([.init("kind", .string("published")), .init("at", .date(date("2026-01-0\(i % 9 + 1)T00:00:00Z")))])),
            ])),
            .init("labels", .array([.string("l\(i % 3)"), .string("all")])),
        ])
    }

    func seeded(_ backend: Backend, count: Int = 8) throws -> any DocumentStore {
        let store = try backend.makeStore()
        store.register(testSchema)
        for index in testSchema.indexes { try store.createIndex(index, on: "things") }
        try store.insertMany((0..<count).map(thing), into: "things")
        return store
    }

    func names(_ docs: [Document]) -> [String] { docs.compactMap { $0["name"]?.stringValue } }

    @Test(arguments: Backend.enabled)
    func roundTripKeepsEveryType(_ backend: Backend) throws {
        let store = try seeded(backend, count: 3)
        let original = thing(1)
        let found = try #require(try store.findOne("things", .compare("_id", .eq, original["_id"]!)))
        #expect(found == original)
        #expect(found["at"]?.dateValue == date("2026-03-02T10:00:00Z"))
        #expect(found["owner"]?.objectIdValue == owners[1])
    }

    @Test(arguments: Backend.enabled)
    func insertWithoutIdAssignsObjectId(_ backend: Backend) throws {
        let store = try backend.makeStore()
        try store.insertOne(Document([.init("name", "anonymous")]), into: "things")
        let doc = try #require(try store.findOne("things", .eq("name", "anonymous")))
        #expect(doc["_id"]?.objectIdValue != nil)
    }

    @Test(arguments: Backend.enabled)
    func filtersMatchLikeMongoDB(_ backend: Backend) throws {
        let store = try seeded(backend)
        func n(_ f: Filter) throws -> Int { try store.count("things", f) }
        #expect(try n(.eq("nested.a.b", "even")) == 4)
        #expect(try n(.gte("at", date("2026-03-05T00:00:00Z")) && .lt("at", date("2026-03-08T00:00:00Z"))) == 3)
        #expect(try n(.isIn("n", anyOf: [1, 3, 5, 99])) == 3)
        #expect(try n(.eq("owner", owners[0])) == 4)
        #expect(try n(.eq("flag", true)) == 3)
        #expect(try n(.exists("nested.a", true)) == 8)
        #expect(try n(.exists("missing", false)) == 8)
        #expect(try n(.isNull("missing")) == 8)
        #expect(try n(.isNull("nested")) == 0, "a document is not null")
        #expect(try n(.isNull("labels")) == 0, "an array is not null")
        #expect(try n(.ne("nested.a", BSONValue.null)) == 8)
        #expect(try n(.ne("name", "thing-1")) == 7)
        #expect(try n(.eq("n", 2) || .eq("n", 5)) == 2)
        #expect(try n(.not(.eq("nested.a.b", "even"))) == 4)
        #expect(try n(.eq("tags.kind", "scheduled")) == 4, "array element field, any element")
        #expect(try n(.eq("labels", "all")) == 8, "array of scalars contains")
        #expect(try n(.eq("labels", "l1") && .gt("score", 1.0)) == 2)
        #expect(try n(.elemMatch("tags", .eq("kind", "draft") && .gte("at", date("2026-04-14T00:00:00Z")))) == 2)
        #expect(try n(.elemMatch("tags", .eq("kind", "published") && .gte("at", date("2026-04-01T00:00:00Z")))) == 0,
                "elemMatch needs one element to satisfy both")
        #expect(try n(.eq("tags.kind", "published") && .gte("tags.at", date("2026-04-01T00:00:00Z"))) == 8,
                "without elemMatch, different elements may satisfy each condition")
    }

    @Test(arguments: Backend.enabled)
    func sortSkipLimitAndProjection(_ backend: Backend) throws {
        let store = try seeded(backend)
        #expect(names(try store.find("things", sort: [.desc("n")], limit: 3)) == ["thing-7", "thing-6", "thing-5"])
        #expect(names(try store.find("things", sort: [.asc("nested.a.b"), .desc("score")], skip: 1, limit: 2)) == ["thing-4", "thing-2"])
        // An array field sorts by its least element ascending, its greatest descending.
        let asc = names(try store.find("things", .lt("n", 4), sort: [.asc("tags.at")]))
        #expect(asc == ["thing-0", "thing-1", "thing-2", "thing-3"])
        let desc = names(try store.find("things", .lt("n", 4), sort: [.desc("tags.at")]))
        #expect(desc == ["thing-3", "thing-2", "thing-1", "thing-0"])
        let projected = try #require(try store.find("things", .eq("n", 2), projection: .include(["name", "nested.a.b"])).first)
        #expect(projected.keys.sorted() == ["_id", "name", "nested"])
        #expect(projected.value(at: "nested.a.b") == "even")
        let excluded = try #require(try store.find("things", .eq("n", 2), projection: .exclude(["tags", "labels"])).first)
        #expect(excluded["tags"] == nil && excluded["name"] == "thing-2")
    }

    @Test(arguments: Backend.enabled)
    func updatesSetIncPushUnset(_ backend: Backend) throws {
        let store = try seeded(backend)
        let update = Update.set("nested.a.c", "new").inc("n", 10).inc("visits", 1).push("labels", "pushed").unset("score")
        #expect(try store.updateOne("things", .eq("name", "thing-3"), update) == 1)
        let doc = try #require(try store.findOne("things", .eq("name", "thing-3")))
        #expect(doc.value(at: "nested.a.c") == "new")
        #expect(doc.value(at: "nested.a.b") == "odd")
        #expect(doc["n"]?.int64Value == 13)
        #expect(doc["visits"]?.int64Value == 1)
        #expect(doc["labels"] == ["l0", "all", "pushed"])
        #expect(doc["score"] == nil)
        #expect(try store.updateMany("things", .eq("owner", owners[0]), .set("group", "zero")) == 4)
        #expect(try store.count("things", .eq("group", "zero")) == 4)
        #expect(try store.updateOne("things", .eq("name", "nobody"), .set("x", 1)) == 0)
    }

    @Test(arguments: Backend.enabled)
    func findOneAndUpdateClaimsInSortOrder(_ backend: Backend) throws {
        let store = try seeded(backend)
        let claim = Update.set("state", "claimed")
        let first = try #require(try store.findOneAndUpdate("things", .isNull("state"), sort: [.desc("n")], claim, returnUpdated: true))
        #expect(first["name"] == "thing-7" && first["state"] == "claimed")
        let before = try #require(try store.findOneAndUpdate("things", .isNull("state"), sort: [.desc("n")], claim, returnUpdated: false))
        #expect(before["name"] == "thing-6" && before["state"] == nil)
        #expect(try store.findOneAndUpdate("things", .eq("name", "nobody"), sort: [], claim, returnUpdated: true) == nil)
    }

    @Test(arguments: Backend.enabled)
    func concurrentClaimersNeverShareADocument(_ backend: Backend) throws {
        let store = try seeded(backend, count: 24)
        let claimed = Claims()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            while let doc = try? store.findOneAndUpdate("things", .isNull("worker"), sort: [.asc("n")],
                                                         .set("worker", Int64(worker)), returnUpdated: true) {
                claimed.add(doc["name"]!.stringValue!)
            }
        }
        #expect(claimed.all.count == 24)
        #expect(Set(claimed.all).count == 24)
    }

    @Test(arguments: Backend.enabled)
    func deleteOneAndMany(_ backend: Backend) throws {
        let store = try seeded(backend)
        #expect(try store.deleteOne("things", .eq("owner", owners[1])) == 1)
        #expect(try store.deleteMany("things", .eq("owner", owners[1])) == 3)
        #expect(try store.count("things") == 4)
    }

    @Test(arguments: Backend.enabled)
    func uniqueIndexRefusesDuplicatesWithATypedError(_ backend: Backend) throws {
        let store = try seeded(backend, count: 3)
        try store.createIndex(IndexSpec([IndexKey("name")], unique: true), on: "things")
        try store.createIndex(IndexSpec([IndexKey("name")], unique: true), on: "things")
        #expect(throws: StoreError.self) { try store.insertOne(Document([.init("name", "thing-1")]), into: "things") }
        do {
            try store.updateOne("things", .eq("name", "thing-2"), .set("name", "thing-1"))
            Issue.record("update to a duplicate name succeeded")
        } catch StoreError.duplicateKey(let collection, _) {
            #expect(collection == "things")
        }
        #expect(try store.count("things", .eq("name", "thing-1")) == 1)
        let names = try store.indexNames(on: "things")
        #expect(names.contains("name_1") && names.contains("tags.kind_1_tags.at_1"))
    }

    @Test(arguments: Backend.enabled)
    func softDeletedDocumentsAreHiddenByDefault(_ backend: Backend) throws {
        let store = try seeded(backend, count: 4)
        try store.updateOne("things", .eq("n", 1), .set("deletedAt", Date()))
        #expect(try store.count("things") == 3)
        #expect(try store.find("things", .eq("n", 1)).isEmpty)
        #expect(try store.find("things", .eq("n", 1), includeDeleted: true).count == 1)
        #expect(try store.count("things", .all, includeDeleted: true) == 4)
        #expect(try store.updateOne("things", .eq("n", 1), .set("x", 1)) == 0)
    }

    @Test(arguments: Backend.enabled)
    func groupedAggregationByDayAndField(_ backend: Backend) throws {
        let store = try seeded(backend, count: 12)
        let docs = try store.find("things")
        let byDay = GroupedAggregation(filter: .gte("n", 2), groupBy: [.day("at")], accumulators: [.count, .sum("n")])
        let rows = try store.aggregate("things", byDay)
        #expect(rows.first == AggregateRow(keys: [.date(date("2026-03-01T00:00:00Z"))], values: [1, 9]))
        #expect(rows.reduce(0) { $0 + $1.values[0] } == 10)
        let byOwner = GroupedAggregation(groupBy: [.field("owner"), .field("flag")], accumulators: [.sum("score")])
        #expect(try store.aggregate("things", byOwner) == byOwner.referenceRows(docs))
        let unwound = GroupedAggregation(unwind: "tags", groupBy: [.field("tags.kind")], accumulators: [.count])
        #expect(try store.aggregate("things", unwound).map(\.values) == [[6], [12], [6]])
    }

    @Test(arguments: Backend.enabled)
    func multikeyIndexGivesTheSameAnswers(_ backend: Backend) throws {
        let store = try seeded(backend, count: 10)
        let ids = try store.find("things", sort: [.asc("n")]).compactMap { $0["_id"] }
        let scheduledEarly = Filter.elemMatch("tags", .eq("kind", "scheduled") && .lte("at", date("2026-04-15T00:00:00Z")))
        let filters: [Filter] = [
            .eq("tags.kind", "draft"),
            scheduledEarly,
            .isIn("tags.kind", anyOf: ["draft", "published"]) && .eq("flag", false),
            // An indexed equality pins the rows: the side table is then asked row by row.
            .compare("_id", .eq, ids[1]) && scheduledEarly,
            .compare("_id", .eq, ids[0]) && scheduledEarly,
        ]
        for f in filters {
            let all = try store.find("things", sort: [.asc("n")]).filter { f.matches($0) }
            #expect(names(try store.find("things", f, sort: [.asc("n")])) == names(all))
        }
        try store.updateOne("things", .eq("n", 0), .set("tags", BSONValue.array([])))
        #expect(try store.count("things", .eq("tags.kind", "draft")) == 4)
        try store.deleteMany("things", .eq("tags.kind", "scheduled"))
        #expect(try store.count("things", .eq("tags.kind", "scheduled")) == 0)
    }

    @Test(arguments: Backend.enabled)
    func modelsRoundTripThroughTheStore(_ backend: Backend) throws {
        let store = try backend.makeStore()
        let posts = ModelCollection(store, Content.self)
        var post = Content()
        post.organizationId = owners[0]
        post.userId = owners[1]
        post.title = "Launch 🚀 día"
        post.content.text = "Hello\nworld"
        post.content.hashtags = ["launch"]
        post.platforms = [.init(platform: .twitter, status: .scheduled, scheduledAt: date("2026-12-01T09:00:00Z"))]
        post.aiGenerated = Content.AIGenerated()
        post.aiGenerated?.confidence = 0.85
        post.createdAt = date("2026-11-01T00:00:00Z")
        post.updatedAt = post.createdAt
        try posts.insert(post)
        #expect(try posts.get(post._id) == post)
        let raw = try #require(try store.findOne("content", .id(post._id)))
        #expect(raw["organizationId"]?.objectIdValue == owners[0])
        #expect(raw.value(at: "platforms.0.scheduledAt")?.dateValue == date("2026-12-01T09:00:00Z"))
        #expect(raw["deletedAt"] == nil)
    }

    @Test(arguments: Backend.enabled)
    func schemaIsVersionedAndIndexed(_ backend: Backend) throws {
        let store = try backend.makeStore()
        #expect(try SchemaMigrator.storedVersion(store) == 0)
        #expect(try SchemaMigrator.prepare(store) == SchemaCatalog.currentVersion)
        #expect(try SchemaMigrator.prepare(store) == SchemaCatalog.currentVersion)
        #expect(try SchemaMigrator.missingIndexes(store) == [])
        try store.updateOne(SchemaMigrator.metaCollection, .compare("_id", .eq, "schema"), .set("version", Int64(99)))
        #expect(throws: StoreError.newerSchema(found: 99, supported: SchemaCatalog.currentVersion)) {
            try SchemaMigrator.prepare(store)
        }
    }
}

final class Claims: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []
    func add(_ name: String) { lock.withLock { names.append(name) } }
    var all: [String] { lock.withLock { names } }
}

extension GroupedAggregation {
    /// The expected rows computed directly from the documents, the way the spec defines them.
    func referenceRows(_ docs: [Document]) -> [AggregateRow] {
        var groups: [[BSONValue]: [Double]] = [:]
        for doc in docs where filter.matches(doc) {
            let key = groupBy.map { k -> BSONValue in
                if case .field(let p) = k { return doc.value(at: p) ?? .null }
                return .null
            }
            var acc = groups[key] ?? Array(repeating: 0, count: accumulators.count)
            for (i, a) in accumulators.enumerated() {
                if case .sum(let p) = a { acc[i] += doc.value(at: p)?.doubleValue ?? 0 } else { acc[i] += 1 }
            }
            groups[key] = acc
        }
        return groups.map { AggregateRow(keys: $0.key, values: $0.value) }.sorted {
            for (x, y) in zip($0.keys, $1.keys) where BSONValue.compare(x, y) != 0 { return BSONValue.compare(x, y) < 0 }
            return false
        }
    }
}
