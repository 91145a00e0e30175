import CoinWeightAPI
import CoinWeightEmulator
import CoinWeightStore
import CoinWeightSync
import CoinWeightTestSupport
import Foundation
import Testing

/// A store mirrors one account on one server: another endpoint or another user is refused
/// before any request, the store left byte for byte as it was.
@Suite("Store identity")
struct StoreIdentityTests {
    @Test("the first login binds the store; another endpoint or user is refused with a typed error before any request, the store unchanged")
    func libraryRefusesAnotherServerOrUser() async throws {
        try await withTwoEmulators { first, second, folder in
            let path = folder.appendingPathComponent("cwsync.sqlite").path
            let mirror = try CoinWeightMirror(storePath: path, baseURL: first.baseURL)
            let session = try await mirror.login(Credentials(userName: "abc", password: "abc_password"))
            #expect(await mirror.syncNow().isComplete)
            let identity = try #require(try await mirror.identity)
            #expect(identity.uid == session.uid && identity.userName == "abc" && identity.isEndpoint(first.baseURL))

            let transport = ScriptedTransport()
            let eve = try CoinWeightMirror(storePath: path, baseURL: first.baseURL, transport: transport)
            let before = FolderSnapshot(folder)
            let refusal = await #expect(throws: StoreIdentityMismatch.self) { try await eve.login(Credentials(userName: "eve", password: "eve_password")) }
            #expect(refusal?.asked == .user("eve") && refusal?.bound == identity)
            #expect(transport.requestedPaths.isEmpty, "nothing was sent")
            #expect(FolderSnapshot(folder) == before)
            try eve.store.close()

            let other = #expect(throws: StoreIdentityMismatch.self) { try CoinWeightMirror(storePath: path, baseURL: second.baseURL) }
            #expect(other?.asked == .endpoint(StoreIdentity.normalizedEndpoint(second.baseURL)))
            #expect(
                other?.description.contains("mirrors abc (uid 2) at \(StoreIdentity.normalizedEndpoint(first.baseURL))") == true, "\(String(describing: other))"
            )
            #expect(FolderSnapshot(folder).changes(since: before).isEmpty, "the store is byte-identical")

            let own = try CoinWeightMirror(storePath: path)
            #expect(own.endpoint == URL(string: StoreIdentity.normalizedEndpoint(first.baseURL)), "no endpoint given: the store's own")
            #expect(await own.syncNow().isComplete)
            try own.store.close()
            try mirror.store.close()
        }
    }

    @Test("a store from before identities, with a saved session, adopts that account at the endpoint it is opened with")
    func oldStoreAdoptsItsSession() async throws {
        try await withTwoEmulators { first, second, folder in
            let path = folder.appendingPathComponent("cwsync.sqlite").path
            let client = try CoinWeightClient(baseURL: first.baseURL)
            try SessionFile(besideStore: path).save(try await client.login(Credentials(userName: "abc", password: "abc_password")))
            let mirror = try CoinWeightMirror(storePath: path, baseURL: first.baseURL)
            #expect(try await mirror.identity?.isEndpoint(first.baseURL) == true)
            #expect(try await mirror.identity?.userName == "abc")
            try mirror.store.close()
            #expect(throws: StoreIdentityMismatch.self) { try CoinWeightMirror(storePath: path, baseURL: second.baseURL) }
        }
    }
}
