import SocialdeckModel

/// A typed query, the subset of MongoDB's query language socialdeck uses.
/// Paths are dotted (`approval.status`); a path through an array matches when
/// any element matches, as in MongoDB.
public indirect enum Filter: Sendable, Hashable {
    case all
    case compare(String, Comparison, BSONValue)
    case isIn(String, [BSONValue])
    case notIn(String, [BSONValue])
    case exists(String, Bool)
    /// Some element of the array at the path matches every condition, all on that one element.
    case elemMatch(String, Filter)
    case and([Filter])
    case or([Filter])
    case not(Filter)

    public enum Comparison: String, Sendable, Hashable {
        case eq = "$eq", ne = "$ne", gt = "$gt", gte = "$gte", lt = "$lt", lte = "$lte"
    }

    public static func eq(_ path: String, _ value: some BSONRepresentable) -> Filter { .compare(path, .eq, value.bsonValue) }
    public static func ne(_ path: String, _ value: some BSONRepresentable) -> Filter { .compare(path, .ne, value.bsonValue) }
    public static func gt(_ path: String, _ value: some BSONRepresentable) -> Filter { .compare(path, .gt, value.bsonValue) }
    public static func gte(_ path: String, _ value: some BSONRepresentable) -> Filter { .compare(path, .gte, value.bsonValue) }
    public static func lt(_ path: String, _ value: some BSONRepresentable) -> Filter { .compare(path, .lt, value.bsonValue) }
    public static func lte(_ path: String, _ value: some BSONRepresentable) -> Filter { .compare(path, .lte, value.bsonValue) }
    public static func isIn(_ path: String, anyOf values: [some BSONRepresentable]) -> Filter { .isIn(path, values.map(\.bsonValue)) }
    /// Matches a missing field or an explicit null, like MongoDB's `{path: null}`.
    public static func isNull(_ path: String) -> Filter { .compare(path, .eq, .null) }
    public static func id(_ id: ObjectId) -> Filter { .compare("_id", .eq, .objectId(id)) }

    public static func && (a: Filter, b: Filter) -> Filter {
        switch (a, b) {
        case (.all, _): return b
        case (_, .all): return a
        case (.and(let x), .and(let y)): return .and(x + y)
        case (.and(let x), _): return .and(x + [b])
        case (_, .and(let y)): return .and([a] + y)
        default: return .and([a, b])
        }
    }

    public static func || (a: Filter, b: Filter) -> Filter {
        if case .or(let x) = a { return .or(x + [b]) }
        return .or([a, b])
    }

    /// The filter as a MongoDB query document.
    public var queryDocument: Document {
        switch self {
        case .all: return Document()
        case .compare(let p, .eq, let v): return Document([.init(p, v)])
        case .compare(let p, let op, let v): return Document([.init(p, .document(Document([.init(op.rawValue, v)])))])
        case .isIn(let p, let vs): return Document([.init(p, .document(Document([.init("$in", .array(vs))])))])
        case .notIn(let p, let vs): return Document([.init(p, .document(Document([.init("$nin", .array(vs))])))])
        case .exists(let p, let b): return Document([.init(p, .document(Document([.init("$exists", .bool(b))])))])
        case .elemMatch(let p, let f): return Document([.init(p, .document(Document([.init("$elemMatch", .document(f.queryDocument))])))])
        case .and(let fs): return Filter.merged(fs.map(\.queryDocument))
        case .or(let fs): return Document([.init("$or", .array(fs.map { .document($0.queryDocument) }))])
        case .not(let f): return Document([.init("$nor", .array([.document(f.queryDocument)]))])
        }
    }

    /// Conjuncts as one document (`{a: 1, b: {$gte: 2, $lt: 5}}`) when their fields do not
    /// collide, which every server accepts, also inside `$elemMatch`; otherwise `$and`.
    static func merged(_ docs: [Document]) -> Document {
        var out = Document()
        for doc in docs {
            for field in doc.fields {
                guard let existing = out[field.key] else {
                    out.append(field.key, field.value)
                    continue
                }
                guard !field.key.hasPrefix("$"), case .document(var ops) = existing, case .document(let more) = field.value,
                      ops.keys.allSatisfy({ $0.hasPrefix("$") }), more.keys.allSatisfy({ $0.hasPrefix("$") && ops[$0] == nil })
                else {
                    return Document([.init("$and", .array(docs.map { .document($0) }))])
                }
                for f in more.fields { ops.append(f.key, f.value) }
                out[field.key] = .document(ops)
            }
        }
        return out
    }

    /// Every path the filter reads.
    public var paths: [String] {
        switch self {
        case .all: return []
        case .compare(let p, _, _), .isIn(let p, _), .notIn(let p, _), .exists(let p, _), .elemMatch(let p, _): return [p]
        case .and(let fs), .or(let fs): return fs.flatMap(\.paths)
        case .not(let f): return f.paths
        }
    }
}
