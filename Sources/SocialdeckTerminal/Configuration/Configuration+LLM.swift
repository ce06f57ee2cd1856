import Foundation
import SocialdeckCore
import SocialdeckModel

/// `[llm]` of `config.toml`: the agents' model. `SOCIALDECK_LLM_PROVIDER`,
/// `SOCIALDECK_LLM_BASE_URL` and `SOCIALDECK_LLM_MODEL` win over the file. Keys never go
/// here: `OPENAI_API_KEY`, `ANTHROPIC_API_KEY`, or `key_file`.
///
/// ```toml
/// [llm]
/// provider = "openai"                # "offline" (the default), "openai" or "anthropic"
/// base_url = "http://127.0.0.1:11434/v1"   # Ollama, vLLM, llama.cpp's server…
/// model = "llama3.1"
/// json_schema = false                # for servers that only know JSON mode
/// requests_per_minute = 30
/// timeout_seconds = 60
/// key_file = "openai.key"            # mode 0600, beside config.toml
///
/// [llm.agents]
/// content = "gpt-4o"
///
/// [llm.prices]
/// "gpt-4o" = [2.50, 10.00]           # dollars per million tokens in, out
/// ```
extension Configuration {
    static let llmKeys = ["provider", "base_url", "model", "embedding_model", "image_model", "image_directory", "image_price", "json_schema", "requests_per_minute", "timeout_seconds", "key_file", "agents", "prices"]

    mutating func applyLLM(_ table: TOMLTable) {
        for entry in table.entries {
            let at = entry.valuePosition
            switch entry.key {
            case "provider":
                guard let name = entry.value.stringValue, let provider = LLMSettings.Provider(rawValue: name) else {
                    report(at, "provider must be \"offline\", \"openai\" or \"anthropic\""); continue
                }
                llm.provider = provider
            case "base_url":
                guard let url = entry.value.stringValue, Self.isHTTPURL(url) else { report(at, "base_url must be an http:// or https:// address"); continue }
                llm.baseURL = url
            case "model":
                guard let model = entry.value.stringValue, !model.isEmpty, model.count <= 200 else { report(at, "model must be a model's name"); continue }
                llm.model = model
            case "embedding_model":
                guard let model = entry.value.stringValue, !model.isEmpty, model.count <= 200 else { report(at, "embedding_model must be a model's name"); continue }
                llm.embeddingModel = model
            case "image_model":
                guard let model = entry.value.stringValue, !model.isEmpty, model.count <= 200 else { report(at, "image_model must be a model's name"); continue }
                llm.imageModel = model
            case "image_directory":
                guard let dir = entry.value.stringValue, dir.hasPrefix("/") else { report(at, "image_directory must be an absolute path"); continue }
                llm.imageDirectory = dir
            case "image_price":
                guard let price = entry.value.doubleValue, (0...10).contains(price) else { report(at, "image_price must be dollars per image, 0 to 10"); continue }
                llm.imagePrice = price
            case "json_schema":
                guard let on = entry.value.boolValue else { report(at, "json_schema must be true or false"); continue }
                llm.jsonSchema = on
            case "requests_per_minute":
                guard let n = entry.value.integerValue, (1...10_000).contains(n) else { report(at, "requests_per_minute must be 1 to 10000"); continue }
                llm.requestsPerMinute = Int(n)
            case "timeout_seconds":
                guard let n = entry.value.doubleValue, (1...600).contains(n) else { report(at, "timeout_seconds must be 1 to 600"); continue }
                llm.timeout = n
            case "key_file":
                guard let path = entry.value.stringValue, !path.isEmpty else { report(at, "key_file must be a path"); continue }
                llm.keyFile = Self.expand(path, relativeTo: file)
            case "agents":
                guard let agents = entry.value.tableValue else { report(at, "[llm.agents] must be a table of agent = \"model\""); continue }
                for agent in agents.entries {
                    guard let type = AgentType(rawValue: agent.key), let model = agent.value.stringValue, !model.isEmpty else {
                        report(agent.keyPosition, "[llm.agents] takes one of \(AgentType.allCases.map(\.rawValue).joined(separator: ", ")) = \"model\"")
                        continue
                    }
                    llm.agentModels[type] = model
                }
            case "prices":
                guard let prices = entry.value.tableValue else { report(at, "[llm.prices] must be a table of \"model\" = [in, out]"); continue }
                for price in prices.entries {
                    guard let pair = price.value.arrayValue?.compactMap(\.doubleValue), pair.count == 2, pair.allSatisfy({ $0 >= 0 }) else {
                        report(price.valuePosition, "a price is [dollars per million tokens in, out], such as [2.50, 10.00]")
                        continue
                    }
                    llm.prices[price.key] = LLMPrice(inputPerMillion: pair[0], outputPerMillion: pair[1])
                }
            default:
                report(entry.keyPosition, Suggestion.message("unknown setting '\(entry.key)' in [llm]", for: entry.key, in: Self.llmKeys,
                                                             otherwise: "[llm] has \(Self.llmKeys.joined(separator: ", "))"))
            }
        }
    }

    /// The `SOCIALDECK_LLM_*` variables over the file.
    mutating func applyLLMEnvironment(_ environment: [String: String]) {
        if let name = environment["SOCIALDECK_LLM_PROVIDER"], !name.isEmpty {
            if let provider = LLMSettings.Provider(rawValue: name) {
                llm.provider = provider
            } else {
                problems.append(ConfigurationProblem(file: nil, line: nil, message: "SOCIALDECK_LLM_PROVIDER must be offline, openai or anthropic"))
            }
        }
        if let url = environment["SOCIALDECK_LLM_BASE_URL"], !url.isEmpty { llm.baseURL = url }
        if let model = environment["SOCIALDECK_LLM_MODEL"], !model.isEmpty { llm.model = model }
        if let model = environment["SOCIALDECK_LLM_EMBEDDING_MODEL"], !model.isEmpty { llm.embeddingModel = model }
        if let model = environment["SOCIALDECK_LLM_IMAGE_MODEL"], !model.isEmpty { llm.imageModel = model }
    }
}
