public import Foundation

/// Which base URLs a client may talk to.
///
/// `https://` always; plain `http://` only to this machine (loopback addresses and
/// `localhost`), unless the caller opts in: a token must not cross a network in clear text.
public enum EndpointPolicy {
    /// Whether `url` may be used as a base URL.
    public static func permits(_ url: URL, allowInsecureHTTP: Bool) -> Bool {
        switch url.scheme?.lowercased() {
        case "https": return url.host != nil
        case "http": return allowInsecureHTTP || isLoopback(host: url.host)
        default: return false
        }
    }

    /// Whether `host` names this machine: `localhost`, 127.0.0.0/8 or `::1`.
    public static func isLoopback(host: String?) -> Bool {
        guard var host = host?.lowercased() else { return false }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
