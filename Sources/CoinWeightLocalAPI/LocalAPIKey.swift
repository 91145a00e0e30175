import CoinWeightSync
import Foundation

/// The local API key of a store: a random bearer kept beside it (`<store>.api-key`, mode
/// 0600), which lets a program on this machine use ``LocalAPIServer`` without the account's
/// password or token. It is never logged.
public enum LocalAPIKey {
    /// The key file of the store at `storePath`.
    public static func path(besideStore storePath: String) -> String { storePath + ".api-key" }

    /// The store's key, made and saved (mode 0600) when it has none yet, or when `renew` asks
    /// for a new one (the old one stops working).
    /// - Throws: a `SessionFileError` when the file cannot be written.
    public static func load(besideStore storePath: String, renew: Bool = false) throws -> String {
        if !renew, let saved = saved(besideStore: storePath) { return saved }
        var random = SystemRandomNumberGenerator()
        let key = "cwk_" + (0..<4).map { _ in String(random.next() as UInt64, radix: 16).leftPadded(to: 16) }.joined()
        try PrivateFile.write(Data((key + "\n").utf8), to: path(besideStore: storePath))
        return key
    }
}

extension LocalAPIKey {
    /// The key saved beside the store, `nil` while there is none.
    static func saved(besideStore storePath: String) -> String? {
        guard let text = try? String(contentsOfFile: path(besideStore: storePath), encoding: .utf8) else { return nil }
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return key.isEmpty ? nil : key
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
