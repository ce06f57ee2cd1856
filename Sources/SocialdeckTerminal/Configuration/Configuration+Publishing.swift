import Foundation
import SocialdeckCore

/// `[publishing]` of `config.toml`: the publisher's retry and lateness rules.
///
/// ```toml
/// [publishing]
/// retry_first_seconds = 60      # the first retry's wait, doubled each time
/// retry_max_seconds = 3600      # the longest wait
/// retry_jitter = 0.1            # ± this fraction of each wait
/// max_attempts = 5              # sends in all, the first included
/// missed_after_minutes = 360    # later than this, a post is missed, not sent
/// max_sending_per_platform = 4  # live sends in flight at once, across every process
/// max_sending_per_account = 1
/// ```
extension Configuration {
    static let publishingKeys = ["retry_first_seconds", "retry_max_seconds", "retry_jitter", "max_attempts", "missed_after_minutes",
                                  "max_sending_per_platform", "max_sending_per_account"]

    mutating func applyPublishing(_ table: TOMLTable) {
        var policy = publishing
        for entry in table.entries {
            let at = entry.valuePosition
            let number = entry.value.doubleValue
            switch entry.key {
            case "retry_first_seconds":
                guard let n = number, (1...86_400).contains(n) else { report(at, "retry_first_seconds must be 1 to 86400"); continue }
                policy.retry.firstDelay = n
            case "retry_max_seconds":
                guard let n = number, (1...604_800).contains(n) else { report(at, "retry_max_seconds must be 1 to 604800"); continue }
                policy.retry.maxDelay = n
            case "retry_jitter":
                guard let n = number, (0...1).contains(n) else { report(at, "retry_jitter must be a fraction from 0 to 1, such as 0.1"); continue }
                policy.retry.jitter = n
            case "max_attempts":
                guard let n = entry.value.integerValue, (1...50).contains(n) else { report(at, "max_attempts must be a whole number from 1 to 50"); continue }
                policy.retry.maxAttempts = Int(n)
            case "missed_after_minutes":
                guard let n = number, (1...10_080).contains(n) else { report(at, "missed_after_minutes must be 1 to 10080 (a week)"); continue }
                policy.missedAfter = n * 60
            case "max_sending_per_platform", "max_sending_per_account":
                guard let n = entry.value.integerValue, (1...64).contains(n) else { report(at, "\(entry.key) must be a whole number from 1 to 64"); continue }
                if entry.key == "max_sending_per_platform" { policy.maxSendingPerPlatform = Int(n) } else { policy.maxSendingPerAccount = Int(n) }
            default:
                report(entry.keyPosition, Suggestion.message("unknown setting '\(entry.key)' in [publishing]", for: entry.key,
                                                             in: Self.publishingKeys,
                                                             otherwise: "[publishing] has \(Self.publishingKeys.joined(separator: ", "))"))
            }
        }
        if let problem = policy.problem {
            report(table.entries.first?.keyPosition ?? TOMLPosition(line: 1, column: 1), "[publishing] is ignored: \(problem)")
        } else {
            publishing = policy
        }
    }
}
