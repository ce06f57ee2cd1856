import Foundation
import SocialdeckModel
import SocialdeckStorage

/// One audit entry as the viewer shows it, from either log, with what changed between
/// its before and after snapshots.
public struct AuditEntry: Sendable, Equatable {
    public let id: ObjectId
    public let log: AuditViewer.Log
    public let timestamp: Date
    /// The staff member or customer who acted; nil for the operator and the system.
    public let actor: ObjectId?
    /// The operating-system account, for entries the command line made.
    public let operatorName: String?
    public let action: String
    public let targetType: String
    public let targetId: ObjectId?
    public let organizationId: ObjectId?
    public let severity: Severity
    public let reason: String?
    public let ipAddress: String?
    public let before: Document?
    public let after: Document?
    /// The person this entry concerned was erased: its personal parts can no longer be read.
    public let personalDataErased: Bool

    /// One field that differs between the snapshots: its dotted path and both values.
    public struct Change: Sendable, Equatable {
        public let path: String
        public let before: BSONValue?
        public let after: BSONValue?
    }

    init(document doc: Document, log: AuditViewer.Log) throws {
        guard let id = doc["_id"]?.objectIdValue else { throw StoreError.invalidQuery("an audit entry without an id") }
        self.id = id
        self.log = log
        timestamp = doc["timestamp"]?.dateValue ?? .distantPast
        actor = doc[log == .staff ? "adminUserId" : "userId"]?.objectIdValue
        operatorName = doc.value(at: "details.additionalInfo.operator")?.stringValue
        action = doc["action"]?.stringValue ?? ""
        targetType = doc["targetType"]?.stringValue ?? ""
        targetId = doc["targetId"]?.objectIdValue
        organizationId = doc["organizationId"]?.objectIdValue
        severity = doc["severity"]?.stringValue.flatMap(Severity.init(rawValue:)) ?? .info
        reason = doc.value(at: "details.reason")?.stringValue
        ipAddress = doc.value(at: "metadata.ipAddress")?.stringValue
        before = doc.value(at: "details.before")?.documentValue
        after = doc.value(at: "details.after")?.documentValue
        personalDataErased = doc["personalDataErased"]?.boolValue ?? false
    }

    /// The fields that differ, in the order they appear; `updatedAt` left out. An entry
    /// with one snapshot lists that snapshot's fields.
    public var changes: [Change] {
        let old = Self.flatten(before), new = Self.flatten(after)
        let paths = old.map(\.0) + new.map(\.0).filter { path in !old.contains { $0.0 == path } }
        let a = Dictionary(old, uniquingKeysWith: { x, _ in x }), b = Dictionary(new, uniquingKeysWith: { x, _ in x })
        return paths.filter { $0 != "updatedAt" && a[$0] != b[$0] }.map { Change(path: $0, before: a[$0], after: b[$0]) }
    }

    /// Leaf values by dotted path; arrays stay whole values.
    static func flatten(_ doc: Document?, prefix: String = "") -> [(String, BSONValue)] {
        guard let doc else { return [] }
        return doc.fields.flatMap { field -> [(String, BSONValue)] in
            let path = prefix.isEmpty ? field.key : "\(prefix).\(field.key)"
            if case .document(let inner) = field.value, !inner.isEmpty { return flatten(inner, prefix: path) }
            return [(path, field.value)]
        }
    }

    /// A value as one short line: strings quoted, ids in hex, dates in ISO 8601, arrays
    /// by their length, documents as compact JSON.
    public static func text(_ value: BSONValue?) -> String {
        guard let value else { return "–" }
        switch value {
        case .string(let s): return "\"\(s.count > 80 ? s.prefix(79) + "…" : s)\""
        case .objectId(let id): return id.hex
        case .null: return "null"
        case .array(let items): return "[\(items.count) item\(items.count == 1 ? "" : "s")]"
        case .document(let doc): return String(ExtendedJSON.string(from: doc).prefix(80))
        default:
            if let date = value.dateValue { return ISODate.string(from: date) }
            if let bool = value.boolValue { return String(bool) }
            if let number = value.doubleValue { return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number) }
            return String(ExtendedJSON.string(from: Document([.init("v", value)])).prefix(80))
        }
    }
}
