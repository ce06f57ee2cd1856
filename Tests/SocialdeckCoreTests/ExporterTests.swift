import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// `socialdeck export`: JSON Lines, `_id` order, secrets removed.
@Suite("Exporter")
struct ExporterTests {
    let alpha = ObjectId(hex: "64b000000000000000000a01")!
    let beta = ObjectId(hex: "64b000000000000000000b01")!

    /// Two organizations, each with users; one alpha user carries every secret.
    func fixture() throws -> TempStore {
        let s = try TempStore()
        try s.insert([organization("alpha", id: alpha), organization("beta", id: beta)])
        var secretive = user("ada@alpha.example", org: alpha)
        secretive.passwordHash = "$argon2id$v=19$SECRET-HASH"
        secretive.authentication.twoFactorEnabled = true
        secretive.authentication.twoFactorSecret = "SECRET-TOTP"
        secretive.socialAccounts = [
            User.SocialAccount(platform: .twitter, accountId: "1", accountName: "@ada", accessToken: "SECRET-ACCESS",
                               refreshToken: "SECRET-REFRESH", connectedAt: date("2026-01-01")),
            User.SocialAccount(platform: .linkedin, accountId: "2", accountName: "ada", accessToken: "SECRET-ACCESS-2",
                               connectedAt: date("2026-01-01")),
        ]
        try s.insert([secretive, user("bob@alpha.example", org: alpha, role: .viewer),
                      user("cy@beta.example", org: beta), user("di@beta.example", org: beta, role: .manager),
                      user("ed@beta.example", org: beta, role: .user)])
        var staff = AdminUser()
        staff.email = "root@socialdeck.example"
        staff.passwordHash = "SECRET-STAFF-HASH"
        staff.security.twoFactorSecret = "SECRET-STAFF-TOTP"
        try s.insert([staff])
        return s
    }

    func keys(_ value: BSONValue) -> [String] {
        switch value {
        case .document(let d): return d.fields.flatMap { [$0.key] + keys($0.value) }
        case .array(let a): return a.flatMap(keys)
        default: return []
        }
    }

    @Test func usersExportWithoutSecrets() throws {
        let s = try fixture()
        // The store does hold the secrets…
        let stored = try #require(try s.store.findOne("users", .eq("email", "ada@alpha.example")))
        #expect(stored["passwordHash"] != nil)
        #expect(stored.value(at: "socialAccounts.0.accessToken") != nil)

        // …but the export does not.
        let lines = try s.export(.users)
        #expect(lines.count == 5)
        for line in lines {
            #expect(!line.contains("SECRET"), "\(line)")
            let doc = try ExtendedJSON.document(from: line)
            let found = Set(keys(.document(doc)))
            #expect(found.isDisjoint(with: ["passwordHash", "accessToken", "refreshToken", "twoFactorSecret"]))
        }
        // Everything else is kept.
        let ada = try #require(try lines.map(ExtendedJSON.document(from:)).first { $0["email"] == .string("ada@alpha.example") })
        #expect(ada.value(at: "socialAccounts.0.accountName") == .string("@ada"))
        #expect(ada.value(at: "socialAccounts.1.platform") == .string("linkedin"))
        #expect(ada.value(at: "authentication.twoFactorEnabled") == .bool(true))
        #expect(ada == SecretRedaction.redact(stored))
    }

    @Test func staffExportWithoutSecrets() throws {
        let lines = try fixture().export(.adminUsers)
        #expect(lines.count == 1)
        #expect(!lines[0].contains("SECRET"))
        #expect(lines[0].contains("root@socialdeck.example"))
    }

