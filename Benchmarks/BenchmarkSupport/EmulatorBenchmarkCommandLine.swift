import CoinWeightEmulator

/// The options of a benchmark that measures against an emulator in a child process (see
/// ``BenchmarkMain/runWithEmulator(_:options:isolation:measure:)``).
public protocol EmulatorBenchmarkCommandLine: BenchmarkCommandLine {
    /// The emulator the child process serves, read from the options it was started with.
    var emulator: EmulatorConfiguration { get }
}
