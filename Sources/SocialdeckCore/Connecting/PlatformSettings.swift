import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Where each platform is and socialdeck's app there: the publishing APIs, the OAuth
/// clients, and the fixed redirect port a platform may insist on (`[platforms]`).
public struct PlatformSettings: Sendable, Equatable {
    public var endpoints = PlatformEndpoints()
    public var oauth: [Platform: PlatformOAuth] = Dictionary(uniqueKeysWithValues: Platform.allCases.map { ($0, .standard($0)) })
    /// The loopback port for platforms whose app registers an exact redirect URI; 0 picks any.
    public var redirectPorts: [Platform: UInt16] = [:]

    public init() {}

    /// Every platform's API and sign-in on one base URL (a proxy, or a fake in tests);
    /// clients already set are kept.
    public mutating func moveAll(to base: String) {
        endpoints = PlatformEndpoints(allAt: base)
        for platform in Platform.allCases {
            let kept = oauth[platform]
            var moved = PlatformOAuth.allAt(base, platform)
            moved.clientId = kept?.clientId
            moved.clientSecret = kept?.clientSecret
            oauth[platform] = moved
        }
    }

    /// The publisher's client for live accounts, renewing their tokens as it goes.
    public func liveClient(store: any DocumentStore, vault: SecretVault, timeout: TimeInterval) -> LivePlatformClient {
        .connected(TokenRefresher(store: store, vault: vault, clients: oauth, timeout: timeout), endpoints: endpoints, timeout: timeout)
    }
}

extension PlatformSettings: CustomStringConvertible {
    /// Never the secrets: only whether each platform has a client.
    public var description: String {
        Platform.allCases.map { "\($0.configName): \(oauth[$0]?.clientId == nil ? "no app" : "app set")" }.joined(separator: ", ")
    }
}
