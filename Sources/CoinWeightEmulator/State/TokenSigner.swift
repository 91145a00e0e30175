import CoinWeightAPI
import Crypto
import Foundation

/// Issues and checks the emulator's HS256 JWTs (`uid`, `iss`, `exp`, `group`, plus `gen`,
/// the revocation generation the token was issued in).
struct TokenSigner: Sendable {
    /// The HMAC key's bytes (`SymmetricKey` itself is not `Sendable`).
    private let keyBytes: Data
    private static let header = Data(#"{"typ":"JWT","alg":"HS256"}"#.utf8).base64URLEncodedString()

    /// The claims the emulator writes and reads back.
    struct Claims: Codable {
        var uid: Int
        var iss: String
        var exp: Int64
        var group: String
        var gen: Int
    }

    init(key: SymmetricKey = SymmetricKey(size: .bits256)) { keyBytes = key.withUnsafeBytes { Data($0) } }

    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    func sign(_ claims: Claims) -> String {
        let payload = (try? JSONEncoder().encode(claims)) ?? Data()
        let signingInput = "\(Self.header).\(payload.base64URLEncodedString())"
        return "\(signingInput).\(signature(of: signingInput))"
    }

    /// The claims of a token whose signature is this signer's, or `nil`. Expiry is the caller's check.
    func verify(_ token: String) -> Claims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        let signingInput = "\(parts[0]).\(parts[1])"
        guard let given = Data(base64URLEncoded: String(parts[2])),
            HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: Data(signingInput.utf8), using: key),
            let payload = Data(base64URLEncoded: String(parts[1]))
        else { return nil }
        return try? JSONDecoder().decode(Claims.self, from: payload)
    }

    private func signature(of input: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: key)).base64URLEncodedString()
    }
}
