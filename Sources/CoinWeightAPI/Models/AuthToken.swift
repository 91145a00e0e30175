public import Foundation

/// The bearer token `/user/login` and `/user/signup` hand out: a JWT (HS256).
///
/// The client reads its claims without verifying the signature, to know whose token it is
/// and when it expires. ``description`` never shows the token: print or log it freely.
/// Use ``rawValue`` only to build the `Authorization` header or to save it to a 0600 file.
public struct AuthToken: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The token text. Secret: do not log it.
    public let rawValue: String
    /// The claims of the token's payload, or `nil` when it is not a readable JWT.
    public let claims: Claims?

    /// The payload claims the API documents.
    public struct Claims: Codable, Hashable, Sendable {
        /// The user the token was issued to; `nil` when the payload has no `uid`.
        public var uid: UserID?
        /// The token's issuer as the server writes it; `nil` when the payload has no `iss`.
        public var iss: String?
        /// Expiry, seconds since the epoch.
        public var exp: Int64?
        /// The user's group, for example `group1`; `nil` when the payload has no `group`.
        public var group: String?
    }

    /// Wraps token text and reads its claims. Text that is not a readable JWT is kept too,
    /// with ``claims`` `nil`.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
        claims = Self.decodeClaims(rawValue)
    }

    /// When the token stops being accepted, if it says.
    public var expiresAt: Date? { claims?.exp.map { Date(timeIntervalSince1970: TimeInterval($0)) } }

    /// Whether the token's `exp` is at or before `now`. A token without `exp` never expires here.
    public func isExpired(at now: Date = Date()) -> Bool {
        guard let expiresAt else { return false }
        return expiresAt <= now
    }

    /// The token's `uid` and `exp`, the token itself redacted.
    public var description: String {
        let uid = claims?.uid?.rawValue ?? "?"
        let expiry = claims?.exp.map(String.init) ?? "none"
        return "AuthToken(uid: \(uid), exp: \(expiry), <redacted>)"
    }

    /// The same as ``description``: the token stays redacted.
    public var debugDescription: String { description }

    private static func decodeClaims(_ token: String) -> Claims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = Data(base64URLEncoded: String(parts[1])) else { return nil }
        return try? JSONDecoder().decode(Claims.self, from: payload)
    }
}

extension AuthToken: Codable {
    /// Decodes the JSON string the server sends as `authToken`.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the token text as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension Data {
    /// Decodes base64url text (RFC 4648 §5), padded or not.
    public init?(base64URLEncoded text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }

    /// Encodes as unpadded base64url text (RFC 4648 §5), as JWTs use.
    public func base64URLEncodedString() -> String {
        base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
