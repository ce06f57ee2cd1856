import Foundation
import SocialdeckCore
import SocialdeckModel
@testable import SocialdeckTerminal
import Testing

/// `[llm]` of config.toml: the agents' model, the embeddings model, per-agent models and
/// prices; the `SOCIALDECK_LLM_*` variables over the file; bad values named, not used.
@Suite("Configuration: [llm]")
struct ConfigurationLLMTests {
    @Test func theFileAndTheEnvironmentChooseTheModels() {
        var config = Configuration.parse("""
            [llm]
            provider = "openai"
            base_url = "http://127.0.0.1:11434/v1"
            model = "llama3.1"
            embedding_model = "nomic-embed-text"
            json_schema = false
            requests_per_minute = 30
            [llm.agents]
            content = "gpt-4o"
            [llm.prices]
            "gpt-4o" = [2.5, 10.0]
            """)
        #expect(config.problems.isEmpty, "\(config.problems)")
        #expect(config.llm.provider == .openai && config.llm.embeddingModel == "nomic-embed-text" && !config.llm.jsonSchema)
        #expect(config.llm.model(for: .content) == "gpt-4o" && config.llm.model(for: .strategy) == "llama3.1")
        #expect(config.llm.prices["gpt-4o"] == LLMPrice(inputPerMillion: 2.5, outputPerMillion: 10))
        config.applyLLMEnvironment(["SOCIALDECK_LLM_MODEL": "qwen2.5", "SOCIALDECK_LLM_EMBEDDING_MODEL": "text-embedding-3-small"])
        #expect(config.llm.model(for: .strategy) == "qwen2.5" && config.llm.embeddingModel == "text-embedding-3-small")
    }

    @Test func badValuesAreNamedAndNotUsed() {
        let config = Configuration.parse("""
            [llm]
            provider = "hal9000"
            embedding_model = ""
            requests_per_minute = 0
            """)
        #expect(config.problems.count == 3, "\(config.problems)")
        #expect(config.llm.provider == .offline && config.llm.embeddingModel == nil && config.llm.requestsPerMinute == 60)
    }
}
