/// The raw material of the demo workspace: names and words a newcomer will recognise.
enum DemoCatalog {
    struct Company {
        let name: String
        let slug: String
        let domain: String
        let industry: String
        let audience: String
        let voice: String
        let topics: [String]
        let hashtags: [String]
    }

    static let companies: [Company] = [
        Company(name: "Acme Coffee Roasters", slug: "acme", domain: "acmecoffee.example", industry: "Food & drink",
                audience: "Home baristas, 25-45", voice: "Warm and nerdy",
                topics: ["our new Ethiopian single origin", "the perfect pour-over ratio", "weekend cupping sessions", "compostable bags"],
                hashtags: ["coffee", "specialtycoffee", "pourover", "roastery"]),
        Company(name: "Northwind Outdoor", slug: "northwind", domain: "northwind.example", industry: "Retail",
                audience: "Hikers and campers", voice: "Adventurous, practical",
                topics: ["the autumn trail guide", "our repair programme", "ultralight tents", "a sunrise hike checklist"],
                hashtags: ["hiking", "outdoors", "gear", "leavenotrace"]),
        Company(name: "Lumen Health", slug: "lumen", domain: "lumenhealth.example", industry: "Healthcare",
                audience: "Busy professionals", voice: "Calm and expert",
                topics: ["sleep hygiene", "the new telehealth app", "desk stretches", "flu season tips"],
                hashtags: ["wellness", "health", "sleep", "selfcare"]),
        Company(name: "Pixel Forge Studio", slug: "pixelforge", domain: "pixelforge.example", industry: "Games",
                audience: "Indie game fans", voice: "Playful",
                topics: ["the beta launch", "a devlog on procedural maps", "fan art Friday", "the soundtrack release"],
                hashtags: ["indiedev", "gamedev", "pixelart", "indiegame"]),
        Company(name: "Harbor & Pine Realty", slug: "harborpine", domain: "harborpine.example", industry: "Real estate",
                audience: "First-time buyers", voice: "Friendly, trustworthy",
                topics: ["this week's open houses", "mortgage myths", "staging on a budget", "neighbourhood spotlights"],
                hashtags: ["realestate", "homebuying", "openhouse", "newhome"]),
        Company(name: "Brightside Bakery", slug: "brightside", domain: "brightside.example", industry: "Food & drink",
                audience: "Local families", voice: "Cheerful",
                topics: ["sourdough Saturdays", "the pumpkin loaf", "kids' baking class", "our zero-waste pledge"],
                hashtags: ["bakery", "sourdough", "shoplocal", "freshbread"]),
        Company(name: "Quantum Ledger", slug: "qledger", domain: "qledger.example", industry: "Fintech",
                audience: "Small-business owners", voice: "Clear, confident",
                topics: ["quarterly tax deadlines", "the new invoicing API", "cash-flow planning", "a customer story"],
                hashtags: ["fintech", "smallbusiness", "accounting", "startup"]),
        Company(name: "Verdant Gardens", slug: "verdant", domain: "verdant.example", industry: "Home & garden",
                audience: "Urban gardeners", voice: "Gentle and curious",
                topics: ["balcony tomatoes", "the seed swap", "indoor ferns", "composting 101"],
                hashtags: ["gardening", "urbangarden", "plants", "growyourown"]),
    ]

    static let firstNames = ["Ana", "Ben", "Chloé", "Dmitri", "Elif", "Farah", "Goran", "Hana", "Ines", "Jonas", "Kwame",
                             "Lena", "Mateo", "Nia", "Oskar", "Priya", "Quinn", "Rosa", "Sven", "Tomás", "Uma", "Vera",
                             "Wei", "Ximena", "Yusuf", "Zoë", "陈", "さくら"]
    static let lastNames = ["Almeida", "Brandt", "Chen", "Dubois", "Eriksen", "Fischer", "García", "Haddad", "Ivanova",
                            "Jensen", "Kowalski", "López", "Müller", "Nakamura", "Okafor", "Petrov", "Rossi", "Schmidt",
                            "Tanaka", "Usman", "Varga", "Weber", "Yilmaz", "Zhang"]
    static let timezones = ["Europe/Berlin", "America/New_York", "Europe/London", "Asia/Tokyo", "America/Los_Angeles",
                            "Australia/Sydney", "UTC"]

    static let openers = ["Have you tried", "Say hello to", "Behind the scenes of", "Three things we learned about",
                          "Why we love", "Quick tip:", "This week:", "Ask us anything about", "New on the blog:"]
    static let closers = ["Tell us what you think 👇", "Link in bio.", "Share with a friend who needs this.",
                          "Save this for later ✨", "Reply with your questions.", "See you there!", ""]

    static let prompts = ["Write an upbeat post about {topic} for {platform}",
                          "Promote {topic} to {audience} in a {voice} tone",
                          "Turn the latest insight about {topic} into a short post"]
}
