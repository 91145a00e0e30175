import CoinWeightTestSupport
import Foundation
import Testing

/// The `cwsync` a user installs carries no emulator: its state, seeding, faults and token
/// signing, and swift-crypto, which only the emulator's signing needs, stay in `cwsync-emulator`.
@Suite("the cwsync binary")
struct LeanBinaryTests {
    @Test("links no emulator code and no swift-crypto; cwsync-emulator holds both, and cwsync --help lists no emulator command")
    func noEmulator() async throws {
        let cwsync = try Data(contentsOf: CWSyncBinary.url(), options: .alwaysMapped)
        let emulator = try Data(contentsOf: CWSyncBinary.url(.emulator), options: .alwaysMapped)
        for module in ["CoinWeightEmulator", "CCryptoBoringSSL"] {
            #expect(cwsync.range(of: Data(module.utf8)) == nil, "\(module) is linked into cwsync")
            #expect(emulator.range(of: Data(module.utf8)) != nil, "the search finds \(module) in cwsync-emulator")
        }
        let help = try await CWSyncBinary.run(["--help"], environment: ["CWSYNC_STORE": "/nonexistent/cwsync.sqlite"])
        #expect(help.status == 0 && help.out.contains("SUBCOMMANDS:") && help.out.contains("login"), "\(help.out)\(help.err)")
        #expect(!help.out.contains("emulator") && !help.out.contains("quickstart"), "\(help.out)")
    }
}
