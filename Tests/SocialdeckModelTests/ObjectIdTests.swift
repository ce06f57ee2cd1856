import Foundation
import Testing
import SocialdeckModel

@Suite("ObjectId")
struct ObjectIdTests {
    @Test func hexRoundTrip() throws {
        let hex = "507f1f77bcf86cd799439011"
        let id = try #require(ObjectId(hex: hex))
        #expect(id.hex == hex)
        #expect(id.description == hex)
        #expect(id.bytes == [0x50, 0x7F, 0x1F, 0x77, 0xBC, 0xF8, 0x6C, 0xD7, 0x99, 0x43, 0x90, 0x11])
        #expect(ObjectId(bytes: id.bytes) == id)
    }

    @Test func upperCaseHexIsAcceptedAndWrittenLowerCase() throws {
        let id = try #require(ObjectId(hex: "507F1F77BCF86CD799439011"))
        #expect(id.hex == "507f1f77bcf86cd799439011")
        #expect(id == ObjectId(hex: "507f1f77bcf86cd799439011"))
    }

    @Test func extremesRoundTrip() throws {
        #expect(try #require(ObjectId(hex: "000000000000000000000000")).hex == "000000000000000000000000")
        #expect(try #require(ObjectId(hex: "ffffffffffffffffffffffff")).hex == "ffffffffffffffffffffffff")
        #expect(ObjectId(high: .max, low: .max).bytes == Array(repeating: 0xFF, count: 12))
    }

    @Test(arguments: [
        "", "507f1f77bcf86cd79943901", "507f1f77bcf86cd7994390111", "507f1f77bcf86cd79943901g",
        "zz7f1f77bcf86cd799439011", "507f1f77 bcf86cd79943901", "0x7f1f77bcf86cd799439011", "507f1f77bcf86cd79943901é",
    ])
    func invalidHexIsNil(_ text: String) {
        #expect(ObjectId(hex: text) == nil)
    }

    @Test func bytesOfTheWrongLengthAreNil() {
        #expect(ObjectId(bytes: [UInt8](repeating: 1, count: 11)) == nil)
        #expect(ObjectId(bytes: [UInt8](repeating: 1, count: 13)) == nil)
        #expect(ObjectId(bytes: [UInt8]()) == nil)
    }

    @Test func orderingMatchesByteOrder() {
        var rng = SplitMix(seed: 99)
        var ids: [ObjectId] = (0..<500).map { _ in
            ObjectId(bytes: (0..<12).map { _ in UInt8.random(in: 0...255, using: &rng) })!
        }
        // Ids that differ only in the last bytes, where the low word decides.
        ids.append(ObjectId(hex: "000000000000000000000001")!)
        ids.append(ObjectId(hex: "000000000000000000000100")!)
        ids.append(ObjectId(hex: "0000000000000000ff000000")!)
        ids.append(ObjectId(hex: "000000000000000100000000")!)
        let byId = ids.sorted()
        let byBytes = ids.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        #expect(byId == byBytes)
        #expect(byId.map(\.hex) == ids.map(\.hex).sorted())
    }

    @Test func timestampIsTheFirstFourBytes() throws {
        let id = try #require(ObjectId(hex: "507f1f77bcf86cd799439011"))
        #expect(id.timestamp == Date(timeIntervalSince1970: 1_350_508_407))
    }

    @Test func generatedIdsCarryTheirCreationSecond() {
        let date = Date(timeIntervalSince1970: 1_795_946_400.9)
        let id = ObjectId(date: date)
        #expect(id.timestamp == Date(timeIntervalSince1970: 1_795_946_400))
        #expect(abs(ObjectId().timestamp.timeIntervalSinceNow) < 5)
    }

    @Test func partsLandInTheirBytes() {
        let id = ObjectId(timestamp: 0x0102_0304, unique: 0xAA_BBCC_DDEE, counter: 0x11_2233)
        #expect(id.hex == "01020304aabbccddee112233")
        #expect(id.timestamp == Date(timeIntervalSince1970: 0x0102_0304))
        // Parts too wide for their bytes are cut, not spilled into their neighbours.
        let wide = ObjectId(timestamp: 1, unique: 0xFF_00_0000_0000, counter: 0xFF00_0001)
        #expect(wide.hex == "000000010000000000000001")
    }

    @Test func idsForLaterSecondsSortLater() {
        let earlier = ObjectId(date: Date(timeIntervalSince1970: 1_000))
        let later = ObjectId(date: Date(timeIntervalSince1970: 1_001))
        #expect(earlier < later)
    }

    @Test func tenThousandGeneratedIdsAreUnique() {
        let now = Date()
        let ids = (0..<10_000).map { _ in ObjectId(date: now) }
        #expect(Set(ids).count == 10_000)
        #expect(Set(ids.map(\.hex)).count == 10_000)
    }

    @Test func uniqueAcrossConcurrentTasks() async {
        let ids = await withTaskGroup(of: [ObjectId].self) { group in
            for _ in 0..<8 { group.addTask { (0..<1_000).map { _ in ObjectId() } } }
            var all: [ObjectId] = []
            for await chunk in group { all += chunk }
            return all
        }
        #expect(Set(ids).count == 8_000)
    }

    @Test func codableOutsideTheDocumentCodersIsTheHexString() throws {
        let id = ObjectId(hex: "64b000000000000000000001")!
        let data = try JSONEncoder().encode([id])
        #expect(String(decoding: data, as: UTF8.self) == #"["64b000000000000000000001"]"#)
        #expect(try JSONDecoder().decode([ObjectId].self, from: data) == [id])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ObjectId].self, from: Data(#"["nope"]"#.utf8)) }
    }
}
