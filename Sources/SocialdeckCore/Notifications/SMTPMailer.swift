import CCurl
import Foundation
import SocialdeckModel

/// Sends one plain-text email over SMTP through libcurl, STARTTLS required unless the
/// settings name a relay on this machine.
public struct SMTPMailer: Sendable {
    public let settings: EmailSettings

    public init(settings: EmailSettings) { self.settings = settings }

    public enum Outcome: Sendable, Equatable {
        case sent
        /// A 5xx reply: this recipient or message will not be accepted by trying again.
        case refused(String)
        /// Not connected, timed out, TLS missing, a 4xx reply: worth another try later.
        case failed(String)
    }

    public func send(to recipient: String, subject: String, body: String, messageId: String, date: Date) -> Outcome {
        guard settings.isConfigured else { return .failed("no [email] settings") }
        if let problem = settings.problem { return .failed(problem) }
        let message = Self.message(from: settings.from, to: recipient, subject: subject, body: body, messageId: messageId, date: date)
        var result = sd_smtp_result()
        let bytes = Array(message.utf8)
        _ = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
                sd_smtp_send(settings.url, "<\(settings.from)>", "<\(recipient)>", pointer, bytes.count, settings.username,
                             settings.password, settings.caFile, settings.security == .starttls ? SD_SMTP_TLS_STARTTLS : SD_SMTP_TLS_NONE,
                             Int(settings.timeout * 1000), &result)
            }
        }
        if result.code == 0 { return .sent }
        let error = withUnsafeBytes(of: result.error) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        let why = result.reply > 0 ? "the server answered \(result.reply): \(error)" : error
        return (500...599).contains(result.reply) ? .refused(why) : .failed(why)
    }

    /// RFC 5322 with CRLF line ends: the subject as an encoded word when it is not ASCII,
    /// the body as UTF-8.
    static func message(from: String, to: String, subject: String, body: String, messageId: String, date: Date) -> String {
        // Scalars, not Characters: "\r\n" is one Character and would pass a Character filter.
        let oneLine = String(String.UnicodeScalarView(subject.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }))
        let encodedSubject = oneLine.allSatisfy(\.isASCII) ? oneLine : "=?UTF-8?B?\(Data(oneLine.utf8).base64EncodedString())?="
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        return [
            "From: socialdeck <\(from)>", "To: <\(to)>", "Subject: \(encodedSubject)", "Date: \(formatter.string(from: date))",
            "Message-ID: <\(messageId)>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit", "Auto-Submitted: auto-generated", "",
        ].joined(separator: "\r\n") + "\r\n" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
