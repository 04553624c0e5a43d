import Foundation
import VeedorRecords
import VeedorReports
import VeedorSigning
import VeedorWorkspace

/// The demo's review round: two example parties, a draft, one government reply and one
/// civil-society comment (signed as `ssh-keygen -Y sign` would), and the monitor's answers.
enum DemoReplies {
  /// Runs the round in the workspace; keys and reply files go under `target`.
  static func run(workspace ws: String, target: URL, monitorKey: String) throws {
    let keys = target.appendingPathComponent("demo-keys")
    let replies = target.appendingPathComponent("demo-replies")
    try FileManager.default.createDirectory(at: replies, withIntermediateDirectories: true)
    let parties: [(String, String, String, MonitorKey)] = [
      (
        "unidad-ejemplo", "government", "Unidad municipal responsable (ejemplo)",
        MonitorKey.generate(name: "unidad-ejemplo", created: 0)
      ),
      (
        "organizacion-ejemplo", "civil-society", "Organización de la sociedad civil (ejemplo)",
        MonitorKey.generate(name: "organizacion-ejemplo", created: 0)
      ),
    ]
    Output.line(
      "\n== Parties who may reply (example keys; no real person signs)",
      es: "\n== Partes que pueden responder (claves de ejemplo; ninguna persona real firma)")
    for (name, role, title, key) in parties {
      let pub = keys.appendingPathComponent("\(name).pub")
      try Data("\(key.sshPublicKey) \(name)\n".utf8).write(to: pub)
      try PartyCommand.Add.parse(["-w", ws, name, "--role", role, "--key", pub.path, "--title", title]).run()
    }
    Output.line(
      "\n== Draft for review (replies open for 21 days)",
      es: "\n== Borrador para revisión (respuestas abiertas durante 21 días)")
    let draft = target.appendingPathComponent("draft").path
    try ReportCommand.Export.parse(["-w", ws, "--key", monitorKey, "--out", draft, "--draft"]).run()
    Output.line(
      "\n== Replies, each signed as 'ssh-keygen -Y sign -n \(ReplyText.namespace)' does",
      es: "\n== Respuestas, cada una firmada como lo hace 'ssh-keygen -Y sign -n \(ReplyText.namespace)'")
    let report = try JSONDecoder().decode(
      Report.self, from: Data(contentsOf: URL(fileURLWithPath: draft).appendingPathComponent("report.json")))
    guard let review = report.review else {
      throw WorkspaceError(.integrity, "the draft has no review window", es: "el borrador no tiene ventana de revisión")
    }
    let texts: [(String, (String, String)?, String)] = [
      (
        "respuesta-unidad.txt", ("CLPLN0002", "potential-change"),
        "La unidad propone que el cambio potencial sea vinculante: la ordenanza de participación lo exigirá. (Ejemplo.)"
      ),
      (
        "comentario-organizacion.txt", nil,
        "Pedimos publicar las actas de las reuniones mensuales con las unidades responsables. (Ejemplo.)"
      ),
    ]
    for ((file, about, text), (name, _, _, key)) in zip(texts, parties) {
      let url = replies.appendingPathComponent(file)
      let file = ReplyText.template(
        checkpointSize: review.draftSize, checkpointRoot: review.draftRoot, party: name, commitment: about?.0,
        scale: about?.1, text: text, spanish: true)
      try Data(file.utf8).write(to: url)
      let signature = try SSHSignature.sign(Data(contentsOf: url), namespace: ReplyText.namespace, key: key)
      try Data(signature.utf8).write(to: URL(fileURLWithPath: url.path + ".sig"))
      try ReplyCommand.Add.parse(["-w", ws, url.path]).run()
    }
    Output.line(
      "\n== The monitor answers every reply before the final report",
      es: "\n== El evaluador contesta cada respuesta antes del informe final")
    try ReplyCommand.Answer.parse([
      "-w", ws, "R1", "--reject", "--rationale",
      "El texto del plan no hace vinculante el cambio; se mantiene la codificación publicada.",
    ]).run()
    try ReplyCommand.Answer.parse([
      "-w", ws, "R2", "--accept", "--rationale", "Las actas se agregarán como evidencia de cada compromiso.",
    ]).run()
  }
}
