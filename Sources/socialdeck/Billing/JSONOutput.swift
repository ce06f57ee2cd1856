import Foundation
import SocialdeckModel

/// `--json` output: one JSON document on standard output, keys sorted so a script (or a
/// diff) sees the same text for the same data. Control characters in strings are
/// escaped by JSON itself.
enum JSONOutput {
    static func print(_ object: Any) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        Swift.print(String(decoding: data, as: UTF8.self))
    }

    /// A date as the store writes it in extended JSON: ISO 8601 in UTC with milliseconds.
    static func date(_ date: Date?) -> Any { date.map { ISODate.string(from: $0) } ?? NSNull() }

    /// Money rounded to cents, as a number.
    static func money(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
