// swift-tools-version:6.2
import PackageDescription

// A tour of CoinWeightSync as an app's data layer uses it: open, log in, sync, observe,
// queue a write offline, see it confirmed, forget the account. Run it with `Examples/run-tour`.
let package = Package(
    name: "MirrorTour",
    platforms: [.macOS(.v14), .iOS(.v17)],
    dependencies: [
        .package(name: "cwsync", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "MirrorTour",
            dependencies: [
                .product(name: "CoinWeightSync", package: "cwsync"),
                .product(name: "CoinWeightAPI", package: "cwsync"),
                .product(name: "CoinWeightStore", package: "cwsync"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
