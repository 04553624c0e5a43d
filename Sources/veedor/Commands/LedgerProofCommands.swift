import ArgumentParser
import Foundation
import VeedorLedger
import VeedorPlan
import VeedorRecords
import VeedorWorkspace

extension LedgerCommand {
  /// `veedor ledger proof ENTRY`.
  struct Proof: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "proof", abstract: "Print the inclusion proof of an entry (RFC 6962 §2.1.1).",
      discussion: "Example: veedor ledger proof 3 --size 10")
    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "Entry number, from 0.") var entry: Int
    @Option(help: "Tree size (default: the whole ledger).") var size: Int?
    @Flag(help: "Print JSON.") var json = false
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      let lines = try options.open().readLedger().lines
      let tree = MerkleTree(entries: lines)
      let n = size ?? tree.size
      let proof = try tree.inclusionProof(index: entry, size: n)
      let result = ProofOutput(
        index: entry, size: n, leafHash: tree.leafHash(at: entry).hexString, root: try tree.root(size: n).hexString,
        proof: proof.map(\.hexString))
      if json { return try Output.json(result) }
      Output.line(
        "index: \(result.index)\nsize: \(result.size)\nleaf-hash: \(result.leafHash ?? "")\nroot: \(result.root)",
        es:
          "índice: \(result.index)\ntamaño: \(result.size)\nhash de hoja: \(result.leafHash ?? "")\nraíz: \(result.root)"
      )
      Output.line(
        "proof: \(result.proof.joined(separator: ","))", es: "prueba: \(result.proof.joined(separator: ","))")
    }
  }

  /// `veedor ledger consistency OLD [NEW]`.
  struct Consistency: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "consistency", abstract: "Print the consistency proof between two tree sizes (RFC 6962 §2.1.2).",
      discussion: "Example: veedor ledger consistency 5 12")
    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "Older tree size (at least 1).") var oldSize: Int
    @Argument(help: "Newer tree size (default: the whole ledger).") var newSize: Int?
    @Flag(help: "Print JSON.") var json = false
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      let tree = MerkleTree(entries: try options.open().readLedger().lines)
      let n = newSize ?? tree.size
      let proof = try tree.consistencyProof(oldSize: oldSize, newSize: n)
      let result = ConsistencyOutput(
        oldSize: oldSize, newSize: n, oldRoot: try tree.root(size: oldSize).hexString,
        newRoot: try tree.root(size: n).hexString, proof: proof.map(\.hexString))
      if json { return try Output.json(result) }
      Output.line(
        "old-size: \(oldSize)\nnew-size: \(n)\nold-root: \(result.oldRoot)\nnew-root: \(result.newRoot)",
        es:
          "tamaño anterior: \(oldSize)\ntamaño nuevo: \(n)\nraíz anterior: \(result.oldRoot)\nraíz nueva: \(result.newRoot)"
      )
      Output.line(
        "proof: \(result.proof.joined(separator: ","))", es: "prueba: \(result.proof.joined(separator: ","))")
    }
  }

  /// `veedor ledger check-inclusion`.
  struct CheckInclusion: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check-inclusion",
      abstract: "Check an inclusion proof offline, without the ledger.",
      discussion: """
        Hashes are 32 bytes in hex (64 digits) or base64; --proof is comma-separated, leaf level first.
        Give the entry either as --leaf-hash or as --entry-file (a file holding the exact line, with or
        without its newline). Exit 0 only when the proof holds.

        Example:
          veedor ledger check-inclusion --index 3 --size 10 --root <hash> --leaf-hash <hash> --proof <h1>,<h2>
        """)
    @Option(help: "Entry number, from 0.") var index: Int
    @Option(help: "Tree size the proof is for.") var size: Int
    @Option(help: "Root of that tree (e.g. from a checkpoint).") var root: String
    @Option(help: "Leaf hash of the entry.") var leafHash: String?
    @Option(help: "File holding the entry's exact line.") var entryFile: String?
    @Option(help: "Proof hashes, comma-separated.") var proof: String?
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      var leaf: Data
      if let leafHash {
        leaf = try HashArgument.parse(leafHash, name: "--leaf-hash")
      } else if let entryFile, var bytes = FileManager.default.contents(atPath: entryFile) {
        if bytes.last == 0x0A { bytes.removeLast() }
        leaf = RFC6962.leafHash(bytes)
      } else {
        throw UsageError(
          "give --leaf-hash HASH or a readable --entry-file FILE",
          es: "indique --leaf-hash HASH o un --entry-file FILE que pueda leerse")
      }
      let ok = ProofVerifier.verifyInclusion(
        leafHash: leaf, index: index, size: size, proof: try HashArgument.list(proof, name: "--proof"),
        root: try HashArgument.parse(root, name: "--root"))
      Output.line(
        ok ? "inclusion proof OK" : "inclusion proof FAILED",
        es: ok ? "prueba de inclusión OK" : "prueba de inclusión FALLIDA")
      if !ok { throw ExitCode(1) }
    }
  }

  /// `veedor ledger check-consistency`.
  struct CheckConsistency: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check-consistency",
      abstract: "Check a consistency proof offline: the old tree is a prefix of the new one.",
      discussion: """
        Hashes are 32 bytes in hex or base64; --proof is comma-separated. Exit 0 only when it holds.

        Example:
          veedor ledger check-consistency --old-size 5 --new-size 12 --old-root <h> --new-root <h> --proof <h1>,<h2>
        """)
    @Option(help: "Older tree size.") var oldSize: Int
    @Option(help: "Newer tree size.") var newSize: Int
    @Option(help: "Root of the older tree.") var oldRoot: String
    @Option(help: "Root of the newer tree.") var newRoot: String
    @Option(help: "Proof hashes, comma-separated (empty when the sizes are equal).") var proof: String?
    /// The language of messages: `--lang en|es`.
    @OptionGroup var messages: MessageLanguageOption

    func run() throws {
      let ok = ProofVerifier.verifyConsistency(
        oldSize: oldSize, newSize: newSize, oldRoot: try HashArgument.parse(oldRoot, name: "--old-root"),
        newRoot: try HashArgument.parse(newRoot, name: "--new-root"),
        proof: try HashArgument.list(proof, name: "--proof"))
      Output.line(
        ok ? "consistency proof OK" : "consistency proof FAILED",
        es: ok ? "prueba de consistencia OK" : "prueba de consistencia FALLIDA")
      if !ok { throw ExitCode(1) }
    }
  }
}

/// JSON shape of an inclusion proof.
struct ProofOutput: Codable {
  var index: Int
  var size: Int
  var leafHash: String?
  var root: String
  var proof: [String]
}

/// JSON shape of a consistency proof.
struct ConsistencyOutput: Codable {
  var oldSize: Int
  var newSize: Int
  var oldRoot: String
  var newRoot: String
  var proof: [String]
}