    @Test func redactionRemovesSecretFieldsAtAnyDepth() {
        let doc = Document([
            .init("passwordHash", "x"),
            .init("a", .document(Document([.init("refreshToken", "x"), .init("keep", 1)]))),
            .init("list", .array([.document(Document([.init("recoveryCodes", ["1", "2"]), .init("totpLastUsedStep", 5), .init("ok", true)]))])),
        ])
        #expect(SecretRedaction.redact(doc) == Document([
            .init("a", .document(Document([.init("keep", 1)]))),
            .init("list", .array([.document(Document([.init("ok", true)]))])),
        ]))
    }

    @Test func linesParseBackToTheStoredDocuments() throws {
        let s = try fixture()
        let lines = try s.export(.organizations)
        let stored = try s.store.find("organizations", sort: [.asc("_id")])
        #expect(try lines.map(ExtendedJSON.document(from:)) == stored)
        #expect(lines.allSatisfy { !$0.contains("\n") })
    }

    @Test func organizationFilterBySlug() throws {
        let s = try fixture()
        let alphaUsers = try s.export(.users, .init(organizationSlug: "alpha")).map(ExtendedJSON.document(from:))
        #expect(alphaUsers.count == 2)
        #expect(alphaUsers.allSatisfy { $0["organizationId"] == .objectId(alpha) })
        let betaUsers = try s.export(.users, .init(organizationSlug: "beta")).map(ExtendedJSON.document(from:))
        #expect(betaUsers.count == 3)
        #expect(betaUsers.allSatisfy { $0["organizationId"] == .objectId(beta) })
        // For organizations, the filter is the organization itself.
        let orgs = try s.export(.organizations, .init(organizationSlug: "beta")).map(ExtendedJSON.document(from:))
        #expect(orgs.map { $0["slug"] } == [.string("beta")])
    }

    @Test func organizationFilterFindsSoftDeletedOrganizations() throws {
        let s = try fixture()
        try ModelCollection(s.store, Organization.self).softDelete(beta, at: date("2026-06-01"))
        #expect(try s.export(.users, .init(organizationSlug: "beta")).count == 3)
    }

    @Test func unknownSlugIsAnError() throws {
        let s = try fixture()
        #expect(throws: ExchangeError("no organization with the slug 'gamma'")) {
            try s.export(.users, .init(organizationSlug: "gamma"))
        }
    }

    @Test func organizationFilterOnACollectionWithoutOrganizationsIsAnError() throws {
        let s = try fixture()
        #expect(throws: ExchangeError.self) { try s.export(.adminUsers, .init(organizationSlug: "alpha")) }
    }

    func posts(_ s: TempStore) throws -> [Content] {
        let days = ["2026-11-01", "2026-11-05", "2026-11-10", "2026-11-10T12:00:00Z", "2026-11-20", "2026-11-28"]
        let posts: [Content] = days.enumerated().map { i, d in
            var c = Content()
            c._id = ObjectId(timestamp: 1_700_000_000, unique: 1, counter: UInt32(100 - i)) // _id order is the reverse of time order
            c.organizationId = i % 2 == 0 ? alpha : beta
            c.title = "post \(i)"
            c.createdAt = date(d)
            c.updatedAt = date(d)
            return c
        }
        try s.insert(posts)
        return posts
    }

    @Test func sinceKeepsDocumentsCreatedOnOrAfterTheDate() throws {
        let s = try fixture()
        _ = try posts(s)
        let since = try s.export(.content, .init(since: date("2026-11-10"))).map(ExtendedJSON.document(from:))
        #expect(since.map { $0["title"]?.stringValue } == ["post 5", "post 4", "post 3", "post 2"])
        #expect(try s.export(.content, .init(since: date("2026-11-29"))).isEmpty)
        #expect(try s.export(.content, .init(since: date("2000-01-01"))).count == 6)
    }

    @Test func sinceAndOrganizationCombine() throws {
        let s = try fixture()
        _ = try posts(s)
        let lines = try s.export(.content, .init(organizationSlug: "alpha", since: date("2026-11-05")))
        #expect(try lines.map { try ExtendedJSON.document(from: $0)["title"]?.stringValue } == ["post 4", "post 2"])
    }

    @Test func sinceUsesEachCollectionsTimeField() throws {
        let s = try fixture()
        var run = AgentRun()
        run.startedAt = date("2026-11-20")
        var oldRun = AgentRun()
        oldRun.startedAt = date("2026-10-01")
        try s.insert([run, oldRun])
        #expect(try s.export(.agentRuns, .init(since: date("2026-11-01"))).count == 1)

        var entry = AdminActivityLog()
        entry.timestamp = date("2026-11-20")
        try s.insert([entry, AdminActivityLog()])
        #expect(try s.export(.adminActivityLogs, .init(since: date("2026-11-01"))).count == 1)
    }

    @Test func limitTakesTheFirstInIdOrder() throws {
        let s = try fixture()
        let all = try s.export(.users)
        #expect(try s.export(.users, .init(limit: 3)) == Array(all.prefix(3)))
        #expect(try s.export(.users, .init(limit: 0)).isEmpty)
        #expect(try s.export(.users, .init(limit: 100)) == all)
        let ids = try all.map { try #require(ExtendedJSON.document(from: $0)["_id"]?.objectIdValue) }
        #expect(ids == ids.sorted())
    }

    @Test func negativeLimitIsAnError() throws {
        #expect(throws: ExchangeError.self) { try fixture().export(.users, .init(limit: -1)) }
    }

    @Test func exportPagesThroughLargeCollectionsInIdOrder() throws {
        let s = try TempStore()
        // Ids whose order differs from insertion order.
        let docs: [Document] = (0..<2_345).map { (i: Int) -> Document in
            let second = UInt32(1_700_000_000 + (i * 7919) % 2_345)
            let id = ObjectId(timestamp: second, unique: 3, counter: UInt32(i))
            return Document([.init("_id", .objectId(id)), .init("n", .int32(Int32(i)))])
        }
        try s.store.insertMany(docs, into: CollectionName.agentMemory.rawValue)
        let lines = try s.export(.agentMemory)
        #expect(lines.count == 2_345)
        let ids = try lines.map { try #require(ExtendedJSON.document(from: $0)["_id"]?.objectIdValue) }
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == 2_345)
        #expect(try s.export(.agentMemory, .init(limit: 1_500)) == Array(lines.prefix(1_500)))
        #expect(try s.export(.agentMemory, .init(limit: 1_000)).count == 1_000)
    }

    @Test func softDeletedDocumentsAreExported() throws {
        let s = try fixture()
        let bob = try #require(try ModelCollection(s.store, User.self).first(.eq("email", "bob@alpha.example")))
        try ModelCollection(s.store, User.self).softDelete(bob._id, at: date("2026-06-01"))
        let lines = try s.export(.users)
        #expect(lines.count == 5)
        #expect(lines.contains { $0.contains("bob@alpha.example") && $0.contains("deletedAt") })
    }

    /// Printed on a terminal, an export shows C1 controls, bidi controls and invisible
    /// characters as `\u` escapes instead of letting the terminal act on them.
    @Test func invisibleAndControlCharactersAreEscapedInTheJSON() throws {
        let s = try fixture()
        let tags = String(String.UnicodeScalarView("hi".unicodeScalars.map { Unicode.Scalar($0.value + 0xE0000)! }))
        let title = "Sale\u{9B}31m now\u{202E}fdp.exe\u{2066}\u{200E}x\u{200B}y" + tags + " 👩\u{200D}💻"
        var post = Content()
        post.organizationId = alpha
        post.title = title
        try s.insert([post])
        let line = try #require(try s.export(.content).first)
        #expect(line.contains(#"Sale\u009b31m now\u202efdp.exe\u2066\u200ex\u200by\udb40\udc68\udb40\udc69 "#))
        #expect(line.contains(" 👩\u{200D}💻"), "an emoji's joiner is part of what people see")
        #expect(!line.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                || (0x2066...0x2069).contains($0.value) || ($0.value != 0x200D && InvisibleText.canBeHidden($0)) })
        #expect(try ExtendedJSON.document(from: line)["title"] == .string(title))
    }
}
