import Foundation
import SocialdeckModel

/// A typed view of one collection: model values in, model values out.
public struct ModelCollection<Model: StoredModel>: Sendable {
    public let store: any DocumentStore
    public var name: String { Model.collection.rawValue }

    public init(_ store: any DocumentStore, _: Model.Type = Model.self) {
        self.store = store
    }

    public func encode(_ model: Model) throws -> Document {
        try DocumentEncoder().encode(model)
    }

    public func decode(_ document: Document) throws -> Model {
        do {
            return try DocumentDecoder().decode(Model.self, from: document)
        } catch {
            let id = document["_id"].map { ExtendedJSON.string(from: $0) } ?? "?"
            throw StoreError.corruptDocument(collection: name, detail: "\(id): \(error)")
        }
    }

    public func insert(_ model: Model) throws {
        try store.insertOne(try encode(model), into: name)
    }

    public func insert(_ models: [Model]) throws {
        try store.insertMany(try models.map(encode), into: name)
    }

    public func find(_ filter: Filter = .all, options: FindOptions = FindOptions()) throws -> [Model] {
        try store.find(name, filter, options: options).map(decode)
    }

    public func find(_ filter: Filter = .all, sort: [SortKey] = [], skip: Int = 0, limit: Int? = nil,
                     includeDeleted: Bool = false) throws -> [Model] {
        try find(filter, options: FindOptions(sort: sort, skip: skip, limit: limit, includeDeleted: includeDeleted))
    }

    public func first(_ filter: Filter, sort: [SortKey] = [], includeDeleted: Bool = false) throws -> Model? {
        try find(filter, sort: sort, limit: 1, includeDeleted: includeDeleted).first
    }

    public func get(_ id: ObjectId, includeDeleted: Bool = false) throws -> Model? {
        try first(.id(id), includeDeleted: includeDeleted)
    }

    public func count(_ filter: Filter = .all, includeDeleted: Bool = false) throws -> Int {
        try store.count(name, filter, includeDeleted: includeDeleted)
    }

    @discardableResult
    public func update(_ filter: Filter, _ update: Update) throws -> Int {
        try store.updateOne(name, filter, update)
    }

    @discardableResult
    public func updateMany(_ filter: Filter, _ update: Update) throws -> Int {
        try store.updateMany(name, filter, update)
    }

    public func findOneAndUpdate(_ filter: Filter, sort: [SortKey] = [], _ update: Update,
                                 returnUpdated: Bool = true) throws -> Model? {
        try store.findOneAndUpdate(name, filter, sort: sort, update, returnUpdated: returnUpdated).map(decode)
    }

    /// Marks the document deleted; ordinary queries no longer see it.
    @discardableResult
    public func softDelete(_ id: ObjectId, at date: Date) throws -> Int {
        try store.updateOne(name, .id(id), Update.set("deletedAt", date).set("updatedAt", date))
    }
}
