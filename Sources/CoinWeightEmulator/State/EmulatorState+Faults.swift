/// Fault injection: the plan, the draw for each request, and the counts.
extension EmulatorState {
    public func setFaults(_ plan: FaultPlan) { faults = plan }

    public func currentFaults() -> FaultPlan { faults }

    public func injectedFaultCounts() -> FaultCounts { faultCounts }

    /// Draws at most one fault for a request to `path`, counting it, and the latency to add.
    func drawFault(path: String) -> (fault: InjectedFault?, latencyMilliseconds: Int) {
        guard faults.covers(path) else { return (nil, 0) }
        if faults.latencyMilliseconds > 0 { faultCounts.delayed += 1 }
        let fault: InjectedFault?
        if random.chance(faults.tokenExpiryRate) {
            fault = .tokenExpiry
            faultCounts.tokenExpiries += 1
            revokeTokens()
        } else if random.chance(faults.dropBeforeEffectRate) {
            fault = .dropBeforeEffect
            faultCounts.dropsBeforeEffect += 1
        } else if random.chance(faults.serverErrorRate) {
            fault = .serverError
            faultCounts.serverErrors += 1
        } else if random.chance(faults.rateLimitRate) {
            fault = .rateLimit(retryAfter: faults.retryAfterSeconds)
            faultCounts.rateLimits += 1
        } else if random.chance(faults.dropAfterEffectRate) {
            fault = .dropAfterEffect
            faultCounts.dropsAfterEffect += 1
        } else if random.chance(faults.malformedRate) {
            fault = .malformed
            faultCounts.malformed += 1
        } else {
            fault = nil
        }
        return (fault, faults.latencyMilliseconds)
    }

    /// Every token issued until now stops working: the next call needs a new login.
    public func revokeTokens() {
        tokenGeneration += 1
    }
}
