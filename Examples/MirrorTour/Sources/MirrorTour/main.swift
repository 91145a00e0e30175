// MirrorTour: what an app's data layer does with CoinWeightSync, step by step.
//
//     swift run MirrorTour <base URL> <store path>
//
// Opens a mirror, logs in as the emulator's seeded user `abc`, syncs, observes the favorites
// with their pending marks, loses the network, adds a favorite while offline, sees it
// confirmed once the server answers again, and forgets the account. Examples/run-tour runs
// it against `cwsync-emulator --control`, taking the network away and bringing it back when
// the tour says so.

import CoinWeightAPI
import CoinWeightStore
import CoinWeightSync
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3, let baseURL = URL(string: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: MirrorTour <base URL> <store path>\n".utf8))
    exit(2)
}
let storePath = arguments[2]

do {
    try await tour(baseURL: baseURL, storePath: storePath)
    say("tour: done")
    exit(0)
} catch {
    FileHandle.standardError.write(Data("tour failed: \(error)\n".utf8))
    exit(1)
}

func tour(baseURL: URL, storePath: String) async throws {
    // 1-3. Open the mirror, show each change of its state, log in, and sync until synced.
    // README: open
    let mirror = try await CoinWeightMirror.open(storePath: storePath, baseURL: baseURL)
    let states = Task { await printStates(of: mirror) }   // the status bar, below
    let session = try await mirror.login(Credentials(userName: "abc", password: "abc_password"))
    let uid = session.uid
    let running = Task { await mirror.run() }   // syncs and delivers until cancelled
    try await mirror.firstState("the first sync", within: .seconds(120)) { $0.phase == .synced }
    // README: end

    // 4. What the mirror holds now.
    let favorites = Task {
        for try await items in mirror.store.observe(.favorites(uid: uid).withPending()) {
            say("favorites: \(describe(items))")
        }
    }
    let orders = try await mirror.store.read(.orderCount(OrderFilter(owner: uid.ownAccount)))
    say("orders in the mirror: \(orders)")

    // 5. Offline: the driver drops every connection. Only a request finds that out, so one
    // is made every 200 ms (a sync of the favorites) until the phase says offline.
    say("tour: take the network away")
    try await mirror.firstState("offline", within: .seconds(60), poke: {
        _ = await mirror.syncNow(only: [.favorites])
    }) { $0.phase == .offline }

    // 6. A write while offline: shown at once, marked pending, queued durably.
    let symbols = try await mirror.store.read(.symbols)
    let already = Set(try await mirror.store.read(.favorites(uid: uid)).map(\.pair))
    let listed = symbols.flatMap { exchange in exchange.symbols.map { MarketPair(counterParty: exchange.counterParty, symbol: $0.name) } }
    guard let pair = listed.first(where: { !already.contains($0) }) else { throw TourError("every listed symbol is a favorite already") }

    // 7. It waits offline, is sent by run() once the server answers again, and confirmed.
    // README: writes
    let entry = try await mirror.addFavorite(pair)   // in the mirror at once, marked pending; run() sends it
    say("queued: addFavorite \(describe(pair)) as outbox entry #\(entry)")
    try await waitForOfflineAttempt(of: pair, in: mirror.store, uid: uid)
    say("tour: bring the network back")
    try await within(.seconds(60), waitingFor: "the server to confirm \(describe(pair))") {
        _ = try await mirror.store.observe(.favorites(uid: uid).withPending())
            .first { items in items.contains { $0.pair == pair && $0.pending == nil } }
    }
    say("confirmed: \(describe(pair))")
    // README: end
    // The server answers again: run() syncs at once, backoff or not.
    try await mirror.firstState("the sync after the network came back", within: .seconds(60)) { $0.phase == .synced }

    // 8. Sign out on a shared device: the account's rows go, the symbols config stays.
    favorites.cancel()
    try await mirror.forgetAccount()
    try await mirror.firstState("the logout", within: .seconds(10)) { $0.phase == .loggedOut }
    running.cancel()
    await running.value   // run() has stopped: nothing more is written for the account
    let left = try await mirror.store.read(.rowCounts)
    let kept = try await mirror.store.read(.symbols).count
    say("after forgetAccount: \(left["favorite"] ?? 0) favorites, \(left["order"] ?? 0) orders, the symbols of \(kept) exchanges kept")
    try await mirror.close()   // ends states(): the states task prints what it has left, then ends
    await states.value
}

// README: states
/// Prints one line per change of the mirror's phase, account, network or outbox counts
/// (``StateLines``), until ``CoinWeightMirror/close()`` ends the sequence.
func printStates(of mirror: CoinWeightMirror) async {
    var lines = StateLines()
    for await state in mirror.states() {   // the state now, then each change
        for line in lines.lines(for: state) { say(line) }
    }
}
// README: end

/// Waits until the pending mark of `pair` says a delivery attempt found no server, so that
/// the output shows the write waiting offline before the network comes back.
func waitForOfflineAttempt(of pair: MarketPair, in store: CoinWeightStore, uid: UserID) async throws {
    try await within(.seconds(30), waitingFor: "a delivery attempt of \(describe(pair)) to fail offline") {
        _ = try await store.observe(.favorites(uid: uid).withPending())
            .first { items in items.contains { $0.pair == pair && $0.pending?.reason != nil } }
    }
}

struct TourError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
