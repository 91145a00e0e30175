import ArgumentParser
import CoinWeightSync
import Foundation

/// Which server to talk to, for the subcommands that use the network.
struct EndpointOptions: ParsableArguments {
    /// The production API, when neither `--endpoint` nor `CWSYNC_ENDPOINT` says otherwise.
    static let defaultEndpoint = "https://api.coin-weight.com/exp/v2"

    @Option(help: ArgumentHelp("The API's base URL (default \(defaultEndpoint), or CWSYNC_ENDPOINT).", valueName: "url"))
    var endpoint: String?

    @Flag(help: "Allow plain http:// to a host other than this machine (tokens cross the network unencrypted).")
    var allowInsecureHTTP = false

    /// The base URL: `--endpoint`, else `CWSYNC_ENDPOINT`, else the production API.
    func baseURL() throws -> URL {
        let text = endpoint ?? ProcessInfo.processInfo.environment["CWSYNC_ENDPOINT"] ?? Self.defaultEndpoint
        guard let url = URL(string: text), url.scheme == "https" || url.scheme == "http", url.host != nil else {
            throw ValidationError("--endpoint \(text) is not an http(s) URL such as \(Self.defaultEndpoint)")
        }
        return url
    }

    /// The store at `storeOptions`' path with a client for this endpoint and the saved session.
    func openMirror(_ storeOptions: StoreOptions) throws -> CoinWeightMirror {
        try CoinWeightMirror(storePath: storeOptions.store, baseURL: baseURL(), allowInsecureHTTP: allowInsecureHTTP)
    }
}
