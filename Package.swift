// swift-tools-version:6.2
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// The libraries an app links: also no import is public unless it says so, so that no type
/// of GRDB, NIO or Hummingbird can reach a public signature.
let librarySettings = strictSettings + [.enableUpcomingFeature("InternalImportsByDefault")]

let package = Package(
    name: "cwsync",
    platforms: [.macOS(.v14), .iOS(.v17)],
    products: [
        .library(name: "CoinWeightAPI", targets: ["CoinWeightAPI"]),
        .library(name: "CoinWeightStore", targets: ["CoinWeightStore"]),
        .library(name: "CoinWeightSync", targets: ["CoinWeightSync"]),
        .library(name: "CoinWeightHTTPClient", targets: ["CoinWeightHTTPClient"]),
        .library(name: "CoinWeightEmulator", targets: ["CoinWeightEmulator"]),
        .executable(name: "cwsync", targets: ["cwsync"]),
        .executable(name: "cwsync-emulator", targets: ["cwsync-emulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    ],
    targets: [
        // Wire models, the typed client and its transport. Foundation only.
        .target(
            name: "CoinWeightAPI",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            swiftSettings: librarySettings
        ),
        // The local SQLite mirror: schema/ migrations, upserts, queries and observations.
        .target(
            name: "CoinWeightStore",
            dependencies: [
                "CoinWeightAPI", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: librarySettings,
            plugins: ["EmbedSchema"]
        ),
        // schema/*.sql compiled into CoinWeightStore, api/openapi.yaml into CoinWeightLocalAPI: no resource bundle at run time.
        .plugin(name: "EmbedSchema", capability: .buildTool(), dependencies: ["SchemaEmbedder"]),
        .executableTarget(name: "SchemaEmbedder"),
        // The HTTPTransport on AsyncHTTPClient: pooled connections that never resend, TLS with
        // extra CAs. A module of its own, so that an app on Apple platforms links no NIO.
        .target(
            name: "CoinWeightHTTPClient",
            dependencies: [
                "CoinWeightAPI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: librarySettings
        ),
        // The sync engine: pulls every resource into the store; the network only through the client.
        .target(
            name: "CoinWeightSync",
            dependencies: ["CoinWeightAPI", "CoinWeightStore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: librarySettings
        ),
        // What every server of the API here shares (the emulator, the daemon's local API): the
        // spec's envelopes, its refusals, request reading, and listening on Hummingbird.
        .target(
            name: "CoinWeightServing",
            dependencies: [
                "CoinWeightAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: librarySettings
        ),
        // The mirror served as the coin-weight API on loopback by `cwsync run --api-port`: reads
        // from the store, writes through the outbox, a change feed and a console.
        .target(
            name: "CoinWeightLocalAPI",
            dependencies: [
                "CoinWeightAPI", "CoinWeightStore", "CoinWeightSync", "CoinWeightServing",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: librarySettings,
            plugins: ["EmbedSchema"]
        ),
        // A local, faithful emulator of the coin-weight API for tests and first runs.
        .target(
            name: "CoinWeightEmulator",
            dependencies: [
                "CoinWeightAPI",
                "CoinWeightServing",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            swiftSettings: strictSettings
        ),
        // The commands of cwsync, in a library so that the tools and tests in this package share them.
        .target(
            name: "CWSyncCLI",
            dependencies: [
                "CoinWeightAPI",
                "CoinWeightStore",
                "CoinWeightSync",
                "CoinWeightHTTPClient",
                "CoinWeightLocalAPI",
                "CoinWeightServing",
                "CSystemMemory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings
        ),
        // What the daemon needs of the C library's allocator: one arena, its free pages given back.
        .target(name: "CSystemMemory"),
        // The command a user installs: no emulator code in it.
        .executableTarget(
            name: "cwsync",
            dependencies: ["CWSyncCLI", "CSystemMemory", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
        // The emulator and the quickstart, for first runs, tests and demos: never shipped to users.
        .executableTarget(
            name: "cwsync-emulator",
            dependencies: [
                "CWSyncCLI", "CoinWeightAPI", "CoinWeightEmulator", "CoinWeightStore", "CoinWeightSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // The benchmarks: executables of this package only, no products, so that nothing depending on
        // it sees them (`swift build -c release --product sync-benchmark` builds one from a checkout).
        // What the benchmark executables share: process runs, the emulator child process, the sqlite3 CLI, CSV,
        // machine facts, formatting.
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                "CoinWeightAPI", "CoinWeightStore", "CoinWeightEmulator", "CoinWeightTestSupport", .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/BenchmarkSupport",
            swiftSettings: strictSettings
        ),
        // Speed and size of the store on a million orders beside the sqlite3 CLI (release builds).
        .executableTarget(
            name: "store-benchmark",
            dependencies: ["BenchmarkSupport", "CoinWeightAPI", "CoinWeightStore", "CoinWeightTestSupport"],
            path: "Benchmarks/StoreBenchmark",
            swiftSettings: strictSettings
        ),
        // A first sync of 200,000 orders from a local emulator beside curl and the sqlite3 CLI.
        .executableTarget(
            name: "sync-benchmark",
            dependencies: [
                "BenchmarkSupport", "CoinWeightAPI", "CoinWeightHTTPClient", "CoinWeightStore", "CoinWeightSync", "CoinWeightEmulator",
                "CoinWeightTestSupport",
            ],
            path: "Benchmarks/SyncBenchmark",
            exclude: ["peer-sync.py"],
            swiftSettings: strictSettings
        ),
        // Durable outbox enqueues into a store file, and outbox delivery to a local emulator beside raw client requests.
        .executableTarget(
            name: "outbox-benchmark",
            dependencies: ["BenchmarkSupport", "CoinWeightAPI", "CoinWeightHTTPClient", "CoinWeightStore", "CoinWeightSync", "CoinWeightEmulator"],
            path: "Benchmarks/OutboxBenchmark",
            swiftSettings: strictSettings
        ),
        // The cwsync binary as a user meets it: launch-to-exit of an offline query on a million orders, and
        // the memory and CPU of the daemon at rest.
        .executableTarget(
            name: "cli-benchmark",
            dependencies: ["BenchmarkSupport", "CoinWeightAPI", "CoinWeightStore", "CoinWeightSync", "CoinWeightTestSupport"],
            path: "Benchmarks/CLIBenchmark",
            swiftSettings: strictSettings
        ),
        // The floor cli-benchmark measures the idle daemon against: a GRDB pool and one request, then at rest.
        .executableTarget(
            name: "rss-floor",
            dependencies: ["CoinWeightAPI", "CoinWeightHTTPClient", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/RSSFloor",
            swiftSettings: strictSettings
        ),
        // Helpers shared by the test targets and the benchmarks (a target, not a product): child processes
        // (posix_spawn), the built executables, error capture, a manual clock, the memory of a process.
        .target(
            name: "CoinWeightTestSupport",
            dependencies: [
                "CoinWeightAPI", "CoinWeightEmulator", "CoinWeightHTTPClient", "CoinWeightLocalAPI", "CoinWeightStore", "CoinWeightSync", "CTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // What the test support needs of C: posix_spawn's closefrom, pipe2, and the descriptor census a test
        // bundle prints at its exit.
        .target(name: "CTestSupport"),
        // Decoding and client behaviour without a server.
        .testTarget(
            name: "CoinWeightAPITests",
            dependencies: ["CoinWeightAPI", "CoinWeightTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        // The client against the emulator over loopback HTTP, one test per endpoint.
        .testTarget(
            name: "CoinWeightContractTests",
            dependencies: ["CoinWeightAPI", "CoinWeightEmulator", "CoinWeightHTTPClient", "CoinWeightLocalAPI", "CoinWeightSync", "CoinWeightTestSupport"],
            swiftSettings: strictSettings
        ),
        // The local API of the daemon: its refusals, offline answers, change feed and console.
        .testTarget(
            name: "CoinWeightLocalAPITests",
            dependencies: [
                "CoinWeightAPI", "CoinWeightEmulator", "CoinWeightHTTPClient", "CoinWeightLocalAPI", "CoinWeightStore", "CoinWeightSync",
                "CoinWeightTestSupport", .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // The store on real temporary database files.
        .testTarget(
            name: "CoinWeightStoreTests",
            dependencies: [
                "CoinWeightAPI", "CoinWeightStore", "CoinWeightTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // The sync engine against the emulator over loopback HTTP, on real store files.
        .testTarget(
            name: "CoinWeightSyncTests",
            dependencies: [
                "CoinWeightAPI", "CoinWeightStore", "CoinWeightSync", "CoinWeightEmulator", "CoinWeightTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The long campaigns against the built binary: SIGKILLs, faults, a soak (short form in CI, full on request).
        .testTarget(
            name: "CoinWeightCampaignTests",
            dependencies: [
                "CoinWeightAPI", "CoinWeightStore", "CoinWeightSync", "CoinWeightEmulator", "CoinWeightTestSupport",
            ],
            swiftSettings: strictSettings
        ),
        // The cwsync command line: parsed in process, and the built binaries run as a user runs them.
        .testTarget(
            name: "cwsyncTests",
            dependencies: [
                "CWSyncCLI", "CoinWeightAPI", "CoinWeightEmulator", "CoinWeightStore", "CoinWeightSync", "CoinWeightTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // The emulator's own promises: authorization, faults, control surface, the binary.
        .testTarget(
            name: "CoinWeightEmulatorTests",
            dependencies: ["CoinWeightAPI", "CoinWeightEmulator", "CoinWeightTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
