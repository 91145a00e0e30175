/// The Strategy API: start, stop, leave and status.
extension CoinWeightClient {
    /// `POST /strategy/start`.
    public func startStrategy(userID: UserID, strategy: StrategyItem) async throws(CoinWeightError) -> StrategyStatus {
        try await strategyCommand("/strategy/start", StrategyCommand(userid: userID.rawValue, strategy: strategy))
    }

    /// `POST /strategy/stop` with `bCancel: true`: stops the strategy and cancels its orders.
    public func stopStrategy(userID: UserID, strategy: StrategyItem) async throws(CoinWeightError) -> StrategyStatus {
        try await strategyCommand("/strategy/stop", StrategyCommand(userid: userID.rawValue, strategy: strategy, cancelOrders: true))
    }

    /// `POST /strategy/stop` with `bCancel: false` ("leave"): stops the strategy, its orders stay on the book.
    public func leaveStrategy(userID: UserID, strategy: StrategyItem) async throws(CoinWeightError) -> StrategyStatus {
        try await strategyCommand("/strategy/stop", StrategyCommand(userid: userID.rawValue, strategy: strategy, cancelOrders: false))
    }

    /// `GET /strategy/status/{uid}`: the run state of each of the user's strategies.
    public func strategyStatuses(uid: UserID) async throws(CoinWeightError) -> [StrategyStatus] {
        let list: StrategyStatusList = try await send(.get("/strategy/status/\(uid.rawValue.pathSegment)", errors: .ownerChecked))
        return list.status
    }

    private func strategyCommand(_ path: String, _ command: StrategyCommand) async throws(CoinWeightError) -> StrategyStatus {
        let data: StrategyStatusData = try await send(encoding { try .post(path, body: command, errors: .ownerChecked) })
        return data.strategy
    }
}
