import CoinWeightEmulator
import Foundation

/// The hidden `--serve` mode of a benchmark: the emulator it measures against, in a process
/// of its own. ``EmulatorProcess`` starts it.
public struct EmulatorServer {
    /// The emulator to run: its port stays 0 (the default), so that it picks a free one.
    public var configuration: EmulatorConfiguration

    public init(configuration: EmulatorConfiguration) {
        self.configuration = configuration
    }

    /// Starts the emulator (seeding what the configuration asks for), prints its base URL as
    /// one line on standard output once it listens, and serves until SIGTERM or until its
    /// standard input ends (the parent died).
    public func run() async throws {
        Thread {
            _ = FileHandle.standardInput.readDataToEndOfFile()
            exit(0)
        }.start()
        let emulator = CoinWeightEmulator(configuration: configuration)
        let host = configuration.host
        let basePath = configuration.basePath
        try await emulator.run { port in
            FileHandle.standardOutput.write(Data("http://\(host):\(port)\(basePath)\n".utf8))
        }
    }
}
