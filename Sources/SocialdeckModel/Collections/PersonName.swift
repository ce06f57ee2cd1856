import Foundation

/// How a person's name reads on screen.
public enum PersonName {
    /// "First Last", leaving out an empty part, so a missing first name shows no leading space.
    public static func full(_ first: String, _ last: String) -> String {
        [first, last].map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
