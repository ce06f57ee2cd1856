import CCurl
import Foundation

/// What came of one HTTP request.
public enum HTTPResult: Sendable, Equatable {
    /// An answer, with header names in lower case.
    case answered(status: Int, headers: [String: String], body: String)
    /// No answer. `sent` says whether any of the request left: if it did, the platform
    /// may have acted on it.
    case failed(sent: Bool, message: String)
}

/// Sends a ``PlatformRequest`` with libcurl (opened on first use).
public enum HTTPExchange {
    public static func send(_ request: PlatformRequest, timeout: TimeInterval) -> HTTPResult {
        let headers = request.headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        var response = sd_http_response()
        defer { sd_http_response_free(&response) }
        let timeoutMs = max(1, Int(timeout * 1000))
        let connectMs = min(timeoutMs, 10_000)
        withCStringArray(headers) { pointers in
            _ = request.body.withCString { body in
                sd_http_perform(request.method, request.url, pointers, Int32(headers.count), body, request.body.utf8.count,
                                timeoutMs, connectMs, &response)
            }
        }
        guard response.code == 0 else {
            let message = withUnsafeBytes(of: response.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            return .failed(sent: response.request_size > 0, message: message)
        }
        let body = response.body.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: response.body_length), as: UTF8.self) } ?? ""
        let block = response.headers.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: response.headers_length), as: UTF8.self) } ?? ""
        return .answered(status: response.status, headers: parseHeaders(block), body: body)
    }

    /// The last response's headers (after any 100 Continue), names lower-cased.
    static func parseHeaders(_ block: String) -> [String: String] {
        var headers: [String: String] = [:]
        for line in block.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("HTTP/") { headers = [:]; continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] =
                line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return headers
    }

    private static func withCStringArray<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        // A trailing nil, so the array is never empty and its base address never nil.
        let pointers = copies.map { UnsafePointer<CChar>($0) } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
