import SocialdeckModel

/// The grouped aggregation the analytics charts need: filter, optionally unwind
/// one array, group by UTC day and/or fields, and count or sum.
public struct GroupedAggregation: Sendable, Hashable {
    public enum GroupKey: Sendable, Hashable {
        /// The UTC day of a date field; the row's key is that day's midnight.
        case day(String)
        case field(String)
    }

    public enum Accumulator: Sendable, Hashable {
        case count
        case sum(String)
    }

    public var filter: Filter
    /// An array path to unwind before grouping; later paths may then point into its elements.
    public var unwind: String?
    public var groupBy: [GroupKey]
    public var accumulators: [Accumulator]
    public var includeDeleted: Bool

    public init(filter: Filter = .all, unwind: String? = nil, groupBy: [GroupKey], accumulators: [Accumulator],
                includeDeleted: Bool = false) {
        self.filter = filter
        self.unwind = unwind
        self.groupBy = groupBy
        self.accumulators = accumulators
        self.includeDeleted = includeDeleted
    }
}

/// One group: its key values (in `groupBy` order) and its accumulated figures.
public struct AggregateRow: Sendable, Hashable {
    public var keys: [BSONValue]
    public var values: [Double]
    public init(keys: [BSONValue], values: [Double]) {
        self.keys = keys
        self.values = values
    }
}

extension GroupedAggregation {
    static let dayMilliseconds: Int64 = 86_400_000

    static func dayStart(_ value: BSONValue) -> BSONValue {
        guard case .datetime(let ms) = value else { return .null }
        let day = ms >= 0 ? ms / dayMilliseconds : (ms - dayMilliseconds + 1) / dayMilliseconds
        return .datetime(day * dayMilliseconds)
    }

    /// Groups documents in Swift: the reference the backends are tested against,
    /// and SQLite's path when an array must be unwound.
    func group(_ docs: some Sequence<Document>) -> [AggregateRow] {
        var groups: [[BSONValue]: [Double]] = [:]
        for doc in docs {
            let items: [Document]
            if let unwind {
                guard case .array(let elements)? = doc.value(at: unwind) else { continue }
                items = elements.map { element in
                    var copy = doc
                    copy.setValue(element, at: unwind)
                    return copy
                }
            } else {
                items = [doc]
            }
            for item in items {
                let key = groupBy.map { k -> BSONValue in
                    switch k {
                    case .day(let p): return GroupedAggregation.dayStart(item.value(at: p) ?? .null)
                    case .field(let p): return item.value(at: p) ?? .null
                    }
                }
                var acc = groups[key] ?? Array(repeating: 0, count: accumulators.count)
                for (i, a) in accumulators.enumerated() {
                    switch a {
                    case .count: acc[i] += 1
                    case .sum(let p): acc[i] += item.value(at: p)?.doubleValue ?? 0
                    }
                }
                groups[key] = acc
            }
        }
        return groups.map { AggregateRow(keys: $0.key, values: $0.value) }.sorted(by: AggregateRow.keyOrder)
    }
}

extension AggregateRow {
    static func keyOrder(_ a: AggregateRow, _ b: AggregateRow) -> Bool {
        for (x, y) in zip(a.keys, b.keys) {
            let c = BSONValue.compare(x, y)
            if c != 0 { return c < 0 }
        }
        return false
    }
}
