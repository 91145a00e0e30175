import CoinWeightStore
import Foundation

/// The command line's own default when it runs from a cwsync checkout: the checkout's
/// `sync-state/` folder, so that trying cwsync from a clone leaves nothing elsewhere. The
/// library never guesses this; an installed cwsync uses ``StoreLocation/defaultPath(environment:)``.
enum CheckoutStore {
    /// `sync-state/cwsync.sqlite` of the checkout that holds the running program or the
    /// current directory, if either is in one.
    static func path(
        executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath(),
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) -> String? {
        for start in [executable.deletingLastPathComponent(), currentDirectory] {
            if let checkout = checkout(containing: start) {
                return checkout.appendingPathComponent("sync-state").appendingPathComponent(StoreLocation.fileName).path
            }
        }
        return nil
    }

    /// The nearest folder at or above `folder` with a `Package.swift` and a `sync-state/README.md`.
    private static func checkout(containing folder: URL) -> URL? {
        var candidate = folder.standardizedFileURL
        while true {
            let manager = FileManager.default
            if manager.fileExists(atPath: candidate.appendingPathComponent("Package.swift").path),
                manager.fileExists(atPath: candidate.appendingPathComponent("sync-state/README.md").path)
            {
                return candidate
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { return nil }
            candidate = parent
        }
    }
}
