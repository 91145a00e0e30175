import CoinWeightAPI
@testable import CoinWeightStore
import CoinWeightTestSupport
import Foundation
import Testing

/// What `cwsync store check` and `cwsync store compact` rely on, and where the store lives.
@Suite("Maintenance and location")
struct MaintenanceTests {
    @Test("a sound store checks clean; compacting after deleting most orders shrinks the file and keeps the rest")
    func checkAndCompact() async throws {
        try await withStore { store, _ in
            #expect(try await store.checkIntegrity().isEmpty)
            let orders = SampleOrders.make(count: 20_000)
            try await store.write { try $0.upsertOrders(orders) }
            try await store.write { try $0.deleteOrders(ids: orders.dropFirst(100).map(\.streetOrderId)) }
            let (before, after) = try await store.compact()
            #expect(after < before / 4, "before \(before), after \(after)")
            #expect(try await store.checkIntegrity().isEmpty)
            #expect(try await store.read(.order(id: orders[0].streetOrderId)) == orders[0])
        }
    }

    @Test("from a checkout the default store is sync-state/cwsync.sqlite; elsewhere the application-support folder")
    func defaultPath() async throws {
        try await withTemporaryDirectory { folder in
            let checkout = folder.appendingPathComponent("repo")
            let binary = checkout.appendingPathComponent(".build/debug")
            try FileManager.default.createDirectory(at: binary, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: checkout.appendingPathComponent("sync-state"), withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: checkout.appendingPathComponent("Package.swift").path, contents: Data())
            FileManager.default.createFile(atPath: checkout.appendingPathComponent("sync-state/README.md").path, contents: Data())
            let elsewhere = folder.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)

            let fromBinary = StoreLocation.defaultPath(executable: binary.appendingPathComponent("cwsync"), currentDirectory: elsewhere)
            #expect(fromBinary == checkout.standardizedFileURL.appendingPathComponent("sync-state/cwsync.sqlite").path)
            let fromDirectory = StoreLocation.defaultPath(executable: elsewhere.appendingPathComponent("cwsync"), currentDirectory: checkout.appendingPathComponent("sync-state"))
            #expect(fromDirectory == fromBinary)
            let installed = StoreLocation.defaultPath(executable: URL(fileURLWithPath: "/usr/local/bin/cwsync"), currentDirectory: elsewhere)
            #expect(installed.hasSuffix("/cwsync/cwsync.sqlite") && !installed.contains("sync-state"))
        }
    }
}
