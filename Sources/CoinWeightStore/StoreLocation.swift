import Foundation

/// Where the store lives when the caller names no path.
public enum StoreLocation {
    /// The store's file name.
    public static let fileName = "cwsync.sqlite"

    /// `sync-state/cwsync.sqlite` of the cwsync checkout that holds the running program or the
    /// current directory; otherwise `cwsync/cwsync.sqlite` in the platform's application-support
    /// folder (`~/Library/Application Support` on macOS, `$XDG_DATA_HOME` or `~/.local/share` on Linux).
    public static func defaultPath(
        executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath(),
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) -> String {
        for start in [executable.deletingLastPathComponent(), currentDirectory] {
            if let checkout = checkout(containing: start) {
                return checkout.appendingPathComponent("sync-state").appendingPathComponent(fileName).path
            }
        }
        return applicationSupport().appendingPathComponent("cwsync").appendingPathComponent(fileName).path
    }

    /// The nearest folder at or above `folder` with a `Package.swift` and a `sync-state/README.md`.
    static func checkout(containing folder: URL) -> URL? {
        var candidate = folder.standardizedFileURL
        while true {
            let manager = FileManager.default
            if manager.fileExists(atPath: candidate.appendingPathComponent("Package.swift").path),
               manager.fileExists(atPath: candidate.appendingPathComponent("sync-state/README.md").path) {
                return candidate
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { return nil }
            candidate = parent
        }
    }

    private static func applicationSupport() -> URL {
        #if os(Linux)
        if let data = ProcessInfo.processInfo.environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return URL(fileURLWithPath: data)
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share")
        #else
        return FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask).first
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent("Library/Application Support")
        #endif
    }
}
