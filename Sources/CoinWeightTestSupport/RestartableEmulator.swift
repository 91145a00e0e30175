import CoinWeightAPI
import CoinWeightEmulator
import Foundation

/// An emulator that can be stopped (the server gone: connections refused) and started again
/// on the same port with the same state, as a network that comes back.
public final class RestartableEmulator: Sendable {
    public let emulator: CoinWeightEmulator
    private let running: LockedValue<RunningEmulator?>

    /// The emulator's base URL, the same across restarts.
    public let baseURL: URL

    /// Starts an emulator of `configuration` on a free port.
    public init(_ configuration: EmulatorConfiguration = EmulatorConfiguration(controlEnabled: true)) async throws {
        let probe = try await CoinWeightEmulator(configuration: configuration).start()
        await probe.stop()
        var configuration = configuration
        configuration.port = probe.port
        emulator = CoinWeightEmulator(configuration: configuration)
        let first = try await emulator.start()
        baseURL = first.baseURL
        running = LockedValue(first)
    }

    /// The emulator's state: its orders, users and faults.
    public var state: EmulatorState { emulator.state }

    /// Stops serving: requests are refused until ``start()``.
    public func stop() async {
        let current = running.get()
        running.set(nil)
        await current?.stop()
    }

    /// Serves again, on the same port, with the same state.
    public func start() async throws {
        await stop()
        running.set(try await emulator.start())
    }
}
