import CoinWeightEmulator
import Foundation

/// Runs `body` with two emulators holding different orders (50 and 80 over 5 days) and a
/// temporary folder: a second server for a store bound to the first.
public func withTwoEmulators(_ body: (RunningEmulator, RunningEmulator, URL) async throws -> Void) async throws {
    try await CoinWeightEmulator.withRunning(EmulatorConfiguration(seedOrders: 50, seedDays: 5)) { first, _ in
        try await CoinWeightEmulator.withRunning(EmulatorConfiguration(seedOrders: 80, seedDays: 5, randomSeed: 7)) { second, _ in
            try await withTemporaryDirectory { folder in try await body(first, second, folder) }
        }
    }
}
