import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// `socialdeck import`: all records are checked first, and one bad record means nothing is written.
@Suite("Importer")
struct ImporterTests {
    let bakeryId = ObjectId(hex: "64b0000000000000000000b1")!
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    /// A store with the organization `bakery` and its admin, the author of imported posts.
    func bakery() throws -> (TempStore, User) {
        let s = try TempStore()
        try s.insert([organization("bakery", id: bakeryId)])
        let viewer = user("viewer@bakery.example", org: bakeryId, role: .viewer)
        let admin = user("admin@bakery.example", org: bakeryId, role: .admin)
        try s.insert([viewer, admin])
        return (s, admin)
    }

    func importer(_ s: TempStore) -> Importer { Importer(store: s.store, now: fixedNow) }

    /// The problems of a rejected import, or an issue when it was not rejected.
    func problems(_ body: () throws -> Int) -> [Importer.Problem] {
        do {
            let n = try body()
            Issue.record("the import was accepted (\(n) documents)")
            return []
        } catch let rejected as Importer.Rejected {
            return rejected.problems
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    func jsonLines(_ docs: [Document]) -> String { docs.map(ExtendedJSON.string(from:)).joined(separator: "\n") + "\n" }

    func note(_ i: Int, org: ObjectId) -> Document {
        var n = UserNotification()
        n._id = ObjectId(timestamp: 1_795_000_000, unique: 9, counter: UInt32(i))
        n.organizationId = org
        n.title = "note \(i)"
        n.createdAt = date("2026-11-01")
        return try! DocumentEncoder().encode(n)
    }

    // MARK: - JSON Lines

    @Test func jsonLinesRoundTripAnExportOfAnotherStore() throws {
        let source = try TempStore()
        var options = smallDemo()
        options.posts = 150
        try DemoWorkspace(options: options).seed(into: source.store)
        let orgLines = try source.export(.organizations)
        let contentLines = try source.export(.content)
        #expect(contentLines.count == 150)

        let target = try TempStore()
        let imp = importer(target)
        #expect(try imp.importJSONLines(orgLines.joined(separator: "\n"), into: .organizations) == orgLines.count)
        #expect(try imp.importJSONLines(contentLines.joined(separator: "\n") + "\n", into: .content) == 150)
        #expect(try target.export(.content) == contentLines)
        #expect(try target.export(.organizations) == orgLines)
        // The imported documents decode as the same models.
        let a = try ModelCollection(source.store, Content.self).find(sort: [.asc("_id")], includeDeleted: true)
        let b = try ModelCollection(target.store, Content.self).find(sort: [.asc("_id")], includeDeleted: true)
        #expect(a == b)
    }

    @Test func canonicalExtendedJSONIsAccepted() throws {
        let (s, _) = try bakery()
        let line = #"{"_id":{"$oid":"64b0000000000000000000c1"},"organizationId":{"$oid":"64b0000000000000000000b1"},"#
            + #""userId":{"$oid":"64b0000000000000000000b1"},"kind":"billing","title":"Invoice","message":"Paid","#
            + #""isRead":false,"createdAt":{"$date":{"$numberLong":"1795946400000"}}}"#
        #expect(try importer(s).importJSONLines(line, into: .notifications) == 1)
        let stored = try #require(try ModelCollection(s.store, UserNotification.self).get(ObjectId(hex: "64b0000000000000000000c1")!))
        #expect(stored.kind == .billing)
        #expect(stored.createdAt == date("2026-11-29T10:00:00Z"))
    }

    @Test func recordsWithoutAnIdGetOne() throws {
        let (s, _) = try bakery()
        var doc = note(1, org: bakeryId)
        doc["_id"] = nil
        #expect(try importer(s).importJSONLines(ExtendedJSON.string(from: doc), into: .notifications) == 1)
        let stored = try #require(try s.store.findOne("notifications", .eq("title", "note 1")))
        #expect(stored.keys.first == "_id")
        #expect(stored["_id"]?.objectIdValue != nil)
    }

    @Test func windowsLineEndingsAreAccepted() throws {
        let (s, _) = try bakery()
        let text = [note(1, org: bakeryId), note(2, org: bakeryId)].map(ExtendedJSON.string(from:)).joined(separator: "\r\n") + "\r\n"
        #expect(try importer(s).importJSONLines(text, into: .notifications) == 2)
        #expect(try s.count(.notifications) == 2)

        let bad = [ExtendedJSON.string(from: note(3, org: bakeryId)), "{oops", ExtendedJSON.string(from: note(4, org: bakeryId))]
            .joined(separator: "\r\n")
        #expect(problems { try importer(s).importJSONLines(bad, into: .notifications) }.map(\.line) == [2])
    }

    @Test(arguments: [
        ("wrong type", #"{"_id":{"$oid":"64b0000000000000000000c2"},"organizationId":{"$oid":"64b0000000000000000000b1"},"userId":{"$oid":"64b0000000000000000000b1"},"kind":"system","title":42,"message":"m","isRead":false,"createdAt":{"$date":"2026-11-01T00:00:00Z"}}"#, "title"),
        ("unknown enum", #"{"_id":{"$oid":"64b0000000000000000000c2"},"organizationId":{"$oid":"64b0000000000000000000b1"},"userId":{"$oid":"64b0000000000000000000b1"},"kind":"carrier_pigeon","title":"t","message":"m","isRead":false,"createdAt":{"$date":"2026-11-01T00:00:00Z"}}"#, "kind"),
        ("missing field", #"{"_id":{"$oid":"64b0000000000000000000c2"},"organizationId":{"$oid":"64b0000000000000000000b1"},"userId":{"$oid":"64b0000000000000000000b1"},"kind":"system","message":"m","isRead":false,"createdAt":{"$date":"2026-11-01T00:00:00Z"}}"#, "title"),
        ("malformed JSON", #"{"_id":{"$oid":"64b0000000000000000000c2"},"title":"#, "byte"),
        ("not an object", #"[1,2,3]"#, "object"),
    ])
    func oneBadRecordRejectsTheWholeFile(_ kind: String, _ bad: String, _ mention: String) throws {
        let (s, _) = try bakery()
        // Line 1 good, line 2 blank, line 3 good, line 4 bad, line 5 good.
        let text = [ExtendedJSON.string(from: note(1, org: bakeryId)), "",
                    ExtendedJSON.string(from: note(2, org: bakeryId)), bad,
                    ExtendedJSON.string(from: note(3, org: bakeryId))].joined(separator: "\n")
        let found = problems { try importer(s).importJSONLines(text, into: .notifications) }
        #expect(found.count == 1, "\(kind)")
        #expect(found.first?.line == 4, "\(kind)")
        #expect(found.first?.message.contains(mention) == true, "\(kind): \(found)")
        #expect(found.first?.description.hasPrefix("line 4: ") == true)
        #expect(try s.count(.notifications) == 0)
    }

    @Test func everyBadRecordIsListed() throws {
        let (s, _) = try bakery()
        let text = ["{", ExtendedJSON.string(from: note(1, org: bakeryId)), "nope", #"{"_id":1}"#].joined(separator: "\n")
        let found = problems { try importer(s).importJSONLines(text, into: .notifications) }
        #expect(found.map(\.line) == [1, 3, 4])
        #expect(try s.count(.notifications) == 0)
    }

    @Test func idAlreadyInTheStoreWritesNothing() throws {
        let (s, _) = try bakery()
        try importer(s).importJSONLines(jsonLines([note(1, org: bakeryId)]), into: .notifications)
        #expect(try s.count(.notifications) == 1)
        let found = problems { try importer(s).importJSONLines(jsonLines([note(2, org: bakeryId), note(1, org: bakeryId)]), into: .notifications) }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("already in notifications") == true)
        #expect(try s.count(.notifications) == 1)
        #expect(try s.store.findOne("notifications", .eq("title", "note 2")) == nil)
    }

    @Test func idRepeatedWithinTheFileWritesNothing() throws {
        let (s, _) = try bakery()
        let found = problems { try importer(s).importJSONLines(jsonLines([note(1, org: bakeryId), note(1, org: bakeryId)]), into: .notifications) }
        #expect(found.map(\.description) == [#"line 2: _id {"$oid":"\#(note(1, org: bakeryId)["_id"]!.objectIdValue!.hex)"} repeats line 1"#])
        #expect(try s.count(.notifications) == 0)
    }

    @Test func unknownOrganizationWritesNothing() throws {
        let (s, _) = try bakery()
        let stranger = ObjectId(hex: "64b0000000000000000000ff")!
        let found = problems { try importer(s).importJSONLines(jsonLines([note(1, org: bakeryId), note(2, org: stranger)]), into: .notifications) }
        #expect(found.count == 1)
        #expect(found.first?.message.contains(stranger.hex) == true)
        #expect(try s.count(.notifications) == 0)
    }

    @Test func emptyFileWritesNothing() throws {
        let (s, _) = try bakery()
        #expect(try importer(s).importJSONLines("\n\n  \n", into: .notifications) == 0)
    }

    // MARK: - Posts CSV

    func importedPosts(_ s: TempStore) throws -> [Content] {
        try ModelCollection(s.store, Content.self).find(sort: [.asc("platforms.scheduledAt")])
    }

    @Test func csvWithHeaderQuotedMultilineTextAndX() throws {
        let (s, admin) = try bakery()
        let csv = """
        platform,time,text
        x,2026-12-01 09:00,Fresh bread today #bread
        Instagram,2026-12-02 10:30,"Line one, with a comma
        line two with ""quotes""

        line four #sourdough #bakery"
        LinkedIn,2026-12-03T09:00:00Z,Hiring bakers
        """
        #expect(try importer(s).importPostsCSV(csv, organizationSlug: "bakery", timeZone: berlin, asDrafts: false) == 3)
        let posts = try importedPosts(s)
        #expect(posts.map { $0.platforms.first?.platform } == [.twitter, .instagram, .linkedin])
        #expect(posts[1].content.text == "Line one, with a comma\nline two with \"quotes\"\n\nline four #sourdough #bakery")
        #expect(posts[1].title == "Line one, with a comma")
        #expect(posts[1].content.hashtags == ["sourdough", "bakery"])
        #expect(posts[0].content.hashtags == ["bread"])
        for post in posts {
            #expect(post.organizationId == bakeryId)
            #expect(post.userId == admin._id)
            #expect(post.approval.status == .approved)
            #expect(post.approval.approvedBy == admin._id)
            #expect(post.platforms.count == 1)
            #expect(post.platforms.first?.status == .scheduled)
            #expect(post.createdAt == fixedNow)
        }
    }

    @Test func csvHeaderIsOptional() throws {
        let (s, _) = try bakery()
        let csv = "facebook,2026-12-01 09:00,One\r\ntiktok,2026-12-01 10:00,Two\r\n"
        #expect(try importer(s).importPostsCSV(csv, organizationSlug: "bakery", timeZone: .gmt, asDrafts: false) == 2)
        #expect(try importedPosts(s).map(\.content.text) == ["One", "Two"])
    }

    @Test func timesWithoutAZoneAreReadInTheGivenZone() throws {
        let (s, _) = try bakery()
        let csv = """
        x,2026-12-01 09:00,Winter time
        x,2027-04-01 09:00,Summer time
        x,2027-04-01T09:00,T separator
        x,2026-12-01 09:00:30,With seconds
        """
        try importer(s).importPostsCSV(csv, organizationSlug: "bakery", timeZone: berlin, asDrafts: false)
        let times = Dictionary(uniqueKeysWithValues: try importedPosts(s).map { ($0.content.text, $0.platforms[0].scheduledAt) })
        #expect(times["Winter time"] == date("2026-12-01T08:00:00Z"))
        #expect(times["Summer time"] == date("2027-04-01T07:00:00Z"))
        #expect(times["T separator"] == date("2027-04-01T07:00:00Z"))
        #expect(times["With seconds"] == date("2026-12-01T08:00:30Z"))
    }

    @Test func explicitZonesWinOverTheGivenZone() throws {
        let (s, _) = try bakery()
        let csv = """
        x,2026-12-01T09:00:00Z,Zulu
        x,2026-12-01T09:00:00+01:00,Plus one
        x,2026-12-01T09:00:00-05:00,Minus five
        """
        try importer(s).importPostsCSV(csv, organizationSlug: "bakery", timeZone: berlin, asDrafts: false)
        let times = Dictionary(uniqueKeysWithValues: try importedPosts(s).map { ($0.content.text, $0.platforms[0].scheduledAt) })
        #expect(times["Zulu"] == date("2026-12-01T09:00:00Z"))
        #expect(times["Plus one"] == date("2026-12-01T08:00:00Z"))
        #expect(times["Minus five"] == date("2026-12-01T14:00:00Z"))
    }

    @Test func asDraftsWaitForApproval() throws {
        let (s, _) = try bakery()
        try importer(s).importPostsCSV("x,2026-12-01 09:00,Draft me", organizationSlug: "bakery", timeZone: .gmt, asDrafts: true)
        let post = try #require(try importedPosts(s).first)
        #expect(post.approval.status == .pending)
        #expect(post.approval.approvedBy == nil)
        #expect(post.approval.approvedAt == nil)
        #expect(post.platforms.map(\.status) == [.draft])
        #expect(post.platforms.first?.scheduledAt == date("2026-12-01T09:00:00Z"))
    }

    @Test func xWeightedLimitIsEnforced() throws {
        let (s, _) = try bakery()
        let fits = String(repeating: "a", count: 280)
        let cjkFits = String(repeating: "日", count: 140)
        #expect(try importer(s).importPostsCSV("x,2026-12-01 09:00,\(fits)\nx,2026-12-01 10:00,\(cjkFits)",
                                               organizationSlug: "bakery", timeZone: .gmt, asDrafts: false) == 2)
        // A URL weighs 23 however long it is.
        let withURL = String(repeating: "a", count: 256) + " https://example.com/" + String(repeating: "p", count: 200)
        #expect(try importer(s).importPostsCSV("x,2026-12-01 11:00,\(withURL)", organizationSlug: "bakery", timeZone: .gmt, asDrafts: false) == 1)
        // The same text is fine on LinkedIn.
        let long = String(repeating: "a", count: 281)
        #expect(try importer(s).importPostsCSV("linkedin,2026-12-01 12:00,\(long)", organizationSlug: "bakery", timeZone: .gmt, asDrafts: false) == 1)
    }

    @Test func badRowsAreReportedWithTheirLinesAndNothingIsWritten() throws {
        let (s, _) = try bakery()
        let csv = """
        platform,time,text
        x,2026-12-01 09:00,"A good post
        spanning two lines"
        x,2026-12-01 09:00,\(String(repeating: "a", count: 281))
        x,2026-12-01 09:00,\(String(repeating: "日", count: 141))
        facebook,2026-11-01 09:00,In the past
        myspace,2026-12-01 09:00,Unknown platform
        instagram,2026-12-01 09:00,Good again
        tiktok,tomorrow,Unreadable time
        linkedin,2026-12-01 09:00,
        linkedin,2026-12-01 09:00
        """
        let found = problems { try importer(s).importPostsCSV(csv, organizationSlug: "bakery", timeZone: berlin, asDrafts: false) }
        #expect(found.map(\.line) == [4, 5, 6, 7, 9, 10, 11])
        let byLine = Dictionary(uniqueKeysWithValues: found.map { ($0.line, $0.message) })
        #expect(byLine[4]?.contains("281") == true)
        #expect(byLine[4]?.contains("280") == true)
        #expect(byLine[5]?.contains("282") == true)
        #expect(byLine[6]?.contains("past") == true)
        #expect(byLine[7]?.contains("myspace") == true)
        #expect(byLine[9]?.contains("tomorrow") == true)
        #expect(byLine[10]?.contains("empty") == true)
        #expect(byLine[11]?.contains("3 columns") == true)
        #expect(try s.count(.content) == 0)
    }

    @Test func theCurrentMomentIsAlreadyThePast() throws {
        let (s, _) = try bakery()
        let found = problems { try importer(s).importPostsCSV("x,2026-11-29T00:00:00Z,Now", organizationSlug: "bakery", timeZone: .gmt, asDrafts: false) }
        #expect(found.map(\.line) == [1])
    }

    @Test func invalidCalendarDateIsReportedNotMovedToNextMonth() throws {
        let (s, _) = try bakery()
        let found = problems { try importer(s).importPostsCSV("x,2027-02-30 09:00,Typo", organizationSlug: "bakery", timeZone: .gmt, asDrafts: false) }
        #expect(found.map(\.line) == [1])
        #expect(try s.count(.content) == 0)
    }

    @Test func unclosedQuoteIsAnError() throws {
        let (s, _) = try bakery()
        #expect(throws: ExchangeError.self) {
            try importer(s).importPostsCSV("x,2026-12-01 09:00,ok\nx,2026-12-01 09:00,\"never closed", organizationSlug: "bakery", timeZone: .gmt, asDrafts: false)
        }
        #expect(try s.count(.content) == 0)
    }

    @Test func unknownOrganizationIsAnError() throws {
        let (s, _) = try bakery()
        #expect(throws: ExchangeError("no organization with the slug 'cafe'")) {
            try importer(s).importPostsCSV("x,2026-12-01 09:00,Hi", organizationSlug: "cafe", timeZone: .gmt, asDrafts: false)
        }
    }

    @Test func organizationWithoutUsersIsAnError() throws {
        let s = try TempStore()
        try s.insert([organization("empty")])
        #expect(throws: ExchangeError.self) {
            try importer(s).importPostsCSV("x,2026-12-01 09:00,Hi", organizationSlug: "empty", timeZone: .gmt, asDrafts: false)
        }
    }

    @Test func viewerOnlyOrganizationStillHasAnAuthor() throws {
        let s = try TempStore()
        let org = ObjectId()
        try s.insert([organization("viewers", id: org)])
        let viewer = user("v@viewers.example", org: org, role: .viewer)
        try s.insert([viewer])
        #expect(try importer(s).importPostsCSV("x,2026-12-01 09:00,Hi", organizationSlug: "viewers", timeZone: .gmt, asDrafts: false) == 1)
        #expect(try importedPosts(s).first?.userId == viewer._id)
    }
}
