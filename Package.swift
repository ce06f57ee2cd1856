// swift-tools-version:6.0
import PackageDescription

/// Layers, each importing only the ones below it:
/// model ← storage ← core ← view models ← terminal ← `socialdeck`.
let package = Package(
    name: "socialdeck",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "socialdeck", targets: ["socialdeck"]),
        .executable(name: "socialdeck-bench", targets: ["socialdeck-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        /// libmongoc (apt: libmongoc-dev), opened on first use: see include/CMongoc.h.
        .target(name: "CMongoc"),
        /// libcurl (apt: libcurl4-openssl-dev), opened on first use: see include/CCurl.h.
        .target(name: "CCurl"),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw",
                       providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode",
                       providers: [.apt(["libqrencode-dev"])]),

        .target(name: "SocialdeckModel"),
        .target(name: "SocialdeckStorage",
                dependencies: ["SocialdeckModel", "CSQLite", "CMongoc"]),
        .target(name: "SocialdeckCore",
                dependencies: ["SocialdeckModel", "SocialdeckStorage", "CSQLite", "CMongoc", "COpenSSL", "CQRencode", "CCurl"]),
        .target(name: "SocialdeckViewModels",
                dependencies: ["SocialdeckCore", "SocialdeckModel"]),
        .target(name: "SocialdeckTerminal",
                dependencies: ["SocialdeckViewModels", "SocialdeckCore", "SocialdeckStorage", "SocialdeckModel", "CNcursesw"]),
        .executableTarget(name: "socialdeck",
                          dependencies: [
                              "SocialdeckCore", "SocialdeckStorage", "SocialdeckTerminal",
                              .product(name: "ArgumentParser", package: "swift-argument-parser"),
                          ]),
        .executableTarget(name: "socialdeck-bench",
                          dependencies: ["SocialdeckCore", "SocialdeckStorage", "SocialdeckViewModels", "SocialdeckTmux",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          exclude: ["Reference"]),

        /// Drives a program in tmux: the end-to-end tests and the dashboard benchmark.
        .target(name: "SocialdeckTmux"),
        .target(name: "SocialdeckTestSupport",
                dependencies: ["SocialdeckCore", "SocialdeckStorage", "SocialdeckViewModels", "SocialdeckTmux"],
                path: "Tests/SocialdeckTestSupport", exclude: ["fake_platform.py", "smtp_sink.py"]),
        .testTarget(name: "SocialdeckModelTests", dependencies: ["SocialdeckModel"]),
        .testTarget(name: "SocialdeckStorageTests",
                    dependencies: ["SocialdeckStorage", "SocialdeckCore", "SocialdeckTestSupport"]),
        .testTarget(name: "SocialdeckCoreTests", dependencies: ["SocialdeckCore", "SocialdeckTestSupport"]),
        .testTarget(name: "SocialdeckTerminalTests", dependencies: ["SocialdeckTerminal", "SocialdeckTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "SocialdeckViewModelsTests", dependencies: ["SocialdeckViewModels", "SocialdeckTestSupport"]),
        .testTarget(name: "SocialdeckCLITests", dependencies: ["SocialdeckCore", "SocialdeckViewModels", "SocialdeckTestSupport", "SocialdeckTmux"]),
    ],
    swiftLanguageModes: [.v6]
)

// The compiler checks the layering: a file uses only the modules it imports itself.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}

// Where a module's public face is small, its imports are internal unless marked
// `public import`, so what it exposes of the layers below is written down.
let internalImports: Set<String> = ["socialdeck-bench", "SocialdeckTmux", "SocialdeckTerminal"]
for target in package.targets where internalImports.contains(target.name) {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("InternalImportsByDefault")]
}
