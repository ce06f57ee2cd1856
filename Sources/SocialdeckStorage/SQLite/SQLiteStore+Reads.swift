import CSQLite
import Foundation
import SocialdeckModel

/// Reads: find, count and grouped aggregation, compiled to SQL where they can be.
extension SQLiteStore {
    public func find(_ collection: String, _ filter: Filter, options: FindOptions) throws -> [Document] {
        try withConnection(collection) { c, table in
            let compiler = compiler(collection)
            let compiled = compiler.compile(filter, includeDeleted: options.includeDeleted)
            var tail = compiler.orderBy(options.sort)
            if options.limit != nil || options.skip > 0 { tail += " LIMIT \(options.limit ?? -1) OFFSET \(options.skip)" }
            // An included projection is cut down in SQL to the top-level fields it reaches,
            // so only those are decoded; `apply` then keeps just the paths asked for, when
            // some reach inside a field.
            var column = "data", projection = options.projection
            if case .include(let paths)? = options.projection {
                let fields = Set(["_id"] + paths.compactMap { $0.split(separator: ".").first.map(String.init) })
                if fields.allSatisfy({ !$0.contains(",") }) {
                    column = "sd_project(data,'\(SQLiteQueryCompiler.escape(fields.sorted().joined(separator: ",")))')"
                    if !paths.contains(where: { $0.contains(".") }) { projection = nil }
                }
            }
            return try query(c, compiled, sql: { "SELECT \(column) FROM \(table) WHERE \($0)\(tail)" }) { stmt in
                var out: [Document] = []
                while try stmt.step() {
                    let doc = try stmt.document(0)
                    out.append(projection.map { $0.apply(to: doc) } ?? doc)
                }
                return out
            }
        }
    }

    public func count(_ collection: String, _ filter: Filter, includeDeleted: Bool) throws -> Int {
        try withConnection(collection) { c, table in
            let compiler = compiler(collection)
            return try query(c, compiler.compile(filter, includeDeleted: includeDeleted),
                      sql: { "SELECT count(*) FROM \(table) WHERE \($0)" }) { stmt in
                _ = try stmt.step()
                return Int(stmt.int64(0))
            }
        }
    }

    public func aggregate(_ collection: String, _ aggregation: GroupedAggregation) throws -> [AggregateRow] {
        let schema = schema(collection)
        let compiler = SQLiteQueryCompiler(schema: schema)
        let compiled = compiler.compile(aggregation.filter, includeDeleted: aggregation.includeDeleted)
        let groupPaths = aggregation.groupBy.map { k -> String in
            switch k { case .day(let p), .field(let p): return p }
        }
        let sumPaths = aggregation.accumulators.compactMap { a -> String? in
            if case .sum(let p) = a { return p }
            return nil
        }
        if aggregation.unwind != nil || (groupPaths + sumPaths).contains(where: schema.isMultiValued) {
            let docs = try find(collection, aggregation.filter, options: FindOptions(includeDeleted: aggregation.includeDeleted))
            return aggregation.group(docs)
        }
        var select: [String] = []
        for key in aggregation.groupBy {
            switch key {
            case .day(let p):
                let f = compiler.column(p)
                select.append("(CASE WHEN \(f) >= 0 THEN \(f) / 86400000 ELSE (\(f) - 86399999) / 86400000 END) * 86400000")
            case .field(let p):
                select.append("sd_value(data,'\(SQLiteQueryCompiler.escape(p))')")
            }
        }
        let keyCount = select.count
        for a in aggregation.accumulators {
            switch a {
            case .count: select.append("count(*)")
            case .sum(let p): select.append("total(\(compiler.column(p)))")
            }
        }
        let groupBy = keyCount == 0 ? "" : " GROUP BY " + (1...keyCount).map(String.init).joined(separator: ",")
        return try withConnection(collection) { c, table in
            try query(c, compiled, sql: { "SELECT \(select.joined(separator: ", ")) FROM \(table) WHERE \($0)\(groupBy)" }) { stmt in
                var rows: [AggregateRow] = []
                while try stmt.step() {
                    var keys: [BSONValue] = []
                    for (i, key) in aggregation.groupBy.enumerated() {
                        switch key {
                        case .day: keys.append(stmt.isNull(Int32(i)) ? .null : .datetime(stmt.int64(Int32(i))))
                        case .field: keys.append(try stmt.document(Int32(i))["v"] ?? .null)
                        }
                    }
                    let values = (0..<aggregation.accumulators.count).map { stmt.double(Int32(keyCount + $0)) }
                    if keyCount == 0 && values.first == 0 && aggregation.accumulators.first == .count { continue }
                    rows.append(AggregateRow(keys: keys, values: values))
                }
                return rows.sorted(by: AggregateRow.keyOrder)
            }
        }
    }
}
