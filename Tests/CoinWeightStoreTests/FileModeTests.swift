import CoinWeightAPI
import CoinWeightStore
import CoinWeightTestSupport
import Foundation
import Testing

/// A trader's history and positions are nobody else's: the store's files are the owner's alone.
@Suite("Store file modes")
struct FileModeTests {
    private func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("a new store, its WAL and SHM are 0600, and a folder it creates is 0700")
    func newStoreIsPrivate() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("data/cwsync.sqlite").path
            let store = try CoinWeightStore(path: path)
            defer { try? store.close() }
            let orders = SampleOrders.make(count: 10)
            try await store.write { try $0.upsertOrders(orders) }
            #expect(try await store.read(.allOrders(OrderFilter(owner: "2"))).count == orders.filter { $0.owner == "2" }.count)
            #expect(store.narrowedFiles.isEmpty)
            for file in [path, path + "-wal", path + "-shm"] {
                #expect(FileManager.default.fileExists(atPath: file), "\(file) exists")
                let found = try mode(file)
                #expect(found == 0o600, "\(file): \(String(found, radix: 8))")
            }
            #expect(try mode(folder.appendingPathComponent("data").path) == 0o700)
        }
    }

    @Test("an existing store readable by others is narrowed to 0600 when opened, and says which files")
    func widerStoreIsNarrowed() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("cwsync.sqlite").path
            let first = try CoinWeightStore(path: path)
            let orders = SampleOrders.make(count: 30).filter { $0.owner == "2" }
            try await first.write { try $0.upsertOrders(orders) }
            try first.close()
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
            let reopened = try CoinWeightStore(path: path)
            defer { try? reopened.close() }
            #expect(reopened.narrowedFiles == [path])
            #expect(try mode(path) == 0o600)
            #expect(
                try await reopened.read(.allOrders(OrderFilter(owner: "2")))
                    == orders.sorted { ($0.createTime, $0.streetOrderId) > ($1.createTime, $1.streetOrderId) }, "nothing lost")
        }
    }
}
