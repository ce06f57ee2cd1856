import Foundation
import SocialdeckModel

/// Turns a typed filter and sort into SQL over a collection table. Conditions on
/// single-valued paths become `sd_field(...)` comparisons that SQLite answers from
/// expression indexes; the rest is left for `sd_match` to check in Swift.
struct SQLiteQueryCompiler {
    let schema: CollectionSchema
    var multikey: [SQLiteMultikeyIndex] = []

    struct Compiled {
        var whereSQL: String
        var bindings: [SQLValue]
        /// What SQL could not express; nil when SQL answers the whole filter.
        var residual: Filter?
    }

    func compile(_ filter: Filter, includeDeleted: Bool) -> Compiled {
        var parts: [String] = []
        var bindings: [SQLValue] = []
        var residual: [Filter] = []
        let conjuncts: [Filter]
        switch filter {
        case .and(let fs): conjuncts = fs
        case .all: conjuncts = []
        default: conjuncts = [filter]
        }
        // With `_id` pinned, the unique id index finds the one row; the unary `+` keeps
        // SQLite from choosing an expression index for the other conditions instead.
        let byId = conjuncts.contains { if case .compare("_id", .eq, _) = $0 { return true } else { return false } }
        let pinned = conjuncts.contains { c in
            guard case .compare(let path, .eq, let value) = c, value.isScalar, !schema.isMultiValued(path) else { return false }
            return path == "_id" || schema.indexes.contains { $0.keys.first?.path == path }
        }
        for c in conjuncts {
            if var (sql, b) = sql(for: c) {
                if byId && !sql.hasPrefix("id ") { sql = "+" + sql }
                parts.append(sql)
                bindings += b
            } else if let pre = multikey.lazy.compactMap({ $0.prefilter(for: c, correlated: pinned) }).first {
                parts.append(pre.sql)
                bindings += pre.bindings
                if !pre.exact { residual.append(c) }
            } else {
                residual.append(c)
            }
        }
        if schema.softDeletes && !includeDeleted {
            parts.append("\(Self.field("deletedAt")) IS NULL")
        }
        return Compiled(whereSQL: parts.isEmpty ? "1" : parts.joined(separator: " AND "), bindings: bindings,
                        residual: residual.isEmpty ? nil : (residual.count == 1 ? residual[0] : .and(residual)))
    }

    /// SQL for one condition, or nil when it must be checked in Swift.
    private func sql(for filter: Filter) -> (String, [SQLValue])? {
        switch filter {
        case .all:
            return ("1", [])
        case .compare(let path, let op, .null) where !schema.isMultiValued(path) && (op == .eq || op == .ne):
            // sd_field is NULL only for a missing field or an explicit null, MongoDB's `{path: null}`.
            return ("\(column(path)) IS \(op == .eq ? "" : "NOT ")NULL", [])
        case .compare(let path, let op, let value):
            guard value.isScalar, !schema.isMultiValued(path) else { return nil }
            let lhs = column(path)
            switch op {
            case .eq: return ("\(lhs) = ?", [value.sqlValue])
            case .ne: return ("\(lhs) IS NOT ?", [value.sqlValue])
            case .gt: return ("\(lhs) > ?", [value.sqlValue])
            case .gte: return ("\(lhs) >= ?", [value.sqlValue])
            case .lt: return ("\(lhs) < ?", [value.sqlValue])
            case .lte: return ("\(lhs) <= ?", [value.sqlValue])
            }
        case .isIn(let path, let values):
            guard !values.isEmpty, values.allSatisfy(\.isScalar), !schema.isMultiValued(path) else { return nil }
            return ("\(column(path)) IN (\(Array(repeating: "?", count: values.count).joined(separator: ",")))",
                    values.map(\.sqlValue))
        case .and(let fs):
            return joined(fs, "AND", empty: "1")
        case .or(let fs):
            return joined(fs, "OR", empty: "0")
        default:
            return nil
        }
    }

    /// All parts in SQL, or nil when any part must be checked in Swift.
    private func joined(_ parts: [Filter], _ op: String, empty: String) -> (String, [SQLValue])? {
        var sqls: [String] = []
        var bindings: [SQLValue] = []
        for f in parts {
            guard let (s, b) = sql(for: f) else { return nil }
            sqls.append(s)
            bindings += b
        }
        return ("(" + (sqls.isEmpty ? empty : sqls.joined(separator: " \(op) ")) + ")", bindings)
    }

    func column(_ path: String) -> String {
        path == "_id" ? "id" : Self.field(path)
    }

    static func field(_ path: String) -> String {
        "sd_field(data,'\(escape(path))')"
    }

    /// The expression a sort or index key uses; identical text in both lets SQLite match them.
    func sortExpression(_ path: String, ascending: Bool) -> String {
        if schema.isMultiValued(path) {
            return "sd_sortkey(data,'\(Self.escape(path))',\(ascending ? 1 : -1))"
        }
        return column(path)
    }

    func orderBy(_ sort: [SortKey]) -> String {
        guard !sort.isEmpty else { return "" }
        let keys = sort.map { "\(sortExpression($0.path, ascending: $0.ascending)) \($0.ascending ? "ASC" : "DESC")" }
        return " ORDER BY " + keys.joined(separator: ", ") + ", rid"
    }

    static func escape(_ s: String) -> String {
        s.utf8.contains(UInt8(ascii: "'")) ? s.replacingOccurrences(of: "'", with: "''") : s
    }

    static func quote(_ identifier: String) -> String {
        let inner = identifier.utf8.contains(UInt8(ascii: "\"")) ? identifier.replacingOccurrences(of: "\"", with: "\"\"") : identifier
        return "\"" + inner + "\""
    }
}
