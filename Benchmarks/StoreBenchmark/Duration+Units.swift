extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// The duration in microseconds.
    var microseconds: Double {
        seconds * 1e6
    }
}
