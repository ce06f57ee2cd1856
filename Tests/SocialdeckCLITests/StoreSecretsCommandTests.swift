import Foundation
import SocialdeckTestSupport
import Testing

/// The store's secrets stay out of sight: files for their owner only, credentials on the
/// command line warned about, and nothing secret in what `doctor` prints.
@Suite("Command line: store secrets")
struct StoreSecretsCommandTests {
    /// A configuration directory holding `config.toml` with `body`, as XDG_CONFIG_HOME.
    func configHome(_ body: String) throws -> [String: String] {
        let home = TemporaryDirectory.make()
        try FileManager.default.createDirectory(atPath: home + "/socialdeck", withIntermediateDirectories: true)
        try Data(body.utf8).write(to: URL(fileURLWithPath: home + "/socialdeck/config.toml"))
        return ["XDG_CONFIG_HOME": home, "SOCIALDECK_SECRET_KEY": String(repeating: "ab", count: 32)]
    }

    @Test func doctorShowsNoSecretOfTheURIAndWarnsAboutTheFlag() throws {
        let uri = "mongodb://ops:pw-1@127.0.0.1:1/prod?serverSelectionTimeoutMS=300&authMechanismProperties=AWS_SESSION_TOKEN:tok-2"
            + "&tlsCertificateKeyFilePassword=pw-3&sslClientCertificateKeyPassword=pw-4&appToken=tok-5&clientSecret=s-6&apiKey=k-7"
        let r = try Socialdeck.run(["doctor", "--mongo", uri], environment: try configHome(""))
        #expect(r.status != 0)
        #expect(r.stdout.contains("127.0.0.1:1"))
        for secret in ["pw-1", "tok-2", "pw-3", "pw-4", "tok-5", "s-6", "k-7"] {
            #expect(!r.stdout.contains(secret) && !r.stderr.contains(secret), "\(secret) shown")
        }
        #expect(r.stderr.contains("visible to every user") && r.stderr.contains("mongo_uri_file"))
    }

    @Test func theURIFileKeepsThePasswordOffTheCommandLine() throws {
        let dir = TemporaryDirectory.make()
        let file = dir + "/mongo.uri"
        try Data("mongodb://ops:pw-8@127.0.0.1:1/prod?serverSelectionTimeoutMS=300\n".utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o600)
        let env = try configHome("[store]\nmongo_uri_file = \"\(file)\"\n")
        let r = try Socialdeck.run(["doctor"], environment: env)
        #expect(r.stdout.contains("MongoDB") && r.stdout.contains("127.0.0.1:1"), "\(r.stdout)")
        #expect(!r.stdout.contains("pw-8") && !r.stderr.contains("pw-8"))
        #expect(!r.stderr.contains("visible to every user"))
        chmod(file, 0o644)
        let refused = try Socialdeck.run(["doctor"], environment: env)
        #expect(refused.status != 0 && refused.stderr.contains("chmod 600 \(file)"))
        #expect(!refused.stderr.contains("pw-8"))
    }

    @Test func aSeededStoreInAnExistingDirectoryIsPrivateAndDoctorSaysSoWhenItIsNot() throws {
        let dir = TemporaryDirectory.make()
        chmod(dir, 0o755)
        let env = try configHome("")
        #expect(try Socialdeck.run(["seed", "--data", dir, "--posts", "20"], environment: env).status == 0)
        var st = stat()
        #expect(stat(dir + "/socialdeck.sqlite", &st) == 0 && st.st_mode & 0o777 == 0o600)
        #expect(!(try Socialdeck.run(["doctor", "--data", dir], environment: env)).stdout.contains("warning"))
        chmod(dir + "/socialdeck.sqlite", 0o644)
        let doctor = try Socialdeck.run(["doctor", "--data", dir], environment: env)
        #expect(doctor.stdout.contains("warning") && doctor.stdout.contains("chmod 600 \(dir)/socialdeck.sqlite"), "\(doctor.stdout)")
    }
}
