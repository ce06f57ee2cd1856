import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Tenant isolation as one table (issue #8, item 6): every read and write the core
/// exposes, run by every customer role of one organization against a second one, on
/// both backends. A result that holds any of the second organization's documents, or
/// a change to them, fails. The table is checked against the core's source: a public
/// command that takes an identity and has no row here fails the test, so new commands
/// join the table by construction.
@Suite("Tenant isolation table")
struct IsolationTableTests {
    /// Public core functions that take an identity but are not commands a person runs.
    static let exempt: [String: String] = [
        "AccessControl.authorize": "the check itself",
        "AccessControl.scope": "the filter every command applies",
        "AuditTrail.record": "plumbing: every command records through it after its own checks, and it only appends",
    ]

    @Test(arguments: Backend.enabled)
    func noCustomerRoleReachesAnotherOrganization(_ backend: Backend) throws {
        let f = try IsolationFixture(backend)
        let probes = IsolationProbes.all
        let missing = try Self.identityTakingFunctions().subtracting(probes.map(\.name)).subtracting(Self.exempt.keys)
        #expect(missing.isEmpty, "core commands with no row in the isolation table: \(missing.sorted())")

        let before = try f.otherOrganizationsDocuments()
        for role in UserRole.allCases {
            let me = try f.member(role)
            for probe in probes {
                let result: Any
                do { result = try probe.run(me, f) } catch { continue }
                let leaked = Self.objectIds(in: result).intersection(f.otherIds)
                #expect(leaked.isEmpty, "\(probe.name) as \(role.rawValue) returned the other organization's \(leaked.map(\.hex))")
            }
        }
        let after = try f.otherOrganizationsDocuments()
        for (key, doc) in before {
            #expect(after[key] == doc, "\(key) of the other organization changed")
        }
        #expect(after.count == before.count)
    }

    /// Every `Type.function` in the core whose declaration takes an `Identity`.
    static func identityTakingFunctions() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Sources/SocialdeckCore")
            .standardized
        var names = Set<String>()
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        #expect(files.count > 20, "the core's sources are at \(root.path)")
        let typePattern = /^(?:public |final |internal )*(?:struct|enum|class|extension|actor) (\w+)/
        let funcPattern = /public (?:static )?func (\w+)/
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            var type = ""
            for (i, line) in lines.enumerated() {
                if let m = line.firstMatch(of: typePattern) { type = String(m.1) }
                guard let m = line.firstMatch(of: funcPattern) else { continue }
                var declaration = "", j = i
                while j < lines.count {
                    declaration += lines[j]
                    if lines[j].contains("{") { break }
                    j += 1
                }
                if declaration.contains("Identity)") || declaration.contains(": Identity") { names.insert("\(type).\(m.1)") }
            }
        }
        return names
    }

    /// Every ObjectId anywhere inside `value`: fields, arrays, BSON documents, enum payloads.
    static func objectIds(in value: Any) -> Set<ObjectId> {
        if let id = value as? ObjectId { return [id] }
        var out = Set<ObjectId>()
        for child in Mirror(reflecting: value).children { out.formUnion(objectIds(in: child.value)) }
        return out
    }
}
