import CoinWeightTestSupport
import Foundation
import Testing

/// Where `cwsync` keeps its store when told nothing: the command line, not the library, picks
/// a checkout's `sync-state/`; anywhere else it is the XDG data folder.
@Suite("The default store")
struct DefaultStoreTests {
    /// Runs `binary status` from `folder` with `environment` alone (`env -i`), and returns
    /// what it wrote on standard error.
    private func status(_ binary: String, from folder: URL, environment: [String]) throws -> String {
        let errors = folder.appendingPathComponent("status.err")
        _ = try ChildProcess.run("/usr/bin/env", ["-i", "-C", folder.path] + environment + [binary, "status"], errors: errors)
        return try String(contentsOf: errors, encoding: .utf8)
    }

    @Test("run from this checkout it is sync-state/cwsync.sqlite; a copy run elsewhere uses $XDG_DATA_HOME, else ~/.local/share")
    func checkoutOrDataFolder() async throws {
        try await withTemporaryDirectory { folder in
            let binary = try CWSyncBinary.url()
            let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let inCheckout = try status(binary.path, from: folder, environment: ["HOME=\(folder.path)"])
            #expect(inCheckout.contains("no store at \(checkout.path)/sync-state/cwsync.sqlite"), "\(inCheckout)")

            let copy = folder.appendingPathComponent("bin/cwsync")
            try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: binary, to: copy)
            let home = folder.appendingPathComponent("home")
            let data = try status(copy.path, from: folder, environment: ["HOME=\(home.path)", "XDG_DATA_HOME=\(folder.path)/data"])
            #expect(data.contains("no store at \(folder.path)/data/cwsync/cwsync.sqlite"), "\(data)")
            let plain = try status(copy.path, from: folder, environment: ["HOME=\(home.path)"])
            #expect(plain.contains("no store at \(home.path)/.local/share/cwsync/cwsync.sqlite"), "\(plain)")
        }
    }
}
