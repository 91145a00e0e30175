import Foundation

/// Removes tokens and secrets from text that may reach a log or an error message.
struct Redactor {
    /// A secret known to the caller (the current token), removed wherever it appears.
    var knownSecret: String?

    private static let patterns: [NSRegularExpression] = [
        // JWT-looking runs: header.payload.signature, base64url.
        #"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*"#,
        // Values of fields that carry credentials.
        #"("(?:authToken|secretKey|password)"\s*:\s*")[^"]*"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    func redact(_ text: String) -> String {
        var result = text
        if let knownSecret, !knownSecret.isEmpty {
            result = result.replacingOccurrences(of: knownSecret, with: "<redacted>")
        }
        for (index, pattern) in Self.patterns.enumerated() {
            let range = NSRange(result.startIndex..., in: result)
            result = pattern.stringByReplacingMatches(in: result, range: range, withTemplate: index == 0 ? "<redacted>" : "$1<redacted>")
        }
        return result
    }
}
