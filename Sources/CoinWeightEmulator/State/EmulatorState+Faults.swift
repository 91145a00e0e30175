/// Fault injection: the plan, the draw for each request, and the counts.
extension EmulatorState {
    public func setFaults(_ plan: FaultPlan) { faults = plan }

    public func currentFaults() -> FaultPlan { faults }

    public func injectedFaultCounts() -> FaultCounts { faultCounts }

    /// Draws at most one fault for a request to `path`, counting it, and the latency to add.
    /// Faults are drawn in a fixed order, each with its own rate; the first that hits wins.
    /// Token expiry is drawn only for requests that carry a token.
    func drawFault(path: String, hasToken: Bool) -> (fault: InjectedFault?, latencyMilliseconds: Int) {
        guard faults.covers(path) else { return (nil, 0) }
        if faults.latencyMilliseconds > 0 { faultCounts.delayed += 1 }
        let draws: [(rate: Double, fault: InjectedFault, counter: WritableKeyPath<FaultCounts, Int>)] = [
            (hasToken ? faults.tokenExpiryRate : 0, .tokenExpiry, \.tokenExpiries),
            (faults.dropBeforeEffectRate, .dropBeforeEffect, \.dropsBeforeEffect),
            (faults.serverErrorRate, .serverError, \.serverErrors),
            (faults.rateLimitRate, .rateLimit(retryAfter: faults.retryAfterSeconds), \.rateLimits),
            (faults.dropAfterEffectRate, .dropAfterEffect, \.dropsAfterEffect),
            (faults.malformedRate, .malformed, \.malformed),
        ]
        guard let hit = draws.first(where: { random.chance($0.rate) }) else { return (nil, faults.latencyMilliseconds) }
        faultCounts[keyPath: hit.counter] += 1
        if hit.fault == .tokenExpiry { revokeTokens() }
        return (hit.fault, faults.latencyMilliseconds)
    }

    /// Every token issued until now stops working: the next call needs a new login.
    public func revokeTokens() {
        tokenGeneration += 1
    }
}
