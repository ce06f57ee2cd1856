import Foundation
import SocialdeckCore
import SocialdeckTerminal
import Testing

/// `[publishing]` of config.toml: the publisher's retries and missed window.
@Suite("Configuration: [publishing]")
struct ConfigurationPublishingTests {
    @Test func theRulesAreRead() {
        let config = Configuration.parse("""
            [publishing]
            retry_first_seconds = 30
            retry_max_seconds = 1800
            retry_jitter = 0.2
            max_attempts = 7
            missed_after_minutes = 90
            """)
        #expect(config.problems.isEmpty, "\(config.problems)")
        var expected = PublishPolicy()
        expected.retry.firstDelay = 30
        expected.retry.maxDelay = 1800
        expected.retry.jitter = 0.2
        expected.retry.maxAttempts = 7
        expected.missedAfter = 90 * 60
        #expect(config.publishing == expected)
    }

    @Test func badValuesAreReportedWithTheirLinesAndKeepTheDefaults() {
        let config = Configuration.parse("""
            [publishing]
            max_attempts = 0
            retry_jitter = "lots"
            missed_after_mins = 60
            """)
        #expect(config.problems.map(\.line) == [2, 3, 4])
        #expect(config.problems[0].message == "max_attempts must be a whole number from 1 to 50")
        #expect(config.problems[2].message.contains("missed_after_minutes"), "a near miss is named: \(config.problems[2].message)")
        #expect(config.publishing == PublishPolicy())
    }

    @Test func rulesThatCannotWorkTogetherAreIgnoredWhole() {
        let config = Configuration.parse("[publishing]\nretry_first_seconds = 600\nretry_max_seconds = 60\n")
        #expect(config.problems.count == 1)
        #expect(config.problems[0].message.hasPrefix("[publishing] is ignored: retry delays"))
        #expect(config.publishing == PublishPolicy())
    }
}
