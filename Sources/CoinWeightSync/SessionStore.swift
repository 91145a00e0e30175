public import CoinWeightAPI
public import Foundation

/// Where a ``CoinWeightMirror`` keeps the logged-in session (its token included) between
/// launches, so that a restart syncs without asking for the password again.
///
/// ``SessionFile`` (a file only its owner can read) is the default; on Apple platforms
/// ``KeychainSessionStore`` keeps it in the Keychain; an app may bring its own.
/// Implementations must never log the token.
public protocol SessionStore: Sendable {
    /// The saved session, or `nil` when there is none.
    func load() throws -> Session?
    /// Saves `session`, replacing any earlier one.
    func save(_ session: Session) throws
    /// Forgets the saved session; nothing saved is no error.
    func delete() throws
    /// Something that changes whenever another process saves or deletes the session (a
    /// file's modification date), so that ``CoinWeightMirror/run()`` notices a login made
    /// elsewhere; `nil` when the store cannot tell, and then only this mirror's own logins count.
    var changeMark: Date? { get }
}

extension SessionStore {
    /// `nil`: changes made by others go unnoticed.
    public var changeMark: Date? { nil }
}
