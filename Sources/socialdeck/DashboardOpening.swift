import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTerminal

/// What the dashboard's store opening does behind the sign-in form, on the work queue.
extension SocialdeckCommand {
    /// The names `--as` takes.
    static let demoAccounts: Set<String> = ["manager", "admin", "user", "viewer", "staff", "super_admin", "super-admin"]

    /// A SQLite store whose file does not exist yet is certainly new: it is set up before
    /// any screen is drawn, so the first run's questions are not preceded by a form.
    static func isUncreated(_ location: StoreLocation) -> Bool {
        guard case .sqlite(let directory) = location else { return false }
        return !FileManager.default.fileExists(atPath: ((directory as NSString).expandingTildeInPath as NSString)
            .appendingPathComponent(SQLiteStore.fileName))
    }

    /// Opens and migrates the store and loads the key vault; `.needsSetup` when the store
    /// is empty (`demo` is the `--as` account when the demo was asked for).
    static func openForDashboard(_ location: StoreLocation, _ access: SQLiteStore.FileAccess, demo: String?,
                                 environment: [String: String]) throws -> DashboardRuntime.StoreOpening {
        let db = try location.open(access: access)
        if let demo {
            if try db.count(CollectionName.organizations.rawValue) == 0 { return .needsSetup }
            let (vault, _) = try SecretVault.load(environment: environment)
            return .ready(.init(store: db, vault: vault, autoSignIn: try demoSignIn(demo, db)))
        }
        if try FirstRun.isEmpty(db) { return .needsSetup }
        let (vault, _) = try SecretVault.load(environment: environment)
        return .ready(.init(store: db, vault: vault))
    }

    /// The demo account `--as` names, in the seeded workspace.
    static func demoSignIn(_ who: String, _ db: any DocumentStore) throws -> (email: String, password: String) {
        switch who {
        case "staff", "super_admin", "super-admin": return ("super-admin@socialdeck.example", DemoWorkspace.demoPassword)
        case "manager", "admin", "user", "viewer":
            let orgs = ModelCollection(db, Organization.self)
            let slug = try (orgs.first(.eq("slug", "acme")) ?? orgs.first(.all, sort: [.asc("_id")]))?.slug ?? "acme"
            return ("\(who)@\(slug).example", DemoWorkspace.demoPassword)
        default:
            throw ValidationError("--as takes manager, admin, user, viewer or staff")
        }
    }
}
