import Foundation
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import Testing

/// An included projection gives what applying it to the whole document gives, on
/// SQLite (which now cuts the document down in SQL before decoding) as on MongoDB.
@Suite("Projected reads")
struct ProjectionTests {
    func document(_ i: Int) -> Document {
        Document([
            .init("_id", .objectId(ObjectId(timestamp: 1_700_000_000, unique: 9, counter: UInt32(i)))),
            .init("title", .string("post \(i), with a comma")),
            .init("content", .document(Document([.init("text", .string(String(repeating: "long text ", count: 50)))]))),
            .init("platforms", .array([
                .document(Document([.init("platform", .string("tiktok")), .init("status", .string("published")),
                                    .init("metrics", .document(Document([.init("engagement", .int32(Int32(i * 10)))])))])),
            ])),
            .init("n", .int64(Int64(i))),
            .init("weird'key", .bool(true)),
        ])
    }

    @Test(arguments: Backend.enabled)
    func includedFieldsMatchApplyingTheProjectionToTheWholeDocument(_ backend: Backend) throws {
        let store = try backend.makeStore()
        try store.insertMany((0..<5).map(document), into: "posts")
        let projections: [Projection] = [
            .include(["title", "platforms"]), .include(["content.text", "n"]), .include(["n", "missing"]),
            .include(["weird'key"]), .include(["_id"]),
        ]
        let whole = try store.find("posts", .all, options: FindOptions(sort: [.asc("n")]))
        for projection in projections {
            let projected = try store.find("posts", .all, options: FindOptions(sort: [.asc("n")], projection: projection))
            #expect(projected == whole.map(projection.apply), "\(projection)")
        }
        let two = try store.find("posts", .eq("n", 2), options: FindOptions(projection: .include(["title", "platforms"])))
        #expect(two.first?.keys.sorted() == ["_id", "platforms", "title"])
        #expect(two.first?.value(at: "platforms.0.metrics.engagement") == .int32(20))
    }
}
