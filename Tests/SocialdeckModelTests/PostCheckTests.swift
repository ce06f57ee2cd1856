import Testing
import SocialdeckModel

/// Each platform's count, limit and the reasons a post cannot go there.
@Suite("Post checks per platform")
struct PostCheckTests {
    let photo = ["https://cdn.acme.example.com/winter.jpg"]

    @Test func limitsAndUnits() {
        #expect(PlatformRules.of(.twitter).textLimit == 280)
        #expect(PlatformRules.of(.instagram).textLimit == 2_200)
        #expect(PlatformRules.of(.linkedin).textLimit == 3_000)
        #expect(PlatformRules.of(.facebook).textLimit == 63_206)
        #expect(PlatformRules.of(.tiktok).textLimit == 2_200)
        #expect(PlatformRules.of(.twitter).unit == .twitterWeighted)
        for platform in Platform.allCases where platform != .twitter {
            #expect(PlatformRules.of(platform).unit == .utf16CodeUnits)
        }
    }

    @Test func eachLimitIsReachedExactly() {
        for platform in Platform.allCases {
            let limit = PlatformRules.of(platform).textLimit
            let fits = PostCheck(text: String(repeating: "a", count: limit), media: photo, on: platform)
            #expect(fits.canPost, "\(platform)")
            #expect(fits.count == limit)
            let over = PostCheck(text: String(repeating: "a", count: limit + 1), media: photo, on: platform)
            #expect(over.reasons == [.tooLong(count: limit + 1, limit: limit)], "\(platform)")
        }
    }

    @Test func xWeighsAndTheOthersCountCodeUnits() {
        let text = "Winter is here ❄️ https://acme.example.com/winter/collection/2026"
        #expect(PostCheck(text: text, on: .twitter).count == 15 + 2 + 1 + 23)
        #expect(PostCheck(text: text, on: .linkedin).count == text.utf16.count)
        // 1,100 emoji are 2,200 UTF-16 units: TikTok's documented limit, reached exactly.
        let emoji = String(repeating: "😀", count: 1_100)
        #expect(PostCheck(text: emoji, media: photo, on: .tiktok).canPost)
        #expect(!PostCheck(text: emoji + "!", media: photo, on: .tiktok).canPost)
    }

    @Test func instagramTakesFiveHashtags() {
        let five = "New jackets #winter #recycled #outdoors #zugspitze #acme"
        #expect(PlatformRules.hashtags(in: five).map(String.init) == ["winter", "recycled", "outdoors", "zugspitze", "acme"])
        #expect(PostCheck(text: five, media: photo, on: .instagram).canPost)
        let six = five + " #acme"
        #expect(PostCheck(text: six, media: photo, on: .instagram).reasons == [.tooManyHashtags(count: 6, limit: 5)])
        // Other platforms do not limit them.
        #expect(PostCheck(text: six, on: .linkedin).canPost)
    }

    @Test func hashtagsAreCountedAsInstagramLinksThem() {
        func tags(_ text: String) -> [String] { PlatformRules.hashtags(in: text).map(String.init) }
        #expect(tags("#café #日本 #über_cool #2026 #a1") == ["café", "日本", "über_cool", "2026", "a1"])
        #expect(tags("#sun set") == ["sun"])
        #expect(tags("#travel! #foo-bar #x😀y") == ["travel", "foo", "x"])
        #expect(tags("# alone ## #") == [])
        #expect(tags("mail#tag a#b") == [])  // inside a word it is not a tag
        #expect(tags("#one#two") == ["one"])
        #expect(tags("(#paren) \n#line") == ["paren", "line"])
    }

    @Test func instagramAndTikTokNeedMedia() {
        #expect(PostCheck(text: "Hello", on: .instagram).reasons == [.needsMedia])
        #expect(PostCheck(text: "Hello", on: .tiktok).reasons == [.needsMedia])
        #expect(PostCheck(text: "Hello", media: ["/home/lena/clip.mp4"], on: .tiktok).canPost)
        for platform in [Platform.twitter, .facebook, .linkedin] {
            #expect(PostCheck(text: "Hello", on: platform).canPost, "\(platform)")
        }
    }

    @Test func instagramFetchesMediaFromAPublicURL() {
        #expect(PostCheck(text: "Hi", media: photo, on: .instagram).canPost)
        for local in ["/home/lena/winter.jpg", "winter.jpg", "file:///tmp/winter.jpg", "http://localhost:8080/a.jpg",
                      "http://127.0.0.1/a.jpg", "https://192.168.1.20/a.jpg", "http://10.0.0.5/a.jpg", "http://[::1]/a.jpg",
                      "https://printer.local/a.jpg", "ftp://cdn.example.com/a.jpg", "https://intranet/a.jpg"] {
            #expect(PostCheck(text: "Hi", media: [local], on: .instagram).reasons == [.mediaNotPublic(local)], "\(local)")
        }
        #expect(PostCheck.isPublicURL("https://93.184.216.34/a.jpg"))
        #expect(PostCheck.isPublicURL("HTTP://CDN.EXAMPLE.COM/A.JPG"))
        // TikTok uploads files itself, so a local path is fine there.
        #expect(PostCheck(text: "Hi", media: ["/home/lena/winter.jpg"], on: .tiktok).canPost)
    }

    @Test func xRefusesBlankTextAndInvalidCharactersButTakesMediaAlone() {
        #expect(PostCheck(text: "  ", on: .twitter).reasons == [.empty])
        #expect(PostCheck(text: "  ", media: photo, on: .twitter).canPost)
        #expect(PostCheck(text: "a\u{FFFF}", on: .twitter).reasons == [.invalidCharacters])
        let long = String(repeating: "a", count: 281) + "\u{FEFF}"
        #expect(PostCheck(text: long, on: .twitter).reasons == [.tooLong(count: 283, limit: 280), .invalidCharacters])
        #expect(PostCheck(text: "", on: .linkedin).reasons == [.empty])
    }

    @Test func reasonsReadAsSentences() {
        #expect(PostCheck.Reason.tooLong(count: 295, limit: 280).description == "15 over the limit of 280")
        #expect(PostCheck.Reason.tooManyHashtags(count: 6, limit: 5).description == "6 hashtags; at most 5")
        #expect(PostCheck.Reason.needsMedia.description == "needs a photo or a video")
        #expect(PostCheck.Reason.mediaNotPublic("/tmp/a.jpg").description == "media must be at a public http(s) URL, not /tmp/a.jpg")
    }
}
