extension Duration {
    /// The duration in seconds.
    public var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    /// The duration in microseconds.
    public var microseconds: Double {
        seconds * 1e6
    }
}
