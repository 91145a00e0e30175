import Foundation

/// Turns an HTTP response into an endpoint's value or a ``CoinWeightError``.
///
/// The order of checks follows NOTES.md: 403 is an authentication failure; 429 and 5xx are
/// transient; a business refusal arrives as HTTP 200 with `success:false`, so the body decides.
struct ResponseReader<Response: Sendable> {
    let endpoint: Endpoint<Response>
    let response: HTTPResponse
    /// The token sent with the request, kept out of excerpts.
    let token: AuthToken?

    func read() throws(CoinWeightError) -> Response {
        let status = response.status
        switch status {
        case 403:
            throw .authenticationFailed(endpoint: endpoint.name)
        case 429:
            throw .transient(endpoint: endpoint.name, .rateLimited(retryAfter: retryAfter))
        case 500...599:
            throw .transient(endpoint: endpoint.name, .serverError(status: status))
        case 200...299:
            break
        default:
            if let head = try? decoder.decode(EnvelopeHead.self, from: response.body), !head.success, let code = head.code {
                throw .rejected(businessError(code: code, message: head.message))
            }
            throw .unexpectedStatus(endpoint: endpoint.name, status: status, excerpt: excerpt)
        }
        let answer: Endpoint<Response>.Answer
        do {
            answer = try endpoint.decode(response.body, decoder)
        } catch {
            throw malformed(error)
        }
        if let head = answer.head, !head.success {
            let code = head.code ?? -1
            if code == 403 { throw .authenticationFailed(endpoint: endpoint.name) }
            throw .rejected(businessError(code: code, message: head.message))
        }
        guard let payload = answer.payload else {
            throw malformed(DecodingError.valueNotFound(Response.self, .init(codingPath: [AnyCodingKey("data")], debugDescription: "data is null")))
        }
        return payload
    }

    private var decoder: JSONDecoder { JSONDecoder() }

    /// `Retry-After` as delay-seconds or an HTTP date.
    private var retryAfter: Duration? {
        guard let value = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Int(value), seconds >= 0 { return .seconds(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .seconds(max(0, Int(date.timeIntervalSinceNow.rounded(.up))))
    }

    private func businessError(code: Int, message: String?) -> BusinessError {
        let order = (try? decoder.decode(Envelope<Order>.self, from: response.body))?.data
        return BusinessError(endpoint: endpoint.name, code: code, message: message, reason: endpoint.errors.reason(for: code), order: order)
    }

    private func malformed(_ error: any Error) -> CoinWeightError {
        let redactor = Redactor(knownSecret: token?.rawValue)
        return .malformedResponse(
            endpoint: endpoint.name, status: response.status, reason: redactor.redact(Self.oneLine(Self.summary(of: error))), excerpt: excerpt)
    }

    /// The start of the body on one line, with anything token-like or secret replaced.
    var excerpt: String {
        Redactor(knownSecret: token?.rawValue).redact(Self.oneLine(String(decoding: response.body.prefix(240), as: UTF8.self)))
    }

    /// `text` with each run of line breaks, tabs and other control characters made one space:
    /// a reason or excerpt quotes the server's bytes, and its message must stay one line on a
    /// terminal or in a log.
    static func oneLine(_ text: String) -> String {
        text.unicodeScalars.split { CharacterSet.whitespacesAndNewlines.union(.controlCharacters).contains($0) }
            .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    /// A one-line reason from a decoding error: what was wrong and where.
    static func summary(of error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            // An array element's key is "Index N"; a member named "1" also has an intValue.
            let joined = context.codingPath.map { key in
                key.intValue.flatMap { key.stringValue == "Index \($0)" ? "[\($0)]" : nil } ?? ".\(key.stringValue)"
            }.joined()
            return joined.isEmpty ? "the body" : joined
        }
        switch decodingError {
        case .typeMismatch(let type, let context): return "\(path(context)): expected \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)): missing \(type)"
        case .keyNotFound(let key, let context): return "\(path(context)): missing key \(key.stringValue)"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return String(describing: decodingError)
        }
    }
}
