// swift-tools-version: 6.0
// libFuzzer targets for Veedor's readers, kept apart so `swift test` is unaffected.
// Build and run them with scripts/fuzz.sh (it passes -sanitize=fuzzer to every module).
import Foundation
import PackageDescription

// A path dependency is named after its folder, which differs between checkouts.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let veedor = root.lastPathComponent

let fuzzFlags: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
let fuzzLink: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

func fuzzTarget(_ name: String, _ products: [String]) -> Target {
  .executableTarget(
    name: name, dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: veedor) },
    path: "Sources/\(name)",
    swiftSettings: fuzzFlags, linkerSettings: fuzzLink)
}

let package = Package(
  name: "VeedorFuzz",
  dependencies: [.package(path: "..")],
  targets: [
    .target(name: "FuzzSupport", swiftSettings: fuzzFlags),
    fuzzTarget("fuzz-rubric", ["VeedorRubric"]),
    fuzzTarget("fuzz-plan", ["VeedorPlan"]),
    fuzzTarget("fuzz-ledger", ["VeedorLedger", "VeedorRecords"]),
    fuzzTarget("fuzz-note", ["VeedorLedger", "VeedorSigning"]),
    fuzzTarget("fuzz-sshsig", ["VeedorSigning"]),
    fuzzTarget("fuzz-openpgp", ["VeedorSigning"]),
    fuzzTarget("fuzz-report", ["VeedorVerify", "VeedorReports", "VeedorDataset"]),
  ],
  swiftLanguageModes: [.v6]
)
