/// The body of `/order/cancel-all`. An empty ``selectedCounterParty`` cancels on every exchange.
public struct CancelAllRequest: Codable, Hashable, Sendable {
    /// The trading account whose orders to cancel (`"123"`).
    public var owner: String
    /// The exchanges to cancel on (`"huobi"`, `"binance"`); empty for every exchange.
    public var selectedCounterParty: [String]

    /// A request to cancel `owner`'s orders on `selectedCounterParty`, by default every exchange.
    public init(owner: String, selectedCounterParty: [String] = []) {
        self.owner = owner
        self.selectedCounterParty = selectedCounterParty
    }
}

/// The bare (unenveloped) answer of `/order/cancel-all`.
public struct CancelAllResult: Codable, Hashable, Sendable {
    /// The trading account the request named.
    public var owner: String
    /// The exchanges the server reports it cancelled on.
    public var canceledCounterParty: [String]

    /// Creates a result with the given fields.
    public init(owner: String, canceledCounterParty: [String]) {
        self.owner = owner
        self.canceledCounterParty = canceledCounterParty
    }
}
