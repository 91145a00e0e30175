import ArgumentParser
import CWSyncCLI
import CoinWeightAPI
import CoinWeightEmulator
import Foundation

/// `cwsync-emulator [serve]`: runs the local coin-weight API emulator until Ctrl-C or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run a local emulator of the coin-weight API (users abc/abc_password and eve/eve_password).",
        discussion: "Prints the base URL to use (for example http://127.0.0.1:8080/exp/v2) on standard output once it listens."
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8080

    @Option(help: "Historical orders to seed for user abc (owner 2).")
    var seedOrders = 0

    @Option(help: "The days the seeded orders spread over, ending now.")
    var seedDays = 90

    @Option(help: "The largest pageSize /order/inactive honours.")
    var pageSizeCap = 100

    @Option(help: "Seconds a login token stays valid.")
    var tokenLifetime = 3600

    @Flag(help: "Enable the test control surface under /_emulator (state dump, faults, fills).")
    var control = false

    @Flag(help: "Serve HTTPS, with a certificate made at start and signed by a CA of its own, whose certificate goes to --ca-out.")
    var tls = false

    @Option(
        help: ArgumentHelp(
            "With --tls: where to write the CA's certificate (PEM), for cwsync --ca-file (default: a file in the temporary folder, named on standard error).",
            valueName: "path"))
    var caOut: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard seedOrders >= 0 else { throw ValidationError("--seed-orders must be 0 or more.") }
        guard seedDays >= 1 else { throw ValidationError("--seed-days must be 1 or more.") }
        guard pageSizeCap >= 1 else { throw ValidationError("--page-size-cap must be 1 or more.") }
        guard tokenLifetime >= 1 else { throw ValidationError("--token-lifetime must be 1 second or more.") }
        if caOut != nil && !tls { throw ValidationError("--ca-out goes with --tls.") }
    }

    func run() async throws {
        global.bootstrapLogging()
        let certificate = try tls ? writeCertificate() : nil
        let emulator = CoinWeightEmulator(
            configuration: EmulatorConfiguration(
                host: host, port: port, tokenLifetime: .seconds(tokenLifetime), pageSizeCap: pageSizeCap,
                controlEnabled: control, seedOrders: seedOrders, seedDays: seedDays, tls: certificate))
        let basePath = emulator.configuration.basePath
        let (host, scheme) = (host, emulator.scheme)
        do {
            try await emulator.run { port in
                let urlHost = host.contains(":") ? "[\(host)]" : host
                Console.out("\(scheme)://\(urlHost):\(port)\(basePath)")
            }
        } catch let error as EmulatorError {
            Console.err("cwsync-emulator: \(error): stop it, or pick another --port (0 picks a free one)")
            throw ExitCode.failure
        }
    }

    /// Makes the certificate to serve, and writes its CA's certificate where `--ca-out` says.
    private func writeCertificate() throws -> EmulatorTLS {
        let certificate = try EmulatorTLS.selfSigned(host: host)
        let path = caOut ?? FileManager.default.temporaryDirectory.appendingPathComponent("cwsync-emulator-\(getpid())-ca.pem").path
        do {
            try Data(certificate.caCertificatePEM.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            Console.err("cwsync-emulator: cannot write the CA certificate to \(path): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        Console.err("cwsync-emulator: CA certificate in \(path): trust it with --ca-file \(path)")
        return certificate
    }
}
