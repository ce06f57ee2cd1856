import SocialdeckModel

/// A typed update: `$set`, `$inc`, `$push` and `$unset`, applied in that order.
public struct Update: Sendable, Hashable {
    public var set: [Document.Field] = []
    public var inc: [Document.Field] = []
    public var push: [Document.Field] = []
    public var unset: [String] = []

    public init() {}

    public static func set(_ path: String, _ value: some BSONRepresentable) -> Update {
        Update().set(path, value)
    }

    public static func inc(_ path: String, _ by: some BSONRepresentable) -> Update {
        Update().inc(path, by)
    }

    public static func push(_ path: String, _ value: some BSONRepresentable) -> Update {
        Update().push(path, value)
    }

    public static func unset(_ path: String) -> Update {
        Update().unset(path)
    }

    public func set(_ path: String, _ value: some BSONRepresentable) -> Update {
        var u = self
        u.set.append(.init(path, value.bsonValue))
        return u
    }

    public func inc(_ path: String, _ by: some BSONRepresentable) -> Update {
        var u = self
        u.inc.append(.init(path, by.bsonValue))
        return u
    }

    public func push(_ path: String, _ value: some BSONRepresentable) -> Update {
        var u = self
        u.push.append(.init(path, value.bsonValue))
        return u
    }

    public func unset(_ path: String) -> Update {
        var u = self
        u.unset.append(path)
        return u
    }

    /// This update and then `other`'s operations.
    public func merging(_ other: Update) -> Update {
        var u = self
        u.set += other.set
        u.inc += other.inc
        u.push += other.push
        u.unset += other.unset
        return u
    }

    public var isEmpty: Bool { self.set.isEmpty && inc.isEmpty && push.isEmpty && unset.isEmpty }

    /// The update as a MongoDB update document.
    public var updateDocument: Document {
        var d = Document()
        if !set.isEmpty { d.append("$set", .document(Document(set))) }
        if !inc.isEmpty { d.append("$inc", .document(Document(inc))) }
        if !push.isEmpty { d.append("$push", .document(Document(push))) }
        if !unset.isEmpty { d.append("$unset", .document(Document(unset.map { .init($0, .string("")) }))) }
        return d
    }

    /// Applies the update to a document, as a MongoDB server would.
    public func apply(to doc: inout Document) throws {
        for f in set {
            guard f.key != "_id" else { throw StoreError.invalidUpdate("_id cannot be changed") }
            guard doc.setValue(f.value, at: f.key) else { throw StoreError.invalidUpdate("cannot set '\(f.key)'") }
        }
        for f in inc {
            guard let delta = f.value.doubleValue else { throw StoreError.invalidUpdate("$inc of '\(f.key)' needs a number") }
            let current = doc.value(at: f.key)
            let next: BSONValue
            switch (current, f.value) {
            case (nil, _), (.null?, _): next = f.value
            case (.int32(let a)?, .int32(let b)):
                let (s, o) = a.addingReportingOverflow(b)
                next = o ? .int64(Int64(a) + Int64(b)) : .int32(s)
            case (let c?, _) where c.isIntegral && f.value.isIntegral:
                next = .int64(c.int64Value! &+ f.value.int64Value!)
            case (let c?, _) where c.isNumber:
                next = .double(c.doubleValue! + delta)
            default:
                throw StoreError.invalidUpdate("$inc of '\(f.key)', which is not a number")
            }
            guard doc.setValue(next, at: f.key) else { throw StoreError.invalidUpdate("cannot set '\(f.key)'") }
        }
        for f in push {
            var items: [BSONValue]
            switch doc.value(at: f.key) {
            case nil: items = []
            case .array(let a)?: items = a
            default: throw StoreError.invalidUpdate("$push to '\(f.key)', which is not an array")
            }
            items.append(f.value)
            guard doc.setValue(.array(items), at: f.key) else { throw StoreError.invalidUpdate("cannot set '\(f.key)'") }
        }
        for path in unset {
            doc.setValue(nil, at: path)
        }
    }
}
