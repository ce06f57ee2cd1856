extension Unicode.Scalar {
    /// "U+0007", for messages and markers about characters that cannot be shown.
    public var codeDescription: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
