import Foundation

/// How an emulator instance listens and behaves.
public struct EmulatorConfiguration: Sendable {
    /// The address to listen on. Loopback by default: the emulator is for this machine.
    public var host: String
    /// The port; 0 picks a free one (see ``RunningEmulator/baseURL``).
    public var port: Int
    /// The path every API route sits under, as in `https://api.coin-weight.com/exp/v2`.
    public var basePath: String
    /// How long a token from login or signup stays valid.
    public var tokenLifetime: Duration
    /// The largest `pageSize` `/order/inactive` honours; larger requests get this many rows.
    public var pageSizeCap: Int
    /// Whether the test control surface under ``controlPath`` answers. Off unless asked.
    public var controlEnabled: Bool
    /// Historical orders to seed for user `abc` (owner `"2"`) at start.
    public var seedOrders: Int
    /// The days those orders spread over, ending now.
    public var seedDays: Int
    /// The seed of every random choice (seeded orders, fault draws).
    public var randomSeed: UInt64
    /// The clock of the emulated exchange.
    public var now: @Sendable () -> Date
    /// The certificate to serve HTTPS with; `nil` serves plain HTTP.
    public var tls: EmulatorTLS?

    /// The path of the control surface.
    public static let controlPath = "/_emulator"

    public init(
        host: String = "127.0.0.1", port: Int = 0, basePath: String = "/exp/v2", tokenLifetime: Duration = .seconds(3600),
        pageSizeCap: Int = 100, controlEnabled: Bool = false, seedOrders: Int = 0, seedDays: Int = 90, randomSeed: UInt64 = 42,
        now: @escaping @Sendable () -> Date = { Date() }, tls: EmulatorTLS? = nil
    ) {
        self.host = host
        self.port = port
        self.basePath = basePath
        self.tokenLifetime = tokenLifetime
        self.pageSizeCap = pageSizeCap
        self.controlEnabled = controlEnabled
        self.seedOrders = seedOrders
        self.seedDays = seedDays
        self.randomSeed = randomSeed
        self.now = now
        self.tls = tls
    }
}
