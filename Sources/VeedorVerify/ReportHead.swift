import Foundation
import VeedorReports

/// The parts of `report.json` its derivation starts from: the format tag, the signer's `generated`
/// claim, the signed inputs, and which form or progress period it is. Everything else in the file is
/// checked by re-deriving it and comparing bytes, so it need not be decoded first.
struct ReportHead: Decodable {
  /// The format tag.
  var format: String
  /// When the monitor says the report was exported.
  var generated: String
  /// The signed inputs.
  var inputs: ReportInputs
  /// The assessment form the report is, if any.
  var form: Report.FormRequest?
  /// The progress period the report covers, if any.
  var progress: Report.ProgressRequest?

  /// The keys read from the top level; others are skipped.
  private enum CodingKeys: String, CodingKey, CaseIterable { case format, generated, inputs, form, progress }
  /// The top-level members the head is decoded from.
  static let members = Set(CodingKeys.allCases.map(\.stringValue))
  /// The keys read from `form` and `progress`; others are skipped.
  private enum RequestKeys: String, CodingKey { case id, commitment, label, from, to }

  /// The head of an already decoded report.
  init(_ report: Report) {
    format = report.format
    generated = report.generated
    inputs = report.inputs
    form = report.form.map { Report.FormRequest(id: $0.id, commitment: $0.commitment) }
    progress = report.progress.map { Report.ProgressRequest(label: $0.label, from: $0.from, to: $0.to) }
  }

  /// Decodes the head, skipping every other field.
  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    format = try c.decode(String.self, forKey: .format)
    generated = try c.decode(String.self, forKey: .generated)
    inputs = try c.decode(ReportInputs.self, forKey: .inputs)
    if c.contains(.form), try !c.decodeNil(forKey: .form) {
      let f = try c.nestedContainer(keyedBy: RequestKeys.self, forKey: .form)
      form = Report.FormRequest(
        id: try f.decode(String.self, forKey: .id), commitment: try f.decodeIfPresent(String.self, forKey: .commitment))
    }
    if c.contains(.progress), try !c.decodeNil(forKey: .progress) {
      let p = try c.nestedContainer(keyedBy: RequestKeys.self, forKey: .progress)
      progress = Report.ProgressRequest(
        label: try p.decode(String.self, forKey: .label), from: try p.decode(String.self, forKey: .from),
        to: try p.decode(String.self, forKey: .to))
    }
  }
}
