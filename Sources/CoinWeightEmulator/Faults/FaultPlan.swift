/// The faults the emulator injects, switchable at run time by a test.
///
/// Rates are probabilities per request (0...1). Faults apply to API routes whose path
/// (below the base path) starts with one of ``paths``, or to all API routes when it is
/// empty; the control surface is never faulted.
public struct FaultPlan: Codable, Hashable, Sendable {
    /// Delay added before each request is handled, in milliseconds.
    public var latencyMilliseconds: Int = 0
    /// Answer HTTP 503 before the request takes effect.
    public var serverErrorRate: Double = 0
    /// Answer HTTP 429 with `Retry-After` before the request takes effect.
    public var rateLimitRate: Double = 0
    /// The `Retry-After` seconds sent with a 429.
    public var retryAfterSeconds: Int = 1
    /// Close the connection before the request takes effect: no response at all.
    public var dropBeforeEffectRate: Double = 0
    /// Apply the request, then close the connection: the response is lost.
    public var dropAfterEffectRate: Double = 0
    /// Apply the request, then answer HTTP 200 with a truncated, unparseable body.
    public var malformedRate: Double = 0
    /// Revoke every token issued so far and answer 403, as if the session expired.
    public var tokenExpiryRate: Double = 0
    /// How long a new order stays invisible to `/order/active` and `/order/inactive`, in milliseconds.
    public var readLagMilliseconds: Int64 = 0
    /// Path prefixes the faults apply to (`/order/create`); empty means every API path.
    public var paths: [String] = []

    public init(
        latencyMilliseconds: Int = 0, serverErrorRate: Double = 0, rateLimitRate: Double = 0, retryAfterSeconds: Int = 1,
        dropBeforeEffectRate: Double = 0, dropAfterEffectRate: Double = 0, malformedRate: Double = 0,
        tokenExpiryRate: Double = 0, readLagMilliseconds: Int64 = 0, paths: [String] = []
    ) {
        self.latencyMilliseconds = latencyMilliseconds
        self.serverErrorRate = serverErrorRate
        self.rateLimitRate = rateLimitRate
        self.retryAfterSeconds = retryAfterSeconds
        self.dropBeforeEffectRate = dropBeforeEffectRate
        self.dropAfterEffectRate = dropAfterEffectRate
        self.malformedRate = malformedRate
        self.tokenExpiryRate = tokenExpiryRate
        self.readLagMilliseconds = readLagMilliseconds
        self.paths = paths
    }

    /// Decodes leniently: every field is optional, so a test sends only what it changes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = FaultPlan()
        latencyMilliseconds = try container.decodeIfPresent(Int.self, forKey: .latencyMilliseconds) ?? defaults.latencyMilliseconds
        serverErrorRate = try container.decodeIfPresent(Double.self, forKey: .serverErrorRate) ?? 0
        rateLimitRate = try container.decodeIfPresent(Double.self, forKey: .rateLimitRate) ?? 0
        retryAfterSeconds = try container.decodeIfPresent(Int.self, forKey: .retryAfterSeconds) ?? defaults.retryAfterSeconds
        dropBeforeEffectRate = try container.decodeIfPresent(Double.self, forKey: .dropBeforeEffectRate) ?? 0
        dropAfterEffectRate = try container.decodeIfPresent(Double.self, forKey: .dropAfterEffectRate) ?? 0
        malformedRate = try container.decodeIfPresent(Double.self, forKey: .malformedRate) ?? 0
        tokenExpiryRate = try container.decodeIfPresent(Double.self, forKey: .tokenExpiryRate) ?? 0
        readLagMilliseconds = try container.decodeIfPresent(Int64.self, forKey: .readLagMilliseconds) ?? 0
        paths = try container.decodeIfPresent([String].self, forKey: .paths) ?? []
    }

    /// Whether the plan applies to a path below the base path.
    func covers(_ path: String) -> Bool { paths.isEmpty || paths.contains { path.hasPrefix($0) } }
}

/// How many faults of each kind the emulator injected, for test reports.
public struct FaultCounts: Codable, Hashable, Sendable {
    public var serverErrors = 0
    public var rateLimits = 0
    public var dropsBeforeEffect = 0
    public var dropsAfterEffect = 0
    public var malformed = 0
    public var tokenExpiries = 0
    public var delayed = 0

    public init() {}
}

/// The fault drawn for one request.
enum InjectedFault: Equatable {
    case serverError
    case rateLimit(retryAfter: Int)
    case dropBeforeEffect, dropAfterEffect, malformed, tokenExpiry
}
