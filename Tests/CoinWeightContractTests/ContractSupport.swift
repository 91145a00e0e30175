import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightHTTPClient
import CoinWeightLocalAPI
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// The wires the contract suite runs over: each transport over plain HTTP, and
/// AsyncHTTPClient over TLS to an emulator with a certificate of its own CA, which the
/// transport is told to trust. (URLSession on Linux trusts the system's CAs alone.) And the
/// local API of a daemon mirroring the emulator: the same client, answered from the mirror.
enum Wire: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case urlSession
    case asyncHTTPClient
    case asyncHTTPClientTLS
    case localAPI

    var testDescription: String { rawValue }

    /// The local API's daemons that run at once: each makes a first sync when its test logs
    /// in, and the suite's 30 tests start together on two cores, beside the rest of the
    /// test process.
    private static let localAPITurns = Turns(2)
    /// The TLS emulators that run at once: their handshakes run on the process's two event
    /// loops (BoringSSL unoptimised in a debug build), which every other test's HTTP shares,
    /// and 30 at once kept connections past the client's 10-second connect timeout.
    private static let tlsTurns = Turns(2)

    /// Runs `body` with a fresh emulator served over this wire.
    func withRunning<T: Sendable>(
        _ configuration: EmulatorConfiguration = EmulatorConfiguration(controlEnabled: true),
        _ body: (ContractServer, EmulatorState) async throws -> T
    ) async throws -> T {
        /// The emulator of `configuration`, reached through `transport`.
        func serve(_ configuration: EmulatorConfiguration, _ transport: any HTTPTransport) async throws -> T {
            try await CoinWeightEmulator.withRunning(configuration) { running, state in
                try await body(ContractServer(baseURL: running.baseURL, transport: transport), state)
            }
        }
        if self == .localAPI {
            return try await Self.localAPITurns.taking {
                try await CoinWeightEmulator.withRunning(configuration) { running, state in
                    // A login answers at once, without waiting for the account's first sync: the suite
                    // compares whole lists, so it syncs itself after each login and reads once that
                    // sync is over. (Waiting up to 5 s in the login as well left too little of the
                    // client's 15-second read timeout when the whole suite runs.)
                    let answerAtOnce = LocalAPIConfiguration(loginSyncWait: .zero)
                    return try await LocalAPIHarness.with(upstream: running.baseURL, transport: try AsyncHTTPClientTransport(), configuration: answerAtOnce) {
                        local in
                        let server = ContractServer(baseURL: local.baseURL, transport: try AsyncHTTPClientTransport()) { _ = await local.mirror.syncNow() }
                        return try await body(server, state)
                    }
                }
            }
        }
        guard self == .asyncHTTPClientTLS else { return try await serve(configuration, try transport(trusting: nil)) }
        var configuration = configuration
        let tls = try EmulatorTLS.selfSigned()
        configuration.tls = tls
        return try await Self.tlsTurns.taking {
            try await withTemporaryDirectory { folder in
                let caFile = folder.appendingPathComponent("ca.pem")
                try Data(tls.caCertificatePEM.utf8).write(to: caFile)
                return try await serve(configuration, try transport(trusting: caFile))
            }
        }
    }

    /// This wire's transport; over TLS, trusting the CA certificate in `caFile`.
    func transport(trusting caFile: URL?) throws -> any HTTPTransport {
        switch self {
        case .urlSession: URLSessionTransport()
        case .asyncHTTPClient, .localAPI: try AsyncHTTPClientTransport()
        case .asyncHTTPClientTLS: try AsyncHTTPClientTransport(configuration: .init(additionalCAFiles: caFile.map { [$0.path] } ?? []))
        }
    }
}

/// A running emulator as the contract tests reach it: its URL and the wire's transport.
struct ContractServer: Sendable {
    let baseURL: URL
    let transport: any HTTPTransport
    /// What follows a login before the test goes on (the local API's first sync).
    var afterLogin: @Sendable () async throws -> Void = {}

    /// A fresh client logged in as `user` (password `<user>_password`).
    func login(_ user: String = "abc") async throws -> LoggedIn {
        let client = try CoinWeightClient(baseURL: baseURL, transport: transport)
        let session = try await client.login(Credentials(userName: user, password: "\(user)_password"))
        try await afterLogin()
        return LoggedIn(client: client, session: session)
    }
}

/// A client logged in as a seeded user of a running emulator.
struct LoggedIn {
    let client: CoinWeightClient
    let session: Session
    var uid: UserID { session.uid }
}

/// Now in the API's unit, milliseconds since the epoch.
func nowMilliseconds() -> Int64 { Date().millisecondsSince1970 }

/// A LIMIT order for abc on binance ETH-USDT.
func limitOrder(owner: String = "2", price: ExactDecimal = "2000.50", quantity: ExactDecimal = "1.2500", side: Side = .bid) -> NewOrder {
    NewOrder(orderType: .limit, symbol: "ETH-USDT", side: side, owner: owner, counterParty: "binance", price: price, quantity: quantity)
}
