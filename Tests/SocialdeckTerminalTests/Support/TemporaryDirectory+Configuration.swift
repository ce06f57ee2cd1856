import SocialdeckTestSupport

extension TemporaryDirectory {
    /// `XDG_CONFIG_HOME` pointing here: themes go in `socialdeck/themes`, settings in `socialdeck/config.toml`.
    var environment: [String: String] { ["XDG_CONFIG_HOME": path, "HOME": "/nonexistent"] }
}
