// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "veedor",
  platforms: [.macOS(.v14)],
  products: [
    .library(name: "VeedorRubric", targets: ["VeedorRubric"]),
    .library(name: "VeedorLedger", targets: ["VeedorLedger"]),
    .library(name: "VeedorSigning", targets: ["VeedorSigning"]),
    .library(name: "VeedorErrors", targets: ["VeedorErrors"]),
    .library(name: "VeedorPlan", targets: ["VeedorPlan"]),
    .library(name: "VeedorRecords", targets: ["VeedorRecords"]),
    .library(name: "VeedorWorkspace", targets: ["VeedorWorkspace"]),
    .library(name: "VeedorReports", targets: ["VeedorReports"]),
    .library(name: "VeedorExport", targets: ["VeedorExport"]),
    .library(name: "VeedorVerify", targets: ["VeedorVerify"]),
    .library(name: "VeedorDataset", targets: ["VeedorDataset"]),
    .library(name: "VeedorPublish", targets: ["VeedorPublish"]),
    .library(name: "VeedorTiles", targets: ["VeedorTiles"]),
    .library(name: "VeedorAgreement", targets: ["VeedorAgreement"]),
    .library(name: "VeedorHTTP", targets: ["VeedorHTTP"]),
    .library(name: "VeedorJSON", targets: ["VeedorJSON"]),
    .executable(name: "veedor", targets: ["veedor"]),
    .executable(name: "veedor-http", targets: ["veedor-http"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
  ],
  targets: [
    // Rubrics, levels, scores, derived indicators and aggregates: pure values, no I/O.
    .target(name: "VeedorRubric", dependencies: ["VeedorErrors"]),
    // The append-only ledger file, RFC 6962 Merkle tree, proofs and checkpoint bodies.
    .target(name: "VeedorLedger", dependencies: ["VeedorErrors", .product(name: "Crypto", package: "swift-crypto")]),
    // Monitor keys, key files and signature formats (signed notes).
    .target(
      name: "VeedorSigning",
      dependencies: [
        "VeedorErrors",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "CryptoExtras", package: "swift-crypto"),
      ]),
    // The shape every module's user-facing errors share: message, file, line, field, exit status.
    .target(name: "VeedorErrors"),
    // Canonical JSON written and read straight from bytes, for the checks that re-encode what they read.
    .target(name: "VeedorJSON"),
    // The action plan and its importers (Veedor JSON, simple CSV, OGP's commitments sheet).
    .target(name: "VeedorPlan", dependencies: ["VeedorErrors"]),
    // The ledger-entry schema, reply files and replay into state: what a verifier needs without a workspace.
    .target(
      name: "VeedorRecords",
      dependencies: [
        "VeedorErrors", "VeedorRubric", "VeedorLedger", "VeedorPlan", "VeedorSigning", "VeedorJSON",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // The monitor's workspace folder: plan, rubric, ledger, evidence objects, checkpoints, acts.
    .target(
      name: "VeedorWorkspace",
      dependencies: [
        "VeedorErrors", "VeedorRubric", "VeedorLedger", "VeedorSigning", "VeedorPlan", "VeedorRecords", "VeedorJSON",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // The signed report: its format, its derivation from signed inputs, Markdown and HTML in EN/ES.
    .target(
      name: "VeedorReports",
      dependencies: [
        "VeedorErrors", "VeedorRubric", "VeedorLedger", "VeedorSigning", "VeedorPlan", "VeedorRecords", "VeedorJSON",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // Exporting a workspace's signed report and the monitor's public keys.
    .target(
      name: "VeedorExport",
      dependencies: [
        "VeedorRubric", "VeedorLedger", "VeedorSigning", "VeedorRecords", "VeedorWorkspace", "VeedorReports",
        "VeedorTiles",
      ]
    ),
    // The ledger as a C2SP tlog-tiles log: writing tiles, reading them (folder or HTTP), proofs,
    // witness cosignatures and policies, tlog-proof files.
    .target(
      name: "VeedorTiles",
      dependencies: [
        "VeedorErrors", "VeedorLedger", "VeedorSigning", .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // HTTP through Foundation's URLSession (FoundationNetworking, libcurl, system TLS), kept out of
    // `veedor` itself so that only the commands that fetch load those libraries.
    .target(name: "VeedorHTTP", dependencies: ["VeedorErrors", "VeedorTiles"]),
    // The helper `veedor` runs for each HTTP request: one request in, one `HTTPWire` answer out.
    .executableTarget(name: "veedor-http", dependencies: ["VeedorHTTP", "VeedorTiles"]),
    // Checking a signed report as civil society does: signature, checkpoint, re-derived content, evidence.
    .target(
      name: "VeedorVerify",
      dependencies: [
        "VeedorErrors", "VeedorRubric", "VeedorLedger", "VeedorSigning", "VeedorPlan", "VeedorRecords",
        "VeedorReports", "VeedorTiles", "VeedorJSON", .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // OGP-shaped datasets: export of a verified report, verified import and merge of many.
    .target(
      name: "VeedorDataset",
      dependencies: [
        "VeedorErrors", "VeedorLedger", "VeedorSigning", "VeedorPlan", "VeedorRecords", "VeedorReports",
        "VeedorVerify", "VeedorJSON", .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // The static bilingual site civil society reads: pages, downloads, and how to verify.
    .target(
      name: "VeedorPublish",
      dependencies: [
        "VeedorErrors", "VeedorRubric", "VeedorLedger", "VeedorPlan", "VeedorRecords", "VeedorReports", "VeedorVerify",
        "VeedorTiles", "VeedorSigning",
      ]),
    // Agreement between readers of one plan: percent agreement, Cohen's kappa (plain, weighted), Krippendorff's alpha.
    .target(name: "VeedorAgreement", dependencies: ["VeedorErrors", "VeedorRubric", "VeedorReports"]),
    // The command-line tool: argument parsing and printing only.
    .executableTarget(
      name: "veedor",
      dependencies: [
        "VeedorErrors", "VeedorRubric", "VeedorLedger", "VeedorSigning", "VeedorPlan", "VeedorRecords",
        "VeedorWorkspace", "VeedorReports", "VeedorExport", "VeedorVerify", "VeedorDataset", "VeedorPublish",
        "VeedorAgreement", "VeedorTiles", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // Release-build benchmarks, never part of `swift test`.
    .executableTarget(
      name: "veedor-bench",
      dependencies: [
        "VeedorLedger", "VeedorSigning", "VeedorPlan", "VeedorRecords", "VeedorWorkspace", "VeedorReports",
        "VeedorExport", "VeedorDataset", "VeedorVerify", "VeedorTiles",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // Paths, temporary folders and subprocess helpers shared by the test targets.
    .target(name: "VeedorTestSupport", path: "Tests/VeedorTestSupport"),
    .testTarget(
      name: "VeedorRubricTests", dependencies: ["VeedorRubric", "VeedorPlan", "VeedorTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(name: "VeedorAgreementTests", dependencies: ["VeedorAgreement"]),
    .testTarget(name: "VeedorLedgerTests", dependencies: ["VeedorLedger", "VeedorErrors", "VeedorTestSupport"]),
    .testTarget(name: "VeedorSigningTests", dependencies: ["VeedorSigning", "VeedorLedger", "VeedorTestSupport"]),
    .testTarget(
      name: "VeedorWorkspaceTests",
      dependencies: [
        "VeedorWorkspace", "VeedorPlan", "VeedorRecords", "VeedorRubric", "VeedorLedger", "VeedorSigning",
        "VeedorTestSupport",
      ],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "VeedorCLITests",
      dependencies: [
        "VeedorWorkspace", "VeedorPlan", "VeedorRecords", "VeedorLedger", "VeedorSigning", "VeedorVerify",
        "VeedorTestSupport", "veedor", "veedor-http",
      ]),
    .testTarget(
      name: "VeedorReportsTests",
      dependencies: [
        "VeedorReports", "VeedorExport", "VeedorVerify", "VeedorWorkspace", "VeedorPlan", "VeedorRecords",
        "VeedorRubric", "VeedorLedger", "VeedorSigning", "VeedorTestSupport", "VeedorDataset", "VeedorPublish",
        "VeedorAgreement", "VeedorTiles", "VeedorJSON", "veedor", "veedor-http",
      ],
      exclude: ["Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
