import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The requests-per-minute cap of one provider across every process on the store (the
/// dashboards, `socialdeck daemon`, commands): a window in `system_settings` holding the
/// send times of the last minute, taken by compare-and-set on its version. A process
/// that keeps losing the race falls back on its own per-process window, so a busy store
/// slows calls down but never stops them.
final class SharedRequestRate: Sendable {
    let store: any DocumentStore
    let key: String
    let perMinute: Int
    let clock: @Sendable () -> Date
    private var collection: String { SystemSetting.collection.rawValue }

    /// One window per provider and address: two servers behind one provider name have caps of their own.
    init(store: any DocumentStore, provider: String, baseURL: String?, perMinute: Int, clock: @escaping @Sendable () -> Date) {
        var digest = FNV1a()
        digest.add((baseURL ?? "default").utf8)
        self.store = store
        self.key = "llm-rate:\(provider):\(String(digest.value, radix: 16))"
        self.perMinute = max(1, perMinute)
        self.clock = clock
    }

    /// Reserves the next request's place in the shared window; nil when the race was lost every time.
    func waitBeforeNext() -> TimeInterval? {
        for _ in 0..<20 {
            let now = clock()
            guard let found = try? store.findOne(collection, .compare("_id", .eq, .string(key))) else {
                var fresh = SystemSetting()
                fresh._id = key
                fresh.sentAt = [now]
                fresh.version = 1
                if let doc = try? DocumentEncoder().encode(fresh), (try? store.insertOne(doc, into: collection)) != nil { return 0 }
                continue
            }
            let setting = try? DocumentDecoder().decode(SystemSetting.self, from: found)
            var times = (setting?.sentAt ?? []).filter { now.timeIntervalSince($0) < 60 }.sorted()
            let at = times.count < perMinute ? now : times[times.count - perMinute].addingTimeInterval(60)
            times.append(at)
            let version = setting?.version ?? 0
            let update = Update.set("sentAt", BSONValue.array(times.suffix(perMinute).map { .date($0) })).set("version", Int64(version + 1))
            let versioned: Filter = version == 0 ? .exists("version", false) : .eq("version", Int64(version))
            if (try? store.updateOne(collection, .compare("_id", .eq, .string(key)) && versioned, update)) == 1 {
                return max(0, at.timeIntervalSince(now))
            }
        }
        return nil
    }
}
