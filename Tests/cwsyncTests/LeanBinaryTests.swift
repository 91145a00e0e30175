import CoinWeightTestSupport
import Foundation
import Testing

/// The `cwsync` a user installs carries no emulator: its state, seeding, faults and token
/// signing, and swift-crypto, which only the emulator's signing needs, stay in `cwsync-emulator`.
@Suite("the cwsync binary")
struct LeanBinaryTests {
    /// Whether `grep -F` finds `text` in `binary`: a child process, so that reading a binary
    /// of a hundred megabytes never holds a thread of the concurrency pool (in-process
    /// emulators of other tests answer on it).
    private func contains(_ binary: URL, _ text: String) async throws -> Bool {
        let grep = try #require(["/usr/bin/grep", "/bin/grep"].first { FileManager.default.isExecutableFile(atPath: $0) }, "no grep")
        let child = try ChildProcess.spawn(grep, ["-q", "-F", "-a", text, binary.path])
        let exit = await child.exited()
        try #require(exit == .status(0) || exit == .status(1), "grep \(text) \(binary.path): \(exit)")
        return exit == .status(0)
    }

    @Test("links no emulator code and no swift-crypto; cwsync-emulator holds both, and cwsync --help lists no emulator command")
    func noEmulator() async throws {
        let (cwsync, emulator) = (try CWSyncBinary.url(), try CWSyncBinary.url(.emulator))
        // The emulator's module as Swift's mangled names spell it (its length first): the API's
        // document compiled into the local API names the emulator's folder in its prose.
        for module in ["18CoinWeightEmulator", "CCryptoBoringSSL"] {
            #expect(try await !contains(cwsync, module), "\(module) is linked into cwsync")
            #expect(try await contains(emulator, module), "the search finds \(module) in cwsync-emulator")
        }
        let help = try await CWSyncBinary.run(["--help"], environment: ["CWSYNC_STORE": "/nonexistent/cwsync.sqlite"])
        #expect(help.status == 0 && help.out.contains("SUBCOMMANDS:") && help.out.contains("login"), "\(help.out)\(help.err)")
        #expect(!help.out.contains("emulator") && !help.out.contains("quickstart"), "\(help.out)")
    }
}
