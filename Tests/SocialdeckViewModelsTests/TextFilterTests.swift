import SocialdeckModel
import SocialdeckViewModels
import Testing

@Suite("Text filter")
struct TextFilterTests {
    @Test func noWordsMatchEveryItem() {
        for text in ["", "   ", "\t\n"] {
            let filter = TextFilter(text)
            #expect(!filter.isActive)
            #expect(filter.matches(texts: ["Weekend cupping", "Body", "Ana", "Acme"], platforms: [.twitter]))
            #expect(filter.matches(texts: [], platforms: []))
        }
    }

    @Test func wordsStillMatchWhateverTheCase() {
        let filter = TextFilter("WEEKEND acme")
        #expect(filter.isActive)
        #expect(filter.matches(texts: ["Weekend cupping", "", "Ana", "Acme Coffee"], platforms: [.linkedin]))
        #expect(!filter.matches(texts: ["Weekend cupping", "", "Ana", "Northwind"], platforms: [.linkedin]))
    }

    @Test func aBadgeWordMeansItsPlatformOnly() {
        let filter = TextFilter("tt")
        #expect(filter.matches(texts: ["Anything"], platforms: [.tiktok]))
        #expect(!filter.matches(texts: ["Butter"], platforms: [.twitter]))
    }
}
