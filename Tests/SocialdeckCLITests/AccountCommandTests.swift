import Foundation
import SocialdeckModel
import SocialdeckTestSupport
import Testing

/// The account commands through the real binary: passwords from stdin, never from
/// arguments, and nothing secret in what they print.
@Suite("Command line: accounts")
struct AccountCommandTests {
    func seeded() throws -> (String, [String: String]) {
        let dir = TemporaryDirectory.make()
        let env = ["XDG_CONFIG_HOME": dir + "/config"]
        let r = try Socialdeck.run(["seed", "--data", dir + "/data", "--posts", "10"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("socialdeck-demo") && r.stdout.contains("manager@acme.example"))
        return (dir + "/data", env)
    }

    @Test func addListSuspendAndUnlockUsers() throws {
        let (data, env) = try seeded()
        let add = try Socialdeck.run(["user", "add", "Ada@Acme.example", "--org", "acme", "--role", "manager", "--data", data],
                                     stdin: "a-long-enough-password\n", environment: env)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(!add.stdout.contains("a-long-enough-password") && !add.stderr.contains("a-long-enough-password"))
        let list = try Socialdeck.run(["user", "list", "--org", "acme", "--data", data], environment: env)
        #expect(list.stdout.contains("ada@acme.example") && list.stdout.contains("manager"))
        #expect(try Socialdeck.run(["user", "suspend", "ada@acme.example", "--reason", "left the company", "--data", data], environment: env).status == 0)
        #expect(try Socialdeck.run(["user", "list", "--org", "acme", "--data", data], environment: env).stdout.contains("suspended"))
        #expect(try Socialdeck.run(["user", "activate", "ada@acme.example", "--data", data], environment: env).status == 0)
        #expect(try Socialdeck.run(["user", "unlock", "ada@acme.example", "--data", data], environment: env).status == 0)
        let weak = try Socialdeck.run(["user", "passwd", "ada@acme.example", "--data", data], stdin: "short\n", environment: env)
        #expect(weak.status != 0 && weak.stderr.contains("at least 12"))
    }

    @Test func aPasswordIsNeverAnArgument() throws {
        let (data, env) = try seeded()
        let r = try Socialdeck.run(["user", "add", "x@acme.example", "--org", "acme", "--role", "user", "--password", "secret", "--data", data],
                                   environment: env)
        #expect(r.status != 0)
    }

    @Test func staffAllowlistAndKeyRotation() throws {
        let (data, env) = try seeded()
        #expect(try Socialdeck.run(["staff", "allow-ip", "support@socialdeck.example", "203.0.113.0/24", "--data", data], environment: env).status == 0)
        let list = try Socialdeck.run(["staff", "list", "--data", data], environment: env)
        #expect(list.stdout.contains("203.0.113.0/24"))
        let bad = try Socialdeck.run(["staff", "allow-ip", "support@socialdeck.example", "10.0.0.0/99", "--data", data], environment: env)
        #expect(bad.status != 0 && bad.stderr.contains("not an IP address"))
        let before = try String(contentsOfFile: env["XDG_CONFIG_HOME"]! + "/socialdeck/secret.key", encoding: .utf8)
        let rotate = try Socialdeck.run(["keys", "rotate", "--data", data], environment: env)
        #expect(rotate.status == 0, "\(rotate.stderr)")
        let after = try String(contentsOfFile: env["XDG_CONFIG_HOME"]! + "/socialdeck/secret.key", encoding: .utf8)
        #expect(before != after)
        #expect(!rotate.stdout.contains(after.trimmingCharacters(in: .whitespacesAndNewlines)), "the key itself is never printed")
        let doctor = try Socialdeck.run(["doctor", "--data", data], environment: env)
        #expect(doctor.stdout.contains("AES-256-GCM key") && !doctor.stdout.contains(after.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func exportsCarryNoSecrets() throws {
        let (data, env) = try seeded()
        let users = try Socialdeck.run(["export", "users", "--data", data], environment: env).stdout
        for secret in ["passwordHash", "accessToken", "refreshToken", "twoFactorSecret", "enc:v1", "$scrypt$"] {
            #expect(!users.contains(secret), "\(secret) leaked")
        }
        #expect(users.contains("socialAccounts"))
    }
}
