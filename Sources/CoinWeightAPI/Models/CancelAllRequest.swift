/// The body of `/order/cancel-all`. An empty ``selectedCounterParty`` cancels on every exchange.
public struct CancelAllRequest: Codable, Hashable, Sendable {
    public var owner: String
    public var selectedCounterParty: [String]

    public init(owner: String, selectedCounterParty: [String] = []) {
        self.owner = owner
        self.selectedCounterParty = selectedCounterParty
    }
}

/// The bare (unenveloped) answer of `/order/cancel-all`.
public struct CancelAllResult: Codable, Hashable, Sendable {
    public var owner: String
    public var canceledCounterParty: [String]

    public init(owner: String, canceledCounterParty: [String]) {
        self.owner = owner
        self.canceledCounterParty = canceledCounterParty
    }
}
