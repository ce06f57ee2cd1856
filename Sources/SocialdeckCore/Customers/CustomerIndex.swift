import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Every customer account with its organization, held in memory for search as you
/// type: one read of the accounts and organizations (the fields a row shows) builds
/// it, and a keystroke then searches memory instead of the store. MongoDB's test
/// server scans for any query not by `_id`, and even SQLite would need an index per
/// field and per case; 10,000 organizations' accounts take a few megabytes here.
struct CustomerIndex: Sendable {
    struct Entry: Sendable {
        let match: CustomerMatch
        /// Lower-cased words a query word may begin: the email, its local part and
        /// domain, the names, the organization's name words and slug.
        let words: [String]
        let email: String
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
            let status: CustomerMatch.Status = doc["deletedAt"]?.dateValue != nil ? .deleted
                : doc.value(at: "authentication.isActive")?.boolValue == false ? .suspended
                : (doc.value(at: "authentication.lockedUntil")?.dateValue.map { $0 > now } ?? false) ? .locked : .active
            let match = CustomerMatch(userId: id, email: email, name: PersonName.full(first, last),
                                      role: doc["role"]?.stringValue ?? "", status: status, organizationId: orgId,
                                      organizationName: org?.name ?? "?", organizationSlug: org?.slug ?? "?",
                                      plan: org.map { PlanTier(rawValue: $0.plan)?.displayName ?? $0.plan } ?? "",
                                      organizationDeleted: org?.deleted ?? false)
            let parts = email.lowercased().split(separator: "@").map(String.init)
            let words = [email.lowercased()] + parts + [first, last, org?.name ?? ""].flatMap(Self.words) + [org?.slug ?? ""]
            return Entry(match: match, words: Array(Set(words.filter { !$0.isEmpty })), email: email.lowercased())
        })
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Accounts where every word of the query begins a word of the account's, or the
    /// whole query is inside the email. Best first: the email itself, an email that
    /// begins with the query, then the rest by email.
    func search(_ query: String, limit: Int) -> [CustomerMatch] {
        let q = query.trimmingCharacters(in: .whitespaces).lowercased()
        guard !q.isEmpty else { return Array(entries.prefix(limit).map(\.match)) }
        let terms = Self.words(q)
        // Entries are in email order; within a rank they stay so.
        var ranked: [[CustomerMatch]] = [[], [], [], []]
        for entry in entries {
            if entry.email == q { ranked[0].append(entry.match) }
            else if entry.email.hasPrefix(q) { ranked[1].append(entry.match) }
            else if !terms.isEmpty, terms.allSatisfy({ term in entry.words.contains { $0.hasPrefix(term) } }) { ranked[2].append(entry.match) }
            else if q.count >= 3, entry.email.contains(q) { ranked[3].append(entry.match) }
        }
        return Array(ranked.joined().prefix(limit))
    }
}
