import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// On an empty store, the first run sets up the first platform staff account (a
/// super_admin) and the team's organization, asking at the terminal. Each answer is
/// checked as it is given and asked for again when it is wrong; nothing is lost to a
/// typo. It ends by saying how to add the team's own admin and users. Scripts (no
/// terminal) get a hint instead.
enum FirstRun {
    static func isEmpty(_ db: any DocumentStore) throws -> Bool {
        try StaffAdministration(store: db).isEmpty() && db.count(CollectionName.organizations.rawValue) == 0
    }

    static let introduction = """
        This store is empty. First, an account for you as platform staff: a super_admin,
        who runs socialdeck for every organization on this store (agents, billing, staff).
        Your team's own admin and users are customer accounts of an organization; the
        commands that add them follow.
        """

    /// Runs the setup; returns the new staff account's email, for the sign-in form, or
    /// nil when setup was declined or stopped.
    static func offer(_ db: any DocumentStore) throws -> String? {
        guard isatty(STDIN_FILENO) == 1 else {
            print("This store is empty. Run socialdeck in a terminal to set up the first platform staff account (a super_admin)")
            print("and your team's organization, or create the account with `socialdeck staff add EMAIL --role super_admin`.")
            print("To explore a demo workspace instead: `socialdeck --demo`.")
            return nil
        }
        print(introduction)
        guard let answer = PasswordPrompt.ask("Set up the super_admin account now? [Y/n] "),
              answer.isEmpty || answer.lowercased().hasPrefix("y") else { return nil }
        let staff = StaffAdministration(store: db)
        var admin: AdminUser?
        while admin == nil {
            guard let email = askUntilValid("Your email: ", check: StaffAdministration.checkedEmail),
                  let name = askUntilValid("Your name: ", check: { name in
                      let trimmed = name.trimmingCharacters(in: .whitespaces)
                      guard !trimmed.isEmpty else { throw PromptError("a name is needed: the header shows it") }
                      return trimmed
                  }),
                  let password = try newPassword(for: email, staff) else { return stopped() }
            let (first, last) = split(name)
            do {
                admin = try staff.add(email: email, password: password, role: .superAdmin, firstName: first, lastName: last,
                                      by: .localOperator())
            } catch let error as CoreError {
                complain(error)
            }
        }
        guard let admin else { return nil }
        print("Created the platform staff account \(SafeText.escapingControls(admin.email)) (super_admin).")
        let organization = askUntilValid("Your team's organization, which its admin and users join (empty to skip): ") { name in
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { return nil as Organization? }
            return try OrganizationAdministration(store: db).create(name: name, plan: .free, by: .localOperator())
        } ?? nil
        printNextSteps(admin: admin, organization: organization)
        return admin.email
    }

    /// Asks `prompt` until `check` accepts the answer; nil at the end of input.
    static func askUntilValid<T>(_ prompt: String, check: (String) throws -> T) -> T? {
        while let answer = PasswordPrompt.ask(prompt) {
            do { return try check(answer) } catch { complain(error) }
        }
        return nil
    }

    /// A password the policy accepts, typed twice alike; asked again until it is.
    static func newPassword(for email: String, _ staff: StaffAdministration) throws -> String? {
        while true {
            let password = try PasswordPrompt.read("Password (12 characters or more): ")
            do {
                try staff.checkNewPassword(password, email: email)
            } catch {
                complain(error)
                continue
            }
            guard try PasswordPrompt.read("Repeat it: ") == password else {
                complain(PromptError("the passwords do not match; type it again"))
                continue
            }
            return password
        }
    }

    static func complain(_ error: any Error) {
        FileHandle.standardError.write(Data("  \(SafeText.escapingControls(String(describing: error)))\n".utf8))
    }

    static func stopped() -> String? {
        print("\nSetup stopped; nothing was created.")
        return nil
    }

    /// "Ada Lovelace" → ("Ada", "Lovelace"); a single word is the first name.
    static func split(_ name: String) -> (String, String) {
        let words = name.split(separator: " ", maxSplits: 1).map(String.init)
        return (words.first ?? "", words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : "")
    }

    static func printNextSteps(admin: AdminUser, organization: Organization?) {
        let slug = organization?.slug ?? "SLUG"
        if let organization {
            print("Created the organization \(SafeText.escapingControls(organization.name)) (\(organization.slug)).")
        } else {
            print("No organization yet: your team needs one before its accounts (`socialdeck import organizations FILE.jsonl`).")
        }
        print("""

            You are platform staff. Add your team's own accounts; each command asks for their password:
              socialdeck user add EMAIL --org \(slug) --role admin
              socialdeck user add EMAIL --org \(slug) --role manager
            An admin manages the team's users and billing, a manager approves and schedules posts,
            a user drafts posts (--role user) and a viewer only reads (--role viewer).
            More staff: socialdeck staff add EMAIL --role admin (or support, analyst).
            The dashboard opens now; sign in as \(SafeText.escapingControls(admin.email)).

            """)
    }
}
