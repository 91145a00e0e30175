#if canImport(Security)
    public import CoinWeightAPI
    public import Foundation
    import Security

    /// Keeps the session in the Keychain, as one generic password item, readable after the
    /// device's first unlock (`kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly`) so that a
    /// background sync works while the device is locked, and never copied to another device.
    public struct KeychainSessionStore: SessionStore {
        /// The item's service name.
        public let service: String
        /// The item's account name: one session per mirror, so one per store.
        public let account: String

        /// The item of `account` under `service` (the app's bundle identifier, say).
        public init(service: String, account: String = "session") {
            self.service = service
            self.account = account
        }

        /// The saved session, or `nil` when the Keychain holds no item for it.
        /// - Throws: ``KeychainError`` when the item cannot be read; a decoding error when it
        ///   holds no session.
        public func load() throws -> Session? {
            var query = baseQuery
            query[kSecReturnData as String] = true
            query[kSecMatchLimit as String] = kSecMatchLimitOne
            var item: CFTypeRef?
            let status = SecItemCopyMatching(query as CFDictionary, &item)
            if status == errSecItemNotFound { return nil }
            guard status == errSecSuccess, let data = item as? Data else { throw KeychainError(operation: "read", status: status) }
            return try JSONDecoder().decode(Session.self, from: data)
        }

        /// Saves `session`, replacing any earlier one, readable after the first unlock and on
        /// this device only.
        public func save(_ session: Session) throws {
            let data = try JSONEncoder().encode(session)
            let update: [String: Any] = [kSecValueData as String: data, kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly]
            var status = SecItemUpdate(baseQuery as CFDictionary, update as CFDictionary)
            if status == errSecItemNotFound {
                var add = baseQuery
                add.merge(update) { $1 }
                status = SecItemAdd(add as CFDictionary, nil)
            }
            guard status == errSecSuccess else { throw KeychainError(operation: "save", status: status) }
        }

        /// Forgets the saved session; no item is no error.
        public func delete() throws {
            let status = SecItemDelete(baseQuery as CFDictionary)
            guard status == errSecSuccess || status == errSecItemNotFound else { throw KeychainError(operation: "delete", status: status) }
        }

        private var baseQuery: [String: Any] {
            [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: service, kSecAttrAccount as String: account]
        }
    }

    /// A Keychain call that failed, with its `OSStatus`.
    public struct KeychainError: Error, Hashable, Sendable, CustomStringConvertible {
        /// What was tried: `read`, `save` or `delete`.
        public let operation: String
        /// The Keychain's status code.
        public let status: Int32

        /// The failure in words: what could not be done with the session, and the Keychain's reason.
        public var description: String {
            let reason = (SecCopyErrorMessageString(status, nil) as String?) ?? "OSStatus \(status)"
            return "the session could not be \(operation == "read" ? "read from" : operation == "save" ? "saved to" : "deleted from") the Keychain (\(reason))."
        }
    }
#endif
