import Foundation

/// Checks a model's answer against the JSON schema it was asked to follow: the subset the
/// agents' schemas use (`type`, `properties`, `required`, `additionalProperties: false`,
/// `items`, `minItems`/`maxItems`, `enum`, `minLength`/`maxLength`, `minimum`/`maximum`).
/// A model's text is untrusted input; what fails here is sent back for a repair or refused.
public enum JSONSchemaCheck {
    /// The parsed answer, or every way it breaks the schema (paths like `$.drafts[1].text`).
    public static func parse(_ text: String, schema: String) -> Result<Any, Failure> {
        guard let rules = (try? JSONSerialization.jsonObject(with: Data(schema.utf8))) as? [String: Any] else {
            return .failure(Failure(problems: ["the schema itself is not JSON"]))
        }
        guard let value = try? JSONSerialization.jsonObject(with: Data(unfenced(text).utf8), options: [.fragmentsAllowed]) else {
            return .failure(Failure(problems: ["the answer is not JSON"]))
        }
        var problems: [String] = []
        check(value, rules, at: "$", into: &problems)
        return problems.isEmpty ? .success(value) : .failure(Failure(problems: problems))
    }

    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var problems: [String]
        public var description: String { problems.prefix(8).joined(separator: "; ") }
    }

    /// Models often wrap JSON in a Markdown fence; the fence is not part of the answer.
    static func unfenced(_ text: String) -> String {
        var t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.hasPrefix("```") {
            t = String(t.drop { $0 != "\n" }.dropFirst())
            if t.hasSuffix("```") { t = String(t.dropLast(3)) }
        }
        return t
    }

    private static func check(_ value: Any, _ rules: [String: Any], at path: String, into problems: inout [String]) {
        if let allowed = rules["enum"] as? [Any], !allowed.contains(where: { same($0, value) }) {
            problems.append("\(path) is not one of the allowed values")
        }
        guard let type = rules["type"] as? String else { return }
        switch type {
        case "object":
            guard let object = value as? [String: Any] else { return problems.append("\(path) should be an object") }
            let properties = rules["properties"] as? [String: Any] ?? [:]
            for key in rules["required"] as? [String] ?? [] where object[key] == nil || object[key] is NSNull {
                problems.append("\(path).\(key) is missing")
            }
            if rules["additionalProperties"] as? Bool == false {
                for key in object.keys.sorted() where properties[key] == nil { problems.append("\(path).\(key) is not expected") }
            }
            for (key, sub) in properties.sorted(by: { $0.key < $1.key }) {
                if let v = object[key], !(v is NSNull), let sub = sub as? [String: Any] { check(v, sub, at: "\(path).\(key)", into: &problems) }
            }
        case "array":
            guard let array = value as? [Any] else { return problems.append("\(path) should be an array") }
            if let min = rules["minItems"] as? Int, array.count < min { problems.append("\(path) has \(array.count) items, fewer than \(min)") }
            if let max = rules["maxItems"] as? Int, array.count > max { problems.append("\(path) has \(array.count) items, more than \(max)") }
            if let items = rules["items"] as? [String: Any] {
                for (i, v) in array.enumerated() { check(v, items, at: "\(path)[\(i)]", into: &problems) }
            }
        case "string":
            guard let string = value as? String else { return problems.append("\(path) should be a string") }
            if let min = rules["minLength"] as? Int, string.count < min { problems.append("\(path) is shorter than \(min) characters") }
            if let max = rules["maxLength"] as? Int, string.count > max { problems.append("\(path) is longer than \(max) characters") }
        case "number", "integer":
            guard let number = value as? NSNumber, !isBool(number) else { return problems.append("\(path) should be a number") }
            if type == "integer", number.doubleValue.rounded() != number.doubleValue { problems.append("\(path) should be a whole number") }
            if let min = (rules["minimum"] as? NSNumber)?.doubleValue, number.doubleValue < min { problems.append("\(path) is below \(min)") }
            if let max = (rules["maximum"] as? NSNumber)?.doubleValue, number.doubleValue > max { problems.append("\(path) is above \(max)") }
        case "boolean":
            guard let number = value as? NSNumber, isBool(number) else { return problems.append("\(path) should be true or false") }
        default:
            break
        }
    }

    /// JSON true and false arrive as NSNumbers of type `c` (char).
    private static func isBool(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

    private static func same(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (let x as String, let y as String): return x == y
        case (let x as NSNumber, let y as NSNumber): return x == y
        default: return false
        }
    }
}
