import CoinWeightStore
import CoinWeightTestSupport
import Foundation

/// Runs `body` with a new store in a temporary folder, closed and removed afterwards.
func withStore<T>(_ body: (CoinWeightStore, URL) async throws -> T) async throws -> T {
    try await withTemporaryDirectory { folder in
        let store = try CoinWeightStore(path: folder.appendingPathComponent("cwsync.sqlite").path)
        defer { try? store.close() }
        return try await body(store, folder)
    }
}

/// The repository's `schema/` folder, the files the store must apply.
let repositorySchemaFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("schema")

/// The bytes of a file and of its `-wal` and `-shm` companions, to prove a file untouched.
func fileFingerprint(_ path: String) -> [String: Data?] {
    Dictionary(uniqueKeysWithValues: ["", "-wal", "-shm", "-journal"].map { ($0, FileManager.default.contents(atPath: path + $0)) })
}
