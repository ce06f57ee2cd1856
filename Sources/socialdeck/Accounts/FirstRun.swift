import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// On an empty store, the first run offers to create the first super_admin and an
/// organization, asking at the terminal. Scripts (no terminal) get a hint instead.
enum FirstRun {
    static func isEmpty(_ db: any DocumentStore) throws -> Bool {
        try StaffAdministration(store: db).isEmpty() && db.count(CollectionName.organizations.rawValue) == 0
    }

    static func offer(_ db: any DocumentStore) throws {
        guard isatty(STDIN_FILENO) == 1 else {
            print("This store is empty. Create the first staff account with `socialdeck staff add EMAIL --role super_admin`,")
            print("or explore a demo workspace with `socialdeck --demo`.")
            return
        }
        guard let answer = PasswordPrompt.ask("This store is empty. Create the first super_admin and an organization now? [Y/n] "),
              answer.isEmpty || answer.lowercased().hasPrefix("y") else { return }
        guard let email = PasswordPrompt.ask("Your email: "), !email.isEmpty else { return }
        let password = try PasswordPrompt.read("Password (12 characters or more): ", confirm: true)
        let admin = try StaffAdministration(store: db).add(email: email, password: password, role: .superAdmin, by: .localOperator())
        guard let name = PasswordPrompt.ask("First organization's name (empty to skip): "), !name.isEmpty else { return }
        let org = try OrganizationAdministration(store: db).create(name: name, plan: .free, by: .localOperator())
        print("Created super_admin \(SafeText.escapingControls(admin.email)) and organization \(SafeText.escapingControls(org.name)) (\(org.slug)).")
    }
}
