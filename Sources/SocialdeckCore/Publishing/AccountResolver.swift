import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Which connected account a post goes out from: its author's account on the
/// platform, else the organization's first admin's or manager's, else the first of
/// anyone's. Read once per pass for the organizations in it.
struct AccountResolver {
    private var byOrganization: [ObjectId: [(userId: ObjectId, role: String, accounts: [Document])]] = [:]

    init(store: any DocumentStore, organizations: Set<ObjectId>) throws {
        guard !organizations.isEmpty else { return }
        let users = try store.find(User.collection.rawValue,
                                   .isIn("organizationId", organizations.sorted().map { BSONValue.objectId($0) })
                                       && .exists("socialAccounts.0", true),
                                   sort: [.asc("_id")], projection: .include(["organizationId", "role", "socialAccounts"]))
        for user in users {
            guard let id = user["_id"]?.objectIdValue, let org = user["organizationId"]?.objectIdValue,
                  case .array(let accounts)? = user["socialAccounts"] else { continue }
            let documents = accounts.compactMap { value -> Document? in
                guard case .document(let d) = value, d["isActive"]?.boolValue != false else { return nil }
                return d
            }
            byOrganization[org, default: []].append((id, user["role"]?.stringValue ?? "", documents))
        }
    }

    func account(for platform: Platform, organizationId: ObjectId, author: ObjectId) -> PublishJob.Account? {
        let people = byOrganization[organizationId] ?? []
        let ranked = people.filter { $0.userId == author }
            + people.filter { $0.userId != author && ["admin", "manager"].contains($0.role) }
            + people.filter { $0.userId != author && !["admin", "manager"].contains($0.role) }
        for person in ranked {
            if let found = person.accounts.first(where: { $0["platform"]?.stringValue == platform.rawValue }),
               let accountId = found["accountId"]?.stringValue {
                return PublishJob.Account(userId: person.userId, accountId: accountId,
                                          accountName: found["accountName"]?.stringValue ?? accountId,
                                          live: found["live"]?.boolValue ?? false)
            }
        }
        return nil
    }
}
