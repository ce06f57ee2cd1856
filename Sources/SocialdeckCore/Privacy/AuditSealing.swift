import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Seals the personal parts of audit entries with the key of the person they concern,
/// and opens them again for reading. An entry's `details` (snapshots, reason, additional
/// information) belong to the customer it is about: the target account, or else the
/// customer who acted. Its `metadata` (address, terminal, session) belong to the
/// customer who acted. Staff's own metadata and the operator's name stay in clear:
/// they are not a customer's data.
struct AuditSealing: Sendable {
    let keys: PersonalKeys

    init(store: any DocumentStore, clock: @escaping @Sendable () -> Date) {
        keys = PersonalKeys(store: store, clock: clock)
    }

    /// Moves the personal parts into sealed form; the entry keeps the empty fields.
    func seal(entryId: ObjectId, details: inout AdminActivityLog.Details, metadata: inout AdminActivityLog.Metadata,
              detailsOwner: ObjectId?, metadataOwner: ObjectId?) throws -> [SealedPersonalData]? {
        var sealed: [SealedPersonalData] = []
        if let owner = detailsOwner, let key = try keys.key(for: owner) {
            var personal = details
            let operatorName = personal.additionalInfo?["operator"]
            personal.additionalInfo?["operator"] = nil
            if personal.additionalInfo?.isEmpty == true { personal.additionalInfo = nil }
            if personal != AdminActivityLog.Details() {
                sealed.append(try Self.seal(personal, part: .details, owner: owner, entryId: entryId, key: key))
                details = AdminActivityLog.Details()
                if let operatorName { details.additionalInfo = Document([.init("operator", operatorName)]) }
            }
        }
        if let owner = metadataOwner, metadata != AdminActivityLog.Metadata(), let key = try keys.key(for: owner) {
            sealed.append(try Self.seal(metadata, part: .metadata, owner: owner, entryId: entryId, key: key))
            metadata = AdminActivityLog.Metadata()
        }
        return sealed.isEmpty ? nil : sealed
    }

    /// The documents with their sealed parts opened and the seals taken off. A part whose
    /// key was destroyed is left out, and the document is marked `personalDataErased`.
    func open(_ docs: [Document]) throws -> [Document] {
        let owners = docs.flatMap { Self.parts(of: $0).map(\.owner) }
        guard !owners.isEmpty else { return docs }
        let found = try keys.existing(owners)
        return docs.map { doc in
            let parts = Self.parts(of: doc)
            guard !parts.isEmpty, let id = doc["_id"]?.objectIdValue else { return doc }
            var out = doc
            out["sealed"] = nil
            for part in parts {
                guard let key = found[part.owner],
                      let text = try? SecretBox(key: key).open(part.data, associatedData: Self.binding(id, part.part)),
                      let opened = try? ExtendedJSON.document(from: text) else {
                    out["personalDataErased"] = .bool(true)
                    continue
                }
                out[part.part.rawValue] = .document(Self.merge(opened, into: out[part.part.rawValue]?.documentValue ?? Document()))
            }
            return out
        }
    }

    /// `opened` laid over `target`, documents in both merged field by field (the operator's
    /// name stays beside the sealed additional information).
    private static func merge(_ opened: Document, into target: Document) -> Document {
        var out = target
        for field in opened.fields where field.value != .null {
            if case .document(let inner) = field.value, let existing = out[field.key]?.documentValue {
                out[field.key] = .document(merge(inner, into: existing))
            } else {
                out[field.key] = field.value
            }
        }
        return out
    }

    private static func parts(of doc: Document) -> [SealedPersonalData] {
        guard let items = doc["sealed"]?.arrayValue else { return [] }
        return items.compactMap { item in
            guard let d = item.documentValue, let owner = d["owner"]?.objectIdValue,
                  let part = d["part"]?.stringValue.flatMap(SealedPersonalData.Part.init(rawValue:)),
                  let data = d["data"]?.stringValue else { return nil }
            return SealedPersonalData(owner: owner, part: part, data: data)
        }
    }

    private static func seal(_ value: some Encodable, part: SealedPersonalData.Part, owner: ObjectId,
                             entryId: ObjectId, key: SecretKey) throws -> SealedPersonalData {
        let text = ExtendedJSON.string(from: try DocumentEncoder().encode(value))
        return SealedPersonalData(owner: owner, part: part,
                                  data: try SecretBox(key: key).seal(text, associatedData: binding(entryId, part)))
    }

    /// What a sealed part is bound to, so it opens only in the entry and place it was made for.
    private static func binding(_ entryId: ObjectId, _ part: SealedPersonalData.Part) -> String {
        "audit/\(entryId.hex)/\(part.rawValue)"
    }
}
