import BenchmarkSupport
import Foundation

/// One `curl` process fetching the sync's history pages again, in the same order, over one
/// kept-alive connection, the bodies thrown away: the network limit the sync is compared with.
struct CurlFetch {
    /// The transfers curl reported, one `-w` line each.
    var transfers: Int
    /// New connections, summed over the transfers (`%{num_connects}`): 1 when the connection was reused throughout.
    var connections: Int
    /// Body bytes downloaded, summed (`%{size_download}`).
    var bytes: Int
    /// The process wall time, launch and exit included.
    var elapsed: Duration

    /// Writes a curl config file to `config` (mode 0600: it holds the token) naming every URL
    /// of `urls`, each with `output = "/dev/null"` (an output applies to one URL only), the
    /// headers the client sends, and a `write-out` line per transfer; then runs
    /// `curl --config config` once and reads those lines.
    /// - Throws: ``BenchmarkError/unexpectedOutput(_:output:)`` when a transfer is missing or not HTTP 200.
    static func run(_ urls: [URL], token: String, curl: Program, config: URL) throws -> CurlFetch {
        var lines = [
            "silent",
            "show-error",
            "globoff",
            #"header = "Accept: application/json""#,
            #"header = "Authorization: Bearer \#(token)""#,
            #"write-out = "%{http_code} %{num_connects} %{size_download}\n""#,
        ]
        for url in urls {
            lines.append(#"url = "\#(url.absoluteString)""#)
            lines.append(#"output = "/dev/null""#)
        }
        let text = lines.joined(separator: "\n") + "\n"
        guard FileManager.default.createFile(atPath: config.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: config.path])
        }
        let (output, elapsed) = try curl.run(["--config", config.path])
        var fetch = CurlFetch(transfers: 0, connections: 0, bytes: 0, elapsed: elapsed)
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: " ").compactMap { Int($0) }
            guard fields.count == 3, fields[0] == 200 else { throw BenchmarkError.unexpectedOutput("curl --config \(config.path)", output: String(line)) }
            fetch.transfers += 1
            fetch.connections += fields[1]
            fetch.bytes += fields[2]
        }
        guard fetch.transfers == urls.count else {
            throw BenchmarkError.unexpectedOutput("curl --config \(config.path)", output: "\(fetch.transfers) transfers for \(urls.count) URLs")
        }
        return fetch
    }
}
