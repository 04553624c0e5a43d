import Foundation
import VeedorErrors
import VeedorLedger
import VeedorSigning

/// The client side of C2SP tlog-witness: sends a checkpoint with a consistency proof to a witness's
/// `add-checkpoint` and collects its cosignature.
public enum WitnessClient {
  /// What one witness answered.
  public struct Outcome: Sendable {
    /// The witness's policy name.
    public var witness: String
    /// Its verified cosignature line, on success.
    public var cosignature: SignedNote.Signature?
    /// The old size the accepted request used.
    public var oldSize: Int?
    /// What went wrong, otherwise.
    public var problem: String?
    /// The same in Spanish.
    public var problemES: String?
    /// True when the stored checkpoint already carried this witness's cosignature (not asked again).
    public var alreadyCosigned = false

    /// Creates an outcome.
    public init(
      witness: String, cosignature: SignedNote.Signature? = nil, oldSize: Int? = nil, problem: String? = nil,
      problemES: String? = nil, alreadyCosigned: Bool = false
    ) {
      self.witness = witness
      self.cosignature = cosignature
      self.oldSize = oldSize
      self.problem = problem
      self.problemES = problemES
      self.alreadyCosigned = alreadyCosigned
    }
  }

  /// Asks one witness to cosign `note` (whose body is `checkpoint`), starting from the size it last
  /// cosigned as far as we know; on 409 retries once from the size the witness reports.
  public static func cosign(
    note: SignedNote, checkpoint: Checkpoint, witness: WitnessPolicy.Witness, knownSize: Int,
    proof: (Int) throws -> [Data]
  ) -> Outcome {
    guard let url = witness.url.flatMap({ URL(string: ($0.hasSuffix("/") ? $0 : $0 + "/") + "add-checkpoint") }) else {
      return failed(
        witness, "no URL for this witness in the policy", es: "la política no indica una URL para este testigo")
    }
    var old = knownSize <= checkpoint.size ? knownSize : 0
    for attempt in 0..<2 {
      let lines: [Data]
      do { lines = old == 0 ? [] : try proof(old) } catch {
        return failed(
          witness, "no consistency proof from \(old): \(error)",
          es:
            "no hay prueba de consistencia desde \(old): \(spanishText(error))"
        )
      }
      let body = "old \(old)\n" + lines.map { $0.base64EncodedString() + "\n" }.joined() + "\n" + note.serialized
      let (status, data, error) = post(url, Data(body.utf8))
      if let error { return failed(witness, "unreachable: \(error.en)", es: "inalcanzable: \(error.es)") }
      let text = String(decoding: data, as: UTF8.self)
      switch status {
      case 200:
        let lines = text.split(separator: "\n").map { $0 + "\n" }
        guard let parsed = try? SignedNote(parsing: note.text + "\n" + lines.joined()) else {
          return failed(
            witness, "the response is not signature lines", es: "la respuesta no consiste en líneas de firma")
        }
        // Each returned line is checked on its own against the note body, never with lines already held.
        let found = parsed.signatures.first { witness.key.verify($0, body: note.text) != nil }
        guard let found else {
          return failed(
            witness, "no cosignature in the response verifies with \(witness.key)",
            es: "ninguna cofirma de la respuesta se verifica con \(witness.key)")
        }
        return Outcome(witness: witness.name, cosignature: found, oldSize: old)
      case 409 where attempt == 0:
        guard let size = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), size >= 0 else {
          return failed(witness, "409 without a tree size", es: "409 sin un tamaño de árbol")
        }
        guard size <= checkpoint.size else {
          return failed(
            witness,
            "the witness has cosigned \(size) entries, more than this checkpoint's \(checkpoint.size) (rolled back?)",
            es:
              "el testigo ha cofirmado \(size) entradas, más que las \(checkpoint.size) de este punto de control (¿retroceso?)"
          )
        }
        old = size
      default:
        let reason = text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200)
        let detail = "HTTP \(status)\(reason.isEmpty ? "" : ": \(reason)")"
        return failed(witness, detail, es: detail)
      }
    }
    return failed(witness, "409 twice", es: "409 dos veces")
  }

  /// An outcome that says what went wrong, in English and in Spanish.
  private static func failed(_ witness: WitnessPolicy.Witness, _ problem: String, es: String) -> Outcome {
    Outcome(witness: witness.name, problem: problem, problemES: es)
  }

  private static func post(_ url: URL, _ body: Data) -> (Int, Data, Phrase?) {
    let result = HTTPFetch.request(url, method: "POST", body: body, maxBytes: 64 * 1024, deadline: 30)
    return (result.status, result.data, result.problem)
  }
}
