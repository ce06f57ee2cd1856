import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel

/// PKCE against RFC 7636's own example, and the form encoding the token requests use.
@Suite("PKCE and form encoding")
struct PKCETests {
    /// RFC 7636, Appendix B.
    @Test func theRFCsExampleVerifierGivesItsChallenge() {
        #expect(PKCE(verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    }

    @Test func randomVerifiersAre43UnreservedCharactersAndNeverRepeat() throws {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        var seen = Set<String>()
        for _ in 0..<200 {
            let v = try PKCE.random().verifier
            #expect(v.count == 43 && v.allSatisfy(allowed.contains))
            seen.insert(v)
        }
        #expect(seen.count == 200)
        #expect(try PKCE.state() != PKCE.state())
    }

    @Test func formsKeepUnreservedCharactersAndEncodeTheRest() {
        let encoded = FormEncoding.encode([("redirect_uri", "http://127.0.0.1:8765/callback"), ("scope", "tweet.read offline.access"),
                                           ("note", "a+b=c&d ünï")])
        #expect(encoded == "redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback&scope=tweet.read%20offline.access&note=a%2Bb%3Dc%26d%20%C3%BCn%C3%AF")
        #expect(FormEncoding.decode(encoded) == ["redirect_uri": "http://127.0.0.1:8765/callback", "scope": "tweet.read offline.access",
                                                 "note": "a+b=c&d ünï"])
        #expect(FormEncoding.decode("code=a+b") == ["code": "a b"], "a + in a query is a space")
        #expect(FormEncoding.decode("code=%zz") == nil)
        #expect(FormEncoding.decode("code=%ff") == nil, "not UTF-8")
    }

    @Test func theConsentAddressCarriesTheChallengeNotTheVerifier() throws {
        var oauth = PlatformOAuth.standard(.tiktok)
        oauth.clientId = "awx1"
        let pkce = try PKCE.random()
        let url = try oauth.authorizationURL(redirect: "http://127.0.0.1:9/callback", pkce: pkce, state: "st")
        #expect(url.hasPrefix("https://www.tiktok.com/v2/auth/authorize/?response_type=code&client_key=awx1&"))
        #expect(url.contains("scope=user.info.basic%2Cvideo.publish"), "TikTok separates scopes with commas")
        #expect(url.contains("code_challenge=\(pkce.challenge)&code_challenge_method=S256"))
        #expect(!url.contains(pkce.verifier))
        #expect(throws: CoreError.self) { try PlatformOAuth.standard(.twitter).authorizationURL(redirect: "x", pkce: pkce, state: "s") }
    }

    @Test func xTakesAConfidentialClientInBasicAuthOthersInTheForm() throws {
        var x = PlatformOAuth.standard(.twitter)
        x.clientId = "cid"
        x.clientSecret = "shh"
        let request = try x.refreshRequest(refreshToken: "rt", accessToken: "at")
        #expect(request.headers["Authorization"] == "Basic Y2lkOnNoaA==")
        #expect(request.body == "grant_type=refresh_token&refresh_token=rt")
        #expect(request.redactedHeaders["Authorization"] == "[redacted]")
        var linkedin = PlatformOAuth.standard(.linkedin)
        linkedin.clientId = "li"
        linkedin.clientSecret = "s2"
        #expect(try linkedin.refreshRequest(refreshToken: "rt", accessToken: "at").body
                == "grant_type=refresh_token&refresh_token=rt&client_id=li&client_secret=s2")
        var meta = PlatformOAuth.standard(.instagram)
        meta.clientId = "app"
        #expect(throws: CoreError.self, "Meta renews with the app secret") { try meta.refreshRequest(refreshToken: nil, accessToken: "at") }
        meta.clientSecret = "sec"
        #expect(try meta.refreshRequest(refreshToken: nil, accessToken: "at").body
                == "grant_type=fb_exchange_token&fb_exchange_token=at&client_id=app&client_secret=sec")
    }
}
