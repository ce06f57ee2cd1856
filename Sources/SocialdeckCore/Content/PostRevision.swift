import Foundation
import SocialdeckModel
import SocialdeckStorage

/// One change to a stored post, written as a compare-and-set.
///
/// It changes the document as stored, path by path, so fields the model does not know
/// (written by another tool or a newer socialdeck) are left as they are. The write
/// goes through only if every path it depends on still holds what was read: the
/// approval state and every platform entry always, and whatever else the change says
/// it relies on (the text an editor saw). Otherwise nothing is written and the caller
/// gets a conflict, never a silent overwrite of someone else's change.
struct PostRevision {
    let id: ObjectId
    let before: Content
    private let stored: Document
    private(set) var document: Document
    private var update = Update()
    private var expected: [(path: String, value: BSONValue?)]

    init(stored: Document) throws {
        self.stored = stored
        document = stored
        before = try DocumentDecoder().decode(Content.self, from: stored)
        id = before._id
        expected = [("approval.status", stored.value(at: "approval.status")), ("platforms", stored.value(at: "platforms"))]
    }

    /// The post as it will read once written.
    func after() throws -> Content { try DocumentDecoder().decode(Content.self, from: document) }

    var isEmpty: Bool { update.isEmpty }

    /// Sets `path` (or removes it, for nil) in the stored document.
    mutating func set(_ path: String, _ value: BSONValue?) {
        guard document.value(at: path) != value else { return }
        if let value {
            update = update.set(path, value)
        } else {
            update = update.unset(path)
        }
        document.setValue(value, at: path)
    }

    mutating func set(_ path: String, _ value: (some BSONRepresentable)?) {
        set(path, value?.bsonValue)
    }

    /// The write also requires `path` to hold `value` (what a person saw, say).
    mutating func expect(_ path: String, _ value: BSONValue?) {
        expected.append((path, value))
    }

    /// Changes platform entries through the model, writing back only the fields the
    /// change touched, each at its own position.
    mutating func changePlatforms(where include: (Content.PlatformPost) -> Bool = { _ in true },
                                  _ change: (inout Content.PlatformPost) -> Void) {
        for (i, entry) in before.platforms.enumerated() where include(entry) {
            var changed = entry
            change(&changed)
            let base = "platforms.\(i)."
            if changed.status != entry.status { set(base + "status", changed.status) }
            if changed.scheduledAt != entry.scheduledAt { set(base + "scheduledAt", changed.scheduledAt) }
        }
    }

    /// Sets the status and time of the platform entry at `index`, as `changePlatforms` does.
    mutating func setPlatform(_ index: Int, status: PostStatus, scheduledAt: Date?) {
        guard before.platforms.indices.contains(index) else { return }
        let base = "platforms.\(index)."
        if before.platforms[index].status != status { set(base + "status", status) }
        if before.platforms[index].scheduledAt != scheduledAt { set(base + "scheduledAt", scheduledAt) }
    }

    /// Writes the change, keeping the daily rollups the post counts in current; false
    /// when the post changed since it was read.
    func write(to store: any DocumentStore, at now: Date) throws -> Bool {
        let filter = expected.reduce(Filter.id(id)) { filter, guardPath in
            filter && (guardPath.value.map { .compare(guardPath.path, .eq, $0) } ?? .isNull(guardPath.path))
        }
        let keys = ContentRollups.keys(of: stored).union(ContentRollups.keys(of: document))
        return try ContentRollups(store: store, clock: { now }).writing(keys) {
            try store.findOneAndUpdate(Content.collection.rawValue, filter, sort: [], update.set("updatedAt", now),
                                       returnUpdated: true) != nil
        }
    }
}
