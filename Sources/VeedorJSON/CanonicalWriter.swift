/// Writes a ``TreeNode`` as canonical JSON: no whitespace, object keys in the order of their UTF-8
/// bytes (that is, of their code points), strings as ``JSONString`` writes them.
struct CanonicalWriter {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []

  /// Appends one node.
  mutating func write(_ node: TreeNode) {
    switch node {
    case .string(let text): string(text)
    case .literal(let text): bytes.append(contentsOf: text.utf8)
    case .array(let array):
      bytes.append(UInt8(ascii: "["))
      for (i, item) in array.items.enumerated() {
        if i > 0 { bytes.append(UInt8(ascii: ",")) }
        write(item)
      }
      bytes.append(UInt8(ascii: "]"))
    case .object(let object):
      bytes.append(UInt8(ascii: "{"))
      let order = object.keys.indices.sorted { object.keys[$0].utf8.lexicographicallyPrecedes(object.keys[$1].utf8) }
      for (n, i) in order.enumerated() {
        if n > 0 { bytes.append(UInt8(ascii: ",")) }
        string(object.keys[i])
        bytes.append(UInt8(ascii: ":"))
        write(object.values[i])
      }
      bytes.append(UInt8(ascii: "}"))
    }
  }

  private mutating func string(_ text: String) { JSONString.append(text, to: &bytes) }
}
