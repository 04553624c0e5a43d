// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "veedor",
  platforms: [.macOS(.v14)],
  products: [
    .library(name: "VeedorRubric", targets: ["VeedorRubric"]),
    .library(name: "VeedorLedger", targets: ["VeedorLedger"]),
    .library(name: "VeedorSigning", targets: ["VeedorSigning"]),
    .library(name: "VeedorWorkspace", targets: ["VeedorWorkspace"]),
    .library(name: "VeedorReports", targets: ["VeedorReports"]),
    .library(name: "VeedorVerify", targets: ["VeedorVerify"]),
    .library(name: "VeedorDataset", targets: ["VeedorDataset"]),
    .library(name: "VeedorPublish", targets: ["VeedorPublish"]),
    .executable(name: "veedor", targets: ["veedor"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
  ],
  targets: [
    // Rubrics, levels, scores, derived indicators and aggregates: pure values, no I/O.
    .target(name: "VeedorRubric"),
    // The append-only ledger file, RFC 6962 Merkle tree, proofs and checkpoint bodies.
    .target(name: "VeedorLedger", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
    // Monitor keys, key files and signature formats (signed notes).
    .target(
      name: "VeedorSigning",
      dependencies: [
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "CryptoExtras", package: "swift-crypto"),
      ]),
    // The action plan, the workspace folder and the state replayed from its ledger.
    .target(
      name: "VeedorWorkspace",
      dependencies: [
        "VeedorRubric", "VeedorLedger", "VeedorSigning",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // The signed assessment report: report.json, its signatures, Markdown and HTML in EN/ES.
    .target(name: "VeedorReports", dependencies: ["VeedorRubric", "VeedorLedger", "VeedorSigning", "VeedorWorkspace"]),
    // Checking a signed report as civil society does: signature, checkpoint, proofs, evidence.
    .target(name: "VeedorVerify", dependencies: ["VeedorLedger", "VeedorSigning", "VeedorWorkspace", "VeedorReports"]),
    // OGP-shaped datasets: export of a report, verified import and merge of many.
    .target(
      name: "VeedorDataset", dependencies: ["VeedorLedger", "VeedorWorkspace", "VeedorReports", "VeedorVerify"]),
    // The static bilingual site civil society reads: pages, downloads, and how to verify.
    .target(name: "VeedorPublish", dependencies: ["VeedorReports", "VeedorVerify", "VeedorLedger", "VeedorWorkspace"]),
    // The command-line tool: argument parsing and printing only.
    .executableTarget(
      name: "veedor",
      dependencies: [
        "VeedorRubric", "VeedorLedger", "VeedorSigning", "VeedorWorkspace", "VeedorReports", "VeedorVerify",
        "VeedorDataset", "VeedorPublish", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // Release-build benchmarks, never part of `swift test`.
    .executableTarget(
      name: "veedor-bench",
      dependencies: [
        "VeedorLedger", "VeedorSigning", "VeedorWorkspace", "VeedorReports", "VeedorDataset", "VeedorVerify",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // Paths, temporary folders and subprocess helpers shared by the test targets.
    .target(name: "VeedorTestSupport", path: "Tests/VeedorTestSupport"),
    .testTarget(name: "VeedorRubricTests", dependencies: ["VeedorRubric", "VeedorTestSupport"]),
    .testTarget(name: "VeedorLedgerTests", dependencies: ["VeedorLedger", "VeedorTestSupport"]),
    .testTarget(name: "VeedorSigningTests", dependencies: ["VeedorSigning", "VeedorLedger", "VeedorTestSupport"]),
    .testTarget(
      name: "VeedorWorkspaceTests",
      dependencies: ["VeedorWorkspace", "VeedorRubric", "VeedorLedger", "VeedorSigning", "VeedorTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "VeedorCLITests",
      dependencies: ["VeedorWorkspace", "VeedorLedger", "VeedorSigning", "VeedorTestSupport", "veedor"]),
    .testTarget(
      name: "VeedorReportsTests",
      dependencies: [
        "VeedorReports", "VeedorVerify", "VeedorWorkspace", "VeedorLedger", "VeedorSigning", "VeedorTestSupport",
        "VeedorDataset", "VeedorPublish", "veedor",
      ],
      exclude: ["Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
