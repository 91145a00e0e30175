import CoinWeightAPI

/// Runs `call` and returns the ``CoinWeightError`` it threw, or `nil` when it succeeded.
///
/// Tests look at the typed error a user would see; any other error is rethrown, so an
/// unexpected failure fails the test instead of passing as "some error".
public func error<T>(of call: () async throws -> T) async throws -> CoinWeightError? {
    do {
        _ = try await call()
        return nil
    } catch let error as CoinWeightError {
        return error
    }
}
