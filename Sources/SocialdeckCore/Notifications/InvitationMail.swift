import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The email that carries an invitation's code, written when the outbox sends it: the
/// code is opened from its seal only then, and the text names the organization and
/// who invited, as they are at that moment.
enum InvitationMail {
    /// Nil when the code is gone (revoked or accepted meanwhile) or sealed under a key this
    /// process does not have.
    static func write(_ invitation: Invitation, vault: SecretVault, in store: any DocumentStore) throws -> EmailOutbox.Mail? {
        guard let sealed = invitation.sealedCode,
              let code = try? vault.open(sealed, associatedData: Invitations.context(invitation._id)) else { return nil }
        let org = try ModelCollection(store, Organization.self).get(invitation.organizationId, includeDeleted: true)
        let organization = SafeText.escapingControls(org?.name ?? "an organization")
        let inviter = try invitation.invitedBy.flatMap { try ModelCollection(store, User.self).get($0, includeDeleted: true) }
        let who = inviter.map { person in
            let name = PersonName.full(person.profile.firstName, person.profile.lastName)
            return SafeText.escapingControls(name.isEmpty ? person.email : "\(name) (\(person.email))")
        } ?? "\(organization)'s administrator"
        let until = ISODate.string(from: invitation.expiresAt)
        let body = """
        \(who) invited you to join \(organization) on socialdeck as \(invitation.role.rawValue).

        To accept, run this where socialdeck is installed and enter the code when asked:

            socialdeck invitations accept

        Your code:

            \(code)

        It works once, until \(until). You will choose your password then.
        If you did not expect this invitation, ignore this email: nothing happens without the code.

        -- 
        socialdeck
        """
        return EmailOutbox.Mail(subject: "[socialdeck] You are invited to join \(organization)", body: body + "\n",
                                messageId: "\(invitation._id.hex).invitation@socialdeck", date: invitation.createdAt)
    }
}
