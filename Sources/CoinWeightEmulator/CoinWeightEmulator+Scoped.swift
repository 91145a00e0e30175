extension CoinWeightEmulator {
    /// Runs `body` against a fresh emulator on a free loopback port and stops it afterwards,
    /// whether `body` returns or throws. The way tests get a server of their own.
    ///
    /// ```swift
    /// try await CoinWeightEmulator.withRunning { running, state in
    ///     let client = try CoinWeightClient(baseURL: running.baseURL)
    ///     // ...
    /// }
    /// ```
    public static func withRunning<Result: Sendable>(
        _ configuration: EmulatorConfiguration = EmulatorConfiguration(controlEnabled: true),
        _ body: (RunningEmulator, EmulatorState) async throws -> Result
    ) async throws -> Result {
        let emulator = CoinWeightEmulator(configuration: configuration)
        let running = try await emulator.start()
        do {
            let result = try await body(running, emulator.state)
            await running.stop()
            return result
        } catch {
            await running.stop()
            throw error
        }
    }
}
