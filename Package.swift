// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "BrainKit",
    products: [
        .library(name: "BrainKit", targets: ["BrainKit"]),
        .library(name: "BrainCore", targets: ["BrainCore"]),
        .library(name: "BrainNetworks", targets: ["BrainNetworks"]),
        .executable(name: "squaring", targets: ["squaring"]),
        .executable(name: "brainkit-bench", targets: ["brainkit-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // MARK: - System libraries

        // CBLAS + LAPACKE from Debian's libopenblas-dev and liblapacke-dev. Imported only by
        // BrainCore/LinearAlgebra.
        .systemLibrary(
            name: "COpenBLAS",
            path: "Sources/COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),

        // MARK: - Layers (imports point down only)

        .target(name: "BrainCore", dependencies: ["COpenBLAS"]),
        .target(name: "BrainNetworks", dependencies: ["BrainCore"]),
        .target(name: "BrainKit", dependencies: ["BrainCore", "BrainNetworks"]),

        // MARK: - Tools

        .executableTarget(
            name: "brainkit-bench",
            dependencies: ["BrainKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // MARK: - Examples

        .executableTarget(name: "squaring", dependencies: ["BrainKit"], path: "Examples/squaring"),
        .executableTarget(name: "learning", dependencies: ["BrainKit"], path: "Examples/learning"),

        // MARK: - Tests

        .target(name: "BrainTestSupport", dependencies: ["BrainCore"], path: "Tests/BrainTestSupport"),
        .testTarget(
            name: "BrainNetworksTests",
            dependencies: ["BrainNetworks", "BrainTestSupport"]
        ),
        .testTarget(
            name: "BrainCoreTests",
            dependencies: ["BrainCore", "BrainTestSupport"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
