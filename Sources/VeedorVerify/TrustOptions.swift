/// The options field of an `allowed_signers` line, read as OpenSSH's `sshsigopt_parse` reads it.
struct TrustOptions {
  private let o: [UInt8]
  private let parser: TrustLineParser

  init(_ options: [UInt8], parser: TrustLineParser) {
    o = options
    self.parser = parser
  }

  private func fail(_ field: String, _ message: String, es: String) -> VerifyError {
    VerifyError(.badInput, message, es: es, file: parser.path, line: parser.number, field: field)
  }

  /// Sets `cert-authority`, `namespaces`, `valid-after` and `valid-before` on the entry, or says what is wrong.
  func apply(to entry: inout TrustFile.Entry) throws(VerifyError) {
    var i = 0
    while i < o.count, o[i] != .space, o[i] != .tab {
      if let next = flag("cert-authority", at: i) {
        entry.certAuthority = true
        i = next
      } else if let start = named("namespaces", at: i) {
        if entry.namespaces != nil {
          throw fail("namespaces", "multiple \"namespaces\" clauses", es: "varias cláusulas \"namespaces\"")
        }
        let (value, next) = try dequote(at: start, field: "namespaces")
        entry.namespaces = value
        i = next
      } else if let start = named("valid-after", at: i) {
        if entry.validAfter != nil {
          throw fail("valid-after", "multiple \"valid-after\" clauses", es: "varias cláusulas \"valid-after\"")
        }
        let (value, next) = try dequote(at: start, field: "valid-after")
        entry.validAfter = try time(value, field: "valid-after")
        i = next
      } else if let start = named("valid-before", at: i) {
        if entry.validBefore != nil {
          throw fail("valid-before", "multiple \"valid-before\" clauses", es: "varias cláusulas \"valid-before\"")
        }
        let (value, next) = try dequote(at: start, field: "valid-before")
        entry.validBefore = try time(value, field: "valid-before")
        i = next
      }
      // Like OpenSSH, an empty option between commas is skipped; anything else unknown is an error.
      if i == o.count || o[i] == .space || o[i] == .tab { break }
      guard o[i] == UInt8(ascii: ",") else {
        let rest = String(decoding: o[i...], as: UTF8.self)
        throw fail(
          "options",
          "unknown key option at \"\(rest)\" "
            + "(allowed: cert-authority, namespaces=\"…\", valid-after=\"…\", valid-before=\"…\")",
          es: "opción de clave desconocida en \"\(rest)\" "
            + "(se admiten: cert-authority, namespaces=\"…\", valid-after=\"…\", valid-before=\"…\")")
      }
      i += 1
      if i == o.count {
        throw fail(
          "options", "unexpected end-of-options (a trailing comma)",
          es: "fin inesperado de las opciones (una coma al final)")
      }
    }
    if let after = entry.validAfter, let before = entry.validBefore, before.seconds <= after.seconds {
      throw fail(
        "valid-before", "\"valid-before\" time is before \"valid-after\"",
        es: "la hora de \"valid-before\" es anterior a la de \"valid-after\"")
    }
  }

  /// The index after a case-insensitive flag at `i`, if it is there.
  private func flag(_ name: String, at i: Int) -> Int? {
    let n = Array(name.utf8)
    guard o.count - i >= n.count, zip(o[i..<(i + n.count)], n).allSatisfy({ Self.lower($0) == $1 }) else {
      return nil
    }
    return i + n.count
  }

  /// ASCII lower case, as `strncasecmp` compares.
  private static func lower(_ c: UInt8) -> UInt8 { (65...90).contains(c) ? c + 32 : c }

  /// The index after `name=` (case-insensitive) at `i`, if it is there.
  private func named(_ name: String, at i: Int) -> Int? {
    guard let end = flag(name, at: i), end < o.count, o[end] == UInt8(ascii: "=") else { return nil }
    return end + 1
  }

  /// A double-quoted value at `i` (`\"` stands for a quote) and the index after its closing quote.
  private func dequote(at i: Int, field: String) throws(VerifyError) -> (String, Int) {
    guard i < o.count, o[i] == .quote else {
      throw fail(
        field, "missing start quote (write \(field)=\"…\")", es: "falta la comilla de apertura (escriba \(field)=\"…\")"
      )
    }
    var value: [UInt8] = []
    var j = i + 1
    while j < o.count, o[j] != .quote {
      if o[j] == UInt8(ascii: "\\"), j + 1 < o.count, o[j + 1] == .quote { j += 1 }
      value.append(o[j])
      j += 1
    }
    guard j < o.count else { throw fail(field, "missing end quote", es: "falta la comilla de cierre") }
    return (String(decoding: value, as: UTF8.self), j + 1)
  }

  private func time(_ text: String, field: String) throws(VerifyError) -> TrustFile.Timestamp {
    guard let time = TrustFile.Timestamp(text) else {
      throw fail(
        field, "invalid \"\(field)\" time \"\(text)\" (expected YYYYMMDD[HHMM[SS]][Z])",
        es: "hora de \"\(field)\" no válida \"\(text)\" (se esperaba YYYYMMDD[HHMM[SS]][Z])")
    }
    return time
  }
}
