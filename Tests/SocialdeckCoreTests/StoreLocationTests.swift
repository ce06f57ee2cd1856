import Testing
import SocialdeckCore

/// Where the store lives: flags, then environment, then XDG defaults.
@Suite("Store location")
struct StoreLocationTests {
    let uri = "mongodb://app:s3cret@db.example:27017/socialdeck"
    let envURI = "mongodb://env:envpass@env.example/socialdeck"
    let fullEnv = [
        "SOCIALDECK_MONGO_URI": "mongodb://env:envpass@env.example/socialdeck",
        "XDG_DATA_HOME": "/xdg",
        "HOME": "/home/ada",
    ]

    @Test func mongoFlagWinsOverEverything() {
        #expect(StoreLocation.resolve(data: "/data", mongo: uri, environment: fullEnv) == .mongodb(uri: uri))
        #expect(StoreLocation.resolve(data: nil, mongo: uri, environment: fullEnv) == .mongodb(uri: uri))
    }

    @Test func theDataFlagWinsOverTheEnvironmentURI() {
        #expect(StoreLocation.resolve(data: "/data", mongo: nil, environment: fullEnv) == .sqlite(directory: "/data"))
        #expect(StoreLocation.resolve(data: nil, mongo: nil, environment: fullEnv) == .mongodb(uri: envURI))
    }

    @Test func dataFlagWinsOverTheDefaultDirectories() {
        let env = ["XDG_DATA_HOME": "/xdg", "HOME": "/home/ada"]
        #expect(StoreLocation.resolve(data: "/data", mongo: nil, environment: env) == .sqlite(directory: "/data"))
    }

    @Test func xdgDataHomeWinsOverHome() {
        let env = ["XDG_DATA_HOME": "/xdg", "HOME": "/home/ada"]
        #expect(StoreLocation.resolve(data: nil, mongo: nil, environment: env) == .sqlite(directory: "/xdg/socialdeck"))
    }

    @Test func homeIsTheLastResort() {
        #expect(StoreLocation.resolve(data: nil, mongo: nil, environment: ["HOME": "/home/ada"])
                == .sqlite(directory: "/home/ada/.local/share/socialdeck"))
        #expect(StoreLocation.defaultDataDirectory(environment: ["HOME": "/root"]) == "/root/.local/share/socialdeck")
    }

    @Test func emptyValuesCountAsUnset() {
        let env = ["SOCIALDECK_MONGO_URI": "", "XDG_DATA_HOME": "", "HOME": "/home/ada"]
        #expect(StoreLocation.resolve(data: nil, mongo: "", environment: env) == .sqlite(directory: "/home/ada/.local/share/socialdeck"))
    }

    @Test(arguments: [
        ("mongodb://app:s3cret@db.example:27017/socialdeck", "mongodb://***@db.example:27017/socialdeck"),
        ("mongodb+srv://app:s3cret@cluster0.example.net/socialdeck?retryWrites=true",
         "mongodb+srv://***@cluster0.example.net/socialdeck?retryWrites=true"),
        ("mongodb://app:p%40ss@h1.example,h2.example:27018/db?replicaSet=rs0",
         "mongodb://***@h1.example,h2.example:27018/db?replicaSet=rs0"),
        ("mongodb://onlyuser@db.example", "mongodb://***@db.example"),
        ("mongodb://app:s3cret@db.example", "mongodb://***@db.example"),
        ("mongodb://app:s3cret@db.example?authSource=admin", "mongodb://***@db.example?authSource=admin"),
        ("mongodb://db.example:27017/socialdeck", "mongodb://db.example:27017/socialdeck"),
        ("mongodb://db.example/db?note=a@b", "mongodb://db.example/db?note=a@b"),
        ("not a uri", "not a uri"),
    ])
    func redactedHidesCredentials(_ input: String, _ expected: String) {
        #expect(StoreLocation.redacted(input) == expected)
    }

    @Test(arguments: [
        ("mongodb://db.example/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:tok-1",
         "mongodb://db.example/?authMechanism=MONGODB-AWS&authMechanismProperties=***", "tok-1"),
        ("mongodb://db.example/?tls=true&tlsCertificateKeyFilePassword=pw-2", "mongodb://db.example/?tls=true&tlsCertificateKeyFilePassword=***", "pw-2"),
        ("mongodb://db.example/?ssl=true&sslClientCertificateKeyPassword=pw-3", "mongodb://db.example/?ssl=true&sslClientCertificateKeyPassword=***", "pw-3"),
        ("mongodb://db.example/?appToken=t-4&replicaSet=rs0", "mongodb://db.example/?appToken=***&replicaSet=rs0", "t-4"),
        ("mongodb://db.example/?clientSecret=s-5", "mongodb://db.example/?clientSecret=***", "s-5"),
        ("mongodb://db.example/?APIKEY=k-6", "mongodb://db.example/?APIKEY=***", "k-6"),
        ("mongodb://u:pw-7@db.example/db?Password=p-8;w=majority", "mongodb://***@db.example/db?Password=***&w=majority", "p-8"),
    ])
    func redactedHidesEverySecretOption(_ input: String, _ expected: String, _ secret: String) {
        #expect(StoreLocation.redacted(input) == expected)
        #expect(!StoreLocation.mongodb(uri: input).description.contains(secret))
    }

    @Test func descriptionNeverShowsThePassword() {
        let text = StoreLocation.mongodb(uri: uri).description
        #expect(!text.contains("s3cret"))
        #expect(!text.contains("app:"))
        #expect(text.contains("db.example"))
        #expect(StoreLocation.sqlite(directory: "/data").description == "SQLite in /data")
    }
}
