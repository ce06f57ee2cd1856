import Testing
import SocialdeckStorage

@Suite("MongoDB URIs")
struct MongoURITests {
    @Test(arguments: [
        ("mongodb://127.0.0.1:27017", "mongodb://127.0.0.1:27017/t1"),
        ("mongodb://127.0.0.1:27017/", "mongodb://127.0.0.1:27017/t1"),
        ("mongodb://u:p@db1:1,db2:2/app?replicaSet=rs0&w=majority", "mongodb://u:p@db1:1,db2:2/t1?replicaSet=rs0&w=majority"),
        ("mongodb://db1/?tls=true", "mongodb://db1/t1?tls=true"),
    ])
    func theDatabaseIsReplacedAndTheRestKept(_ uri: String, _ expected: String) {
        #expect(MongoURI.replacingDatabase(of: uri, with: "t1") == expected)
    }
}
