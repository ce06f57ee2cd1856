import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Every customer account with its organization, held in memory for search as you
/// type: one read of the accounts and organizations (the fields a row shows) builds
/// it, and a keystroke then searches memory instead of the store. MongoDB's test
/// server scans for any query not by `_id`, and even SQLite would need an index per
/// field and per case; 10,000 organizations' accounts take a few megabytes here.
struct CustomerIndex: Sendable {
    /// Text is kept as lower-cased UTF-8 bytes: a keystroke compares bytes across tens of
    /// thousands of entries, where `String` comparison would weigh every character's
    /// Unicode rules.
    typealias Bytes = ContiguousArray<UInt8>

    struct Entry: Sendable {
        let match: CustomerMatch
        /// Words a query word may begin: the email, its local part and domain, the
        /// names, the organization's name words and slug.
        let words: [Bytes]
        let email: Bytes
    }

    let entries: [Entry]

    /// Reads the accounts (of one organization, for a customer admin) and their organizations.
    static func build(from store: any DocumentStore, organizationId: ObjectId?, at now: Date) throws -> CustomerIndex {
        let orgFilter: Filter = organizationId.map { .id($0) } ?? .all
        var orgs: [ObjectId: (name: String, slug: String, plan: String, deleted: Bool)] = [:]
        for doc in try store.find(Organization.collection.rawValue, orgFilter,
                                  projection: .include(["name", "slug", "subscription.plan", "deletedAt"]), includeDeleted: true) {
            guard let id = doc["_id"]?.objectIdValue else { continue }
            orgs[id] = (doc["name"]?.stringValue ?? "", doc["slug"]?.stringValue ?? "",
                        doc.value(at: "subscription.plan")?.stringValue ?? "", doc["deletedAt"]?.dateValue != nil)
        }
        let userFilter: Filter = organizationId.map { .eq("organizationId", $0) } ?? .all
        let users = try store.find(User.collection.rawValue, userFilter, sort: [.asc("email")],
                                   projection: .include(["email", "organizationId", "role", "profile.firstName", "profile.lastName",
                                                         "authentication.isActive", "authentication.lockedUntil", "deletedAt"]),
                                   includeDeleted: true)
        return CustomerIndex(entries: users.compactMap { doc in
            guard let id = doc["_id"]?.objectIdValue, let orgId = doc["organizationId"]?.objectIdValue else { return nil }
            let org = orgs[orgId]
            let email = doc["email"]?.stringValue ?? ""
            let first = doc.value(at: "profile.firstName")?.stringValue ?? "", last = doc.value(at: "profile.lastName")?.stringValue ?? ""
            let status = CustomerMatch.Status(deleted: doc["deletedAt"]?.dateValue != nil,
                                              active: doc.value(at: "authentication.isActive")?.boolValue != false,
                                              lockedUntil: doc.value(at: "authentication.lockedUntil")?.dateValue, at: now)
            let match = CustomerMatch(userId: id, email: email, name: PersonName.full(first, last),
                                      role: doc["role"]?.stringValue ?? "", status: status, organizationId: orgId,
                                      organizationName: org?.name ?? "?", organizationSlug: org?.slug ?? "?",
                                      plan: org.map { PlanTier(rawValue: $0.plan)?.displayName ?? $0.plan } ?? "",
                                      organizationDeleted: org?.deleted ?? false)
            let parts = email.lowercased().split(separator: "@").map(String.init)
            let words = [email.lowercased()] + parts + [first, last, org?.name ?? ""].flatMap(Self.words) + [org?.slug ?? ""]
            return Entry(match: match, words: Set(words.filter { !$0.isEmpty }).map { Bytes($0.utf8) }, email: Bytes(email.lowercased().utf8))
        })
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Accounts where every word of the query begins a word of the account's, or the
    /// whole query is inside the email. Best first: the email itself, an email that
    /// begins with the query, then the rest by email.
    func search(_ query: String, limit: Int) -> [CustomerMatch] {
        let text = query.trimmingCharacters(in: .whitespaces).lowercased()
        guard !text.isEmpty else { return Array(entries.prefix(limit).map(\.match)) }
        let q = Bytes(text.utf8)
        let terms = Self.words(text).map { Bytes($0.utf8) }
        // Entries are in email order, so each rank needs only its first `limit`.
        var ranked: [[Int]] = [[], [], [], []]
        for (i, entry) in entries.enumerated() {
            let rank: Int
            if Self.begins(entry.email, with: q) { rank = entry.email.count == q.count ? 0 : 1 }
            else if ranked[2].count < limit, !terms.isEmpty,
                    terms.allSatisfy({ term in entry.words.contains { Self.begins($0, with: term) } }) { rank = 2 }
            else if ranked[3].count < limit, q.count >= 3, Self.contains(entry.email, q) { rank = 3 }
            else { continue }
            if ranked[rank].count < limit { ranked[rank].append(i) }
        }
        return ranked.joined().prefix(limit).map { entries[$0].match }
    }

    static func begins(_ text: Bytes, with prefix: Bytes) -> Bool {
        guard !prefix.isEmpty, text.count >= prefix.count else { return false }
        return text.withUnsafeBufferPointer { t in prefix.withUnsafeBufferPointer { p in memcmp(t.baseAddress!, p.baseAddress!, p.count) == 0 } }
    }

    static func contains(_ text: Bytes, _ part: Bytes) -> Bool {
        guard !part.isEmpty, text.count >= part.count else { return false }
        return text.withUnsafeBufferPointer { t in
            part.withUnsafeBufferPointer { p in
                (0...(t.count - p.count)).contains { t[$0] == p[0] && memcmp(t.baseAddress! + $0, p.baseAddress!, p.count) == 0 }
            }
        }
    }
}
