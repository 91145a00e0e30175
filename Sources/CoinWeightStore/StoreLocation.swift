public import Foundation

/// Where the store lives when the app names no path.
public enum StoreLocation {
    /// The store's file name.
    public static let fileName = "cwsync.sqlite"

    /// `cwsync/cwsync.sqlite` in the platform's application-support folder:
    /// `~/Library/Application Support` on Apple platforms (the app's container on iOS),
    /// `$XDG_DATA_HOME` or `~/.local/share` elsewhere (from `environment`). Opening the store
    /// makes the folder, private to its owner, when it does not exist.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        applicationSupport(environment).appendingPathComponent("cwsync").appendingPathComponent(fileName).path
    }

    private static func applicationSupport(_ environment: [String: String]) -> URL {
        #if os(Linux) || os(Android) || os(FreeBSD)
            if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
                return URL(fileURLWithPath: data)
            }
            let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
            return home.appendingPathComponent(".local/share")
        #else
            return FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask).first
                ?? URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent("Library/Application Support")
        #endif
    }
}
