import SocialdeckModel

/// One update of a ``DocumentStore/bulkUpdate(_:_:)``: `update` applied to the first
/// document `filter` matches, if any.
public struct BulkUpdate: Sendable, Hashable {
    public let filter: Filter
    public let update: Update

    public init(_ filter: Filter, _ update: Update) {
        self.filter = filter
        self.update = update
    }
}
