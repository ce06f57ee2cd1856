import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// An import leaves nothing half-done, on either backend: unique keys are checked
/// before writing, oversized documents are refused with their line, the audit logs
/// cannot be imported into, and when a write and its clean-up both fail, every `_id`
/// left behind is named.
@Suite("Importer: nothing half-done")
struct ImportIntegrityTests {
    let bakeryId = ObjectId(hex: "64b0000000000000000000b1")!

    /// A migrated store, wrapped as the core sees it, with the organization `bakery` and its admin.
    func bakery(_ backend: Backend) throws -> (store: any DocumentStore, base: any DocumentStore) {
        let base = try backend.makeStore()
        try SchemaMigrator.prepare(base, now: fixedNow)
        let store = AppendOnlyStore(base)
        try ModelCollection(store, Organization.self).insert([organization("bakery", id: bakeryId)])
        try ModelCollection(store, User.self).insert([user("admin@bakery.example", org: bakeryId)])
        return (store, base)
    }

    func lines<M: StoredModel>(_ models: [M]) throws -> String {
        try models.map { ExtendedJSON.string(from: try DocumentEncoder().encode($0)) }.joined(separator: "\n")
    }

    func notes(_ range: ClosedRange<Int>) -> [UserNotification] {
        range.map { i in
            var n = UserNotification()
            n._id = ObjectId(timestamp: 1_795_000_000, unique: 11, counter: UInt32(i))
            n.organizationId = bakeryId
            n.title = "note \(i)"
            n.createdAt = date("2026-11-01")
            return n
        }
    }

    func rejection(_ body: () throws -> Int) -> [String] {
        do {
            Issue.record("accepted \(try body()) documents")
        } catch let rejected as Importer.Rejected {
            return rejected.problems.map(\.description)
        } catch {
            Issue.record("not a rejection: \(error)")
        }
        return []
    }

    @Test(arguments: Backend.enabled)
    func theAuditLogsCannotBeImportedInto(_ backend: Backend) throws {
        let (store, _) = try bakery(backend)
        var entry = AdminActivityLog()
        entry.action = "forged"
        entry.timestamp = fixedNow
        var customer = CustomerActivityLog()
        customer.action = "forged"
        for (collection, text) in [(CollectionName.adminActivityLogs, try lines([entry])), (.customerActivityLogs, try lines([customer]))] {
            #expect(throws: ExchangeError.self) { try Importer(store: store, now: fixedNow).importJSONLines(text, into: collection) }
            #expect(try store.count(collection.rawValue, .all, includeDeleted: true) == 0)
        }
    }

    @Test(arguments: Backend.enabled)
    func anEmailRepeatedInTheFileIsFoundBeforeWriting(_ backend: Backend) throws {
        let (store, _) = try bakery(backend)
        let people = [user("a@bakery.example", org: bakeryId), user("b@bakery.example", org: bakeryId), user("a@bakery.example", org: bakeryId)]
        let found = rejection { try Importer(store: store, now: fixedNow).importJSONLines(try lines(people), into: .users) }
        #expect(found == [#"line 3: email "a@bakery.example" repeats line 1"#])
        #expect(try store.count("users", .all, includeDeleted: true) == 1)
    }

    @Test(arguments: Backend.enabled)
    func keysAlreadyInTheStoreAreFoundBeforeWriting(_ backend: Backend) throws {
        let (store, _) = try bakery(backend)
        let people = [user("new@bakery.example", org: bakeryId), user("admin@bakery.example", org: bakeryId)]
        #expect(rejection { try Importer(store: store, now: fixedNow).importJSONLines(try lines(people), into: .users) }
                == [#"line 2: email "admin@bakery.example" is already in users"#])
        let orgs = [organization("cafe"), organization("bakery")]
        #expect(rejection { try Importer(store: store, now: fixedNow).importJSONLines(try lines(orgs), into: .organizations) }
                == [#"line 2: slug "bakery" is already in organizations"#])
        #expect(try store.count("users", .all, includeDeleted: true) == 1)
        #expect(try store.count("organizations", .all, includeDeleted: true) == 1)
    }

    @Test(arguments: Backend.enabled)
    func aDocumentOver16MiBIsRefusedWithItsLine(_ backend: Backend) throws {
        let (store, _) = try bakery(backend)
        var big = notes(2...2)[0]
        big.message = String(repeating: "x", count: Importer.maximumDocumentBytes)
        let text = try lines(notes(1...1) + [big] + notes(3...3))
        let found = rejection { try Importer(store: store, now: fixedNow).importJSONLines(text, into: .notifications) }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("line 2: the document is 16.0 MiB, over the limit of 16 MiB") == true, "\(found)")
        #expect(try store.count("notifications", .all, includeDeleted: true) == 0)
    }

    @Test(arguments: Backend.enabled)
    func aFailedWriteWithoutTransactionsIsRemovedAgain(_ backend: Backend) throws {
        let (_, base) = try bakery(backend)
        let faulty = AppendOnlyStore(FaultyStore(base, failingInserts: [2]))
        #expect(throws: FaultyStore.injected) {
            try Importer(store: faulty, now: fixedNow, batchSize: 2).importJSONLines(try lines(notes(1...5)), into: .notifications)
        }
        #expect(try base.count("notifications", .all, includeDeleted: true) == 0)
    }

    @Test(arguments: Backend.enabled)
    func whenTheCleanUpFailsTooEveryIdLeftBehindIsNamed(_ backend: Backend) throws {
        let (_, base) = try bakery(backend)
        let faulty = AppendOnlyStore(FaultyStore(base, failingInserts: [3], deletesFail: true))
        do {
            try Importer(store: faulty, now: fixedNow, batchSize: 2).importJSONLines(try lines(notes(1...5)), into: .notifications)
            Issue.record("the injected failures did not surface")
        } catch let error as StoreError {
            guard case .leftBehind(let collection, let ids, _, _) = error else { throw error }
            #expect(collection == "notifications")
            #expect(ids == notes(1...4).map { .objectId($0._id) })
            for note in notes(1...4) { #expect(error.description.contains(note._id.hex)) }
        }
        #expect(try base.count("notifications", .all, includeDeleted: true) == 4)
    }
}
