import CMongoc

/// libmongoc's log lines ("monitor: … network error occurred", every half second while a
/// server is down) go to socialdeck's log file instead of its default handler's stdout
/// and stderr, where they would be drawn over the dashboard. Installed once, for the
/// whole process, before libmongoc starts.
enum MongoLog {
    static func install() {
        mongoc_log_set_handler({ mongocLevel, domain, message, _ in
            let level = MongoLog.level(mongocLevel)
            guard let log = LogFile.shared, log.accepts(level) else { return }
            let source = "mongoc" + (domain.map { "[" + String(cString: $0) + "]" } ?? "")
            log.record(level, source, message.map { String(cString: $0) } ?? "")
        }, nil)
    }

    static func level(_ level: mongoc_log_level_t) -> LogFile.Level {
        switch level {
        case MONGOC_LOG_LEVEL_ERROR, MONGOC_LOG_LEVEL_CRITICAL: return .error
        case MONGOC_LOG_LEVEL_WARNING: return .warning
        case MONGOC_LOG_LEVEL_MESSAGE, MONGOC_LOG_LEVEL_INFO: return .info
        default: return .debug
        }
    }
}
