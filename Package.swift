// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "BrainKit",
    products: [
        .library(name: "BrainKit", targets: ["BrainKit"]),
        .library(name: "BrainCore", targets: ["BrainCore"]),
        .library(name: "BrainNetworks", targets: ["BrainNetworks"]),
        .library(name: "BrainBiophysics", targets: ["BrainBiophysics"]),
        .library(name: "BrainSPA", targets: ["BrainSPA"]),
        .library(name: "SpaunLite", targets: ["SpaunLite"]),
        .library(name: "BrainPlot", targets: ["BrainPlot"]),
        .library(name: "BrainView", targets: ["BrainView"]),
        .library(name: "BrainMPI", targets: ["BrainMPI"]),
        .executable(name: "squaring", targets: ["squaring"]),
        .executable(name: "brainkit-bench", targets: ["brainkit-bench"]),
        .executable(name: "spaun-lite", targets: ["spaun-lite"]),
        .executable(name: "brainkit-view", targets: ["brainkit-view"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `make docs`: the DocC catalogs as static HTML (swift package generate-documentation).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // The live view's web server (BrainView only; the layers never import it).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
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

        // The step's hot loops (LIF neurons, matrix-vector pieces, synapses, element-wise
        // vectors, the spike scan) as plain C loops, each compiled for x86-64-v4, x86-64-v3 and
        // the baseline, the loader choosing one for the CPU (`target_clones`): native speed
        // with no build flags. Imported only by BrainCore's engine and neurons.
        .target(name: "CStepLoops"),

        // Open MPI (Debian's openmpi-bin and libopenmpi-dev), loaded at run time: the MPI calls
        // BrainMPI makes, with mpi.h's macros resolved inside. Nothing links against libmpi or
        // needs mpi.h to build, so every target builds without Open MPI; a distributed run
        // without it is a typed error. Imported only by BrainMPI/MPI.swift.
        .target(name: "CMPI"),

        // MARK: - Layers (imports point down only)

        .target(name: "BrainCore", dependencies: ["COpenBLAS", "CStepLoops"]),
        .target(name: "BrainNetworks", dependencies: ["BrainCore"]),
        // The Semantic Pointer Architecture: algebras, semantic pointers, vocabularies and the
        // expression language; SPA modules and action selection on BrainNetworks.
        .target(name: "BrainSPA", dependencies: ["BrainNetworks"]),
        // Conductance-based and equation-defined neurons (AdEx, Hodgkin–Huxley compartments,
        // Brian-style equations); a side layer on BrainCore, usable as ensemble neuron types.
        .target(name: "BrainBiophysics", dependencies: ["BrainCore"]),
        // Figures as hand-written SVG (line plots, rasters, tuning curves, panels) and data out
        // (.npz, CSV); a side layer on BrainCore.
        .target(name: "BrainPlot", dependencies: ["BrainCore"]),
        // The live view: a running model in the browser (graph, plots, sliders), served over
        // HTTP and WebSocket by Hummingbird; a front end on BrainCore, outside the
        // umbrella so that the layers never depend on a web server.
        .target(
            name: "BrainView",
            dependencies: [
                "BrainCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            ],
            resources: [.copy("Page")]),
        // One model across the processes of an MPI job (DistributedSimulator): a front end on
        // BrainCore, outside the umbrella, so that the layers never depend on MPI.
        .target(name: "BrainMPI", dependencies: ["BrainCore", "CMPI"]),
        .target(
            name: "BrainKit", dependencies: ["BrainCore", "BrainNetworks", "BrainBiophysics", "BrainSPA", "BrainPlot"]),

        // MARK: - Architectures

        // Spaun-lite: a perception-to-action model on BrainSPA (vision, working memory, action
        // selection, motor), with the shipped digit images as a resource.
        .target(
            name: "SpaunLite", dependencies: ["BrainNetworks", "BrainSPA", "SpaunLiteVocab"], path: "Architectures/SpaunLite",
            resources: [.copy("Resources")]),
        // Spaun-lite's vocabularies as data files (BrainSPA's vocabulary format), the one
        // source of their vectors.
        .target(name: "SpaunLiteVocab", path: "Vocab", exclude: ["README.md"], resources: [.copy("Files")]),

        // MARK: - Tools

        .executableTarget(
            name: "spaun-lite",
            dependencies: ["BrainKit", "SpaunLite", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The models brainkit-view serves (the talk's oscillator, the SPA sequence, Spaun-lite).
        .target(name: "BrainViewDemos", dependencies: ["BrainCore", "BrainSPA", "BrainView", "SpaunLite"]),
        .executableTarget(
            name: "brainkit-view",
            dependencies: [
                "BrainView", "BrainViewDemos", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "brainkit-bench",
            dependencies: ["BrainKit", "BrainMPI", "SpaunLite", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // MARK: - Examples

        .executableTarget(name: "squaring", dependencies: ["BrainKit"], path: "Examples/squaring"),
        .executableTarget(name: "basal-ganglia", dependencies: ["BrainKit"], path: "Examples/basal-ganglia"),
        .executableTarget(
            name: "circular-convolution", dependencies: ["BrainKit"], path: "Examples/circular-convolution"),
        .executableTarget(name: "integrator", dependencies: ["BrainKit"], path: "Examples/integrator"),
        .executableTarget(name: "controlled-oscillator", dependencies: ["BrainKit"], path: "Examples/controlled-oscillator"),
        .executableTarget(name: "learning", dependencies: ["BrainKit"], path: "Examples/learning"),
        .executableTarget(
            name: "adex-demo",
            dependencies: ["BrainKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/adex-demo"),
        .executableTarget(
            name: "neuron-demo",
            dependencies: ["BrainKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/neuron-demo"),
        .executableTarget(
            name: "talk-figures",
            dependencies: ["BrainKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/talk-figures"),
        .executableTarget(
            name: "spa-sequence",
            dependencies: ["BrainKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/spa-sequence"),
        .executableTarget(
            name: "question-memory",
            dependencies: ["BrainKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/question-memory"),
        .executableTarget(
            name: "question-control",
            dependencies: ["BrainKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/question-control"),

        // MARK: - Tests

        // The reliability suite (`make test`): adversarial cases, each run in a child process of
        // this executable under a memory limit; prints a table by outcome.
        .executableTarget(
            name: "reliability-suite", dependencies: ["BrainCore", "BrainNetworks", "BrainBiophysics"],
            path: "Tests/ReliabilitySuite"),
        // The distributed-failure tests' program: a failing or killed rank under mpirun, and the
        // single-process runs to compare with.
        .executableTarget(name: "brainkit-mpi-fault", dependencies: ["BrainCore", "BrainMPI"], path: "Tests/MPIFaultRun"),
        .target(name: "BrainTestSupport", dependencies: ["BrainCore"], path: "Tests/BrainTestSupport"),
        // Each compiled version of some CStepLoops functions by name, so a test compares them.
        .target(name: "StepLoopVersions", dependencies: ["CStepLoops"], path: "Tests/StepLoopVersions"),
        // Counts the test process's heap allocations per thread (replaces malloc and friends in
        // the test executable; used by the no-allocation-per-step test).
        .target(name: "AllocationCounter", path: "Tests/AllocationCounter"),
        .testTarget(
            name: "BrainNetworksTests",
            dependencies: ["BrainNetworks", "BrainTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "BrainSPATests",
            dependencies: ["BrainSPA", "BrainTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "BrainViewTests", dependencies: ["BrainView", "BrainViewDemos", "BrainTestSupport"]),
        .testTarget(name: "BrainPlotTests", dependencies: ["BrainPlot", "BrainTestSupport"]),
        // Runs brainkit-bench --mpi under mpirun (built beside the tests) against single-process
        // runs; skipped, saying so, without mpirun.
        .testTarget(name: "BrainMPITests", dependencies: ["BrainMPI"]),
        // Fixtures: the Python script that made the tutorial models' Nengo figures.
        .testTarget(name: "BrainKitTests", dependencies: ["BrainKit"], exclude: ["Fixtures"]),
        .testTarget(name: "SpaunLiteTests", dependencies: ["SpaunLite", "BrainTestSupport"]),
        .testTarget(
            name: "BrainBiophysicsTests",
            dependencies: ["BrainBiophysics", "BrainTestSupport", "AllocationCounter"],
            resources: [.copy("Fixtures")]
        ),
        // Runs every example executable (built beside the tests) and checks the JSON on its
        // last line.
        .testTarget(name: "ExampleTests"),
        .testTarget(
            name: "BrainCoreTests",
            dependencies: ["BrainCore", "BrainTestSupport", "AllocationCounter", "StepLoopVersions"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
