import ArgumentParser
import CoinWeightAPI
import CoinWeightHTTPClient
import CoinWeightSync
import Foundation

/// Which server to talk to, for the subcommands that use the network.
struct EndpointOptions: ParsableArguments {
    /// The production API, when neither `--endpoint` nor `CWSYNC_ENDPOINT` says otherwise.
    static let defaultEndpoint = "https://api.coin-weight.com/exp/v2"

    @Option(
        help: ArgumentHelp(
            "The API's base URL (default: CWSYNC_ENDPOINT, else the one the store's first login used, else \(defaultEndpoint)).",
            valueName: "url"))
    var endpoint: String?

    @Flag(help: "Allow plain http:// to a host other than this machine (tokens cross the network unencrypted).")
    var allowInsecureHTTP = false

    @Option(help: "How requests are sent: asynchttpclient (one pool of kept-alive connections; the default on Linux) or urlsession.")
    var transport: TransportKind = .platformDefault

    @Option(
        help: ArgumentHelp(
            "A PEM file of a certificate authority to trust besides the system's (a local server's own CA); with --transport asynchttpclient.",
            valueName: "path"))
    var caFile: String?

    func validate() throws {
        if caFile != nil && transport != .asynchttpclient {
            throw ValidationError("--ca-file needs --transport asynchttpclient: URLSession trusts the system's certificate authorities only.")
        }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw ValidationError("--ca-file \(caFile) is not a file this user can read.")
        }
        if caFile != nil { _ = try makeTransport() }
    }

    /// The transport asked for, with `resourceTimeout` for a whole request.
    func makeTransport(resourceTimeout: Duration = .seconds(60)) throws -> any HTTPTransport {
        switch transport {
        case .urlsession:
            return URLSessionTransport(configuration: .init(requestTimeout: min(.seconds(15), resourceTimeout), resourceTimeout: resourceTimeout))
        case .asynchttpclient:
            do {
                return try AsyncHTTPClientTransport(configuration: .init(resourceTimeout: resourceTimeout, additionalCAFiles: caFile.map { [$0] } ?? []))
            } catch .secureConnectionFailed(let reason) {
                throw ValidationError("--ca-file: \(reason).")
            } catch {
                throw ValidationError("--ca-file: \(error).")
            }
        }
    }

    /// The base URL asked for: `--endpoint`, else `CWSYNC_ENDPOINT`; `nil` for the store's own
    /// (the endpoint its first login saved), else the production API.
    func askedURL() throws -> URL? {
        guard let text = endpoint ?? ProcessInfo.processInfo.environment["CWSYNC_ENDPOINT"] else { return nil }
        return try Self.parse(text)
    }

    /// The store at `storeOptions`' path with a client for its endpoint and the saved session.
    func openMirror(_ storeOptions: StoreOptions, configuration: SyncConfiguration = SyncConfiguration()) throws -> CoinWeightMirror {
        let mirror = try CoinWeightMirror(
            storePath: storeOptions.store, baseURL: askedURL(), defaultBaseURL: Self.parse(Self.defaultEndpoint), allowInsecureHTTP: allowInsecureHTTP,
            transport: makeTransport(), configuration: configuration)
        _ = StoreOptions.announcingNarrowed(mirror.store)
        return mirror
    }

    private static func parse(_ text: String) throws -> URL {
        guard let url = URL(string: text), url.scheme == "https" || url.scheme == "http", url.host != nil else {
            throw ValidationError("--endpoint \(text) is not an http(s) URL such as \(defaultEndpoint)")
        }
        return url
    }
}
