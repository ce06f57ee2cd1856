/// How long a post's text is, counted the way each platform counts it: X with twitter-text
/// v3's weights (`TwitterText`), the others in UTF-16 code units (see `PlatformRules`).
public enum PostLength {
    public static func count(_ text: String, on platform: Platform) -> Int {
        PlatformRules.of(platform).count(text)
    }
}
