import Foundation
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import Testing

/// Text search (issue #13's agent memory): the same most relevant documents on both
/// backends, within the filter, kept in step with writes, and no query syntax leaking
/// from what a person typed.
@Suite("Text search")
struct TextSearchTests {
    func doc(_ org: Int, _ text: String) -> Document {
        ["_id": .objectId(ObjectId()), "org": .int32(Int32(org)), "text": .string(text)]
    }

    @Test(arguments: Backend.enabled)
    func theMostRelevantComeFirstWithinTheFilter(_ backend: Backend) throws {
        let store = try backend.makeStore()
        try store.insertMany([
            doc(1, "Cold brew posts draw twice the saves on Instagram"),
            doc(1, "Reviewers rejected drafts as too salesy"),
            doc(1, "Cold brew cold brew: the summer favourite, cold and smooth"),
            doc(2, "Cold brew for the other organization"),
            doc(1, "Crème brûlée latte launch did well"),
        ], into: "memory")
        let found = try store.searchText("memory", path: "text", query: "cold brew", filter: .eq("org", 1), limit: 5)
        #expect(found.map { $0["text"]?.stringValue ?? "" } == ["Cold brew cold brew: the summer favourite, cold and smooth",
                                                                  "Cold brew posts draw twice the saves on Instagram"])
        #expect(try store.searchText("memory", path: "text", query: "CREME brulee", filter: .eq("org", 1), limit: 5).count == 1,
                "case and accents do not matter")
        #expect(try store.searchText("memory", path: "text", query: "\" OR NEAR(* -- '", filter: .all, limit: 5).isEmpty)
        #expect(try store.searchText("memory", path: "text", query: "for the", filter: .all, limit: 5).isEmpty, "common words alone find nothing")
        #expect(try store.searchText("memory", path: "text", query: "salesy\" OR \"cold", filter: .eq("org", 1), limit: 1).count == 1)

        let salesy = try #require(try store.findOne("memory", .eq("text", "Reviewers rejected drafts as too salesy")))
        try store.updateOne("memory", .id(salesy["_id"]!.objectIdValue!), Update.set("text", "Reviewers asked for fewer emoji"))
        #expect(try store.searchText("memory", path: "text", query: "salesy", filter: .all, limit: 5).isEmpty, "an update is searched as it is now")
        #expect(try store.searchText("memory", path: "text", query: "emoji", filter: .all, limit: 5).count == 1)
        try store.deleteMany("memory", .eq("org", 2))
        #expect(try store.searchText("memory", path: "text", query: "organization", filter: .all, limit: 5).isEmpty)
        try store.insertOne(doc(1, "A new emoji rule"), into: "memory")
        #expect(try store.searchText("memory", path: "text", query: "emoji", filter: .all, limit: 5).count == 2, "an insert is searched at once")
    }
}
