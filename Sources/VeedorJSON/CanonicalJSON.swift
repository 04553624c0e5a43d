import Foundation

/// Veedor's canonical JSON (docs/formats.md, "Canonical JSON") written straight to bytes: the same
/// bytes `JSONEncoder` writes with `.sortedKeys` and `.withoutEscapingSlashes`, without its boxing.
///
/// Report checks and ledger replay encode every report and line they read to compare bytes; this
/// writer does that work for the values they hold (strings, integers, booleans, finite doubles,
/// arrays, objects). A value it does not write (a `Date`, `Data`, `URL`, `Decimal`, a float, a
/// double it would not write in plain decimals, a super-encoder) makes it return nil, and the
/// caller falls back to `JSONEncoder`.
public enum CanonicalJSON {
  /// The canonical bytes of `value` (no final newline), or nil when it holds a value left to `JSONEncoder`.
  public static func encode<T: Encodable>(_ value: T) -> [UInt8]? {
    let context = TreeContext()
    let root = context.add()
    guard (try? TreeEncoder.encode(value, into: root, context)) != nil, !context.unsupported else { return nil }
    // A value that encodes nothing is `{}` inside another; at the top `JSONEncoder` throws.
    guard context.nodes[root].kind != .unset else { return nil }
    var writer = CanonicalWriter(nodes: context.nodes)
    writer.write(root)
    return writer.bytes
  }
}

extension CanonicalJSON {
  /// Whether `bytes` are exactly the canonical encoding of `value` (false when it holds a value left to
  /// `JSONEncoder`).
  public static func encodes<T: Encodable>(_ value: T, as bytes: some ContiguousBytes) -> Bool {
    guard let encoded = encode(value) else { return false }
    return bytes.withUnsafeBytes { given in
      encoded.withUnsafeBytes { mine in
        given.count == mine.count && (given.isEmpty || memcmp(given.baseAddress!, mine.baseAddress!, given.count) == 0)
      }
    }
  }

  /// `T` decoded from JSON bytes without `JSONDecoder`'s boxing, or nil when the bytes are not JSON or
  /// hold a value this reader leaves to `JSONDecoder` (see ``TreeDecoder``). Callers that need the
  /// canonical form still compare ``encode(_:)`` of the result with the bytes.
  public static func decode<T: Decodable>(_ type: T.Type, from bytes: some ContiguousBytes) -> T? {
    bytes.withUnsafeBytes { raw in
      guard let tree = JSONTree.parse(raw.bindMemory(to: UInt8.self)) else { return nil }
      return try? TreeDecoder.decode(type, from: tree)
    }
  }
}

extension CanonicalJSON {
  /// ``decode(_:from:)`` of a document in which no object names a key twice; nil otherwise too. For
  /// files whose meaning `JSONDecoder` defines: where a key is repeated, the caller's fallback to it
  /// reads the file its own way, and every other file reads the same either way.
  public static func decodeUnrepeated<T: Decodable>(_ type: T.Type, from bytes: some ContiguousBytes) -> T? {
    bytes.withUnsafeBytes { raw in
      guard let tree = JSONTree.parse(raw.bindMemory(to: UInt8.self)), !tree.repeatsAKey else { return nil }
      return try? TreeDecoder.decode(type, from: tree)
    }
  }
}

extension CanonicalJSON {
  /// `T` read by the canonical reader, or by `JSONDecoder` where that reader declines; nil when neither
  /// reads it. For files any JSON writer may have written (no canonical form is asked of them).
  public static func read<T: Decodable>(_ type: T.Type, from data: Data) -> T? {
    decode(type, from: data) ?? (try? JSONDecoder().decode(type, from: data))
  }

  /// `T` decoded from the members of a JSON object named in `keys`, the others stepped over unbuilt
  /// (see ``JSONTree/parse(_:keeping:)``); nil as for ``decode(_:from:)``. For a document that is
  /// then compared byte for byte with its re-encoding, so what is stepped over is checked there.
  public static func decode<T: Decodable>(
    _ type: T.Type, from bytes: some ContiguousBytes, members keys: Set<String>
  ) -> T? {
    bytes.withUnsafeBytes { raw in
      guard let tree = JSONTree.parse(raw.bindMemory(to: UInt8.self), keeping: keys) else { return nil }
      return try? TreeDecoder.decode(type, from: tree)
    }
  }
}

/// One encoding's nodes, in one array (no allocation per object or array), and whether it met a
/// value left to `JSONEncoder`.
final class TreeContext {
  /// Set when a value this writer does not handle was met.
  var unsupported = false
  /// Every node; containers link their children by index.
  @exclusivity(unchecked) var nodes: [TreeNode] = []

  init() { nodes.reserveCapacity(256) }

  /// Always empty, for an encoder or container asked for its coding path: a value that reads it is
  /// left to `JSONEncoder`, which fills it in.
  var unreadablePath: [any CodingKey] {
    unsupported = true
    return []
  }

  /// A new node, not yet filled, in no container.
  func add() -> Int {
    nodes.append(TreeNode())
    return nodes.count - 1
  }

  /// Appends `child` to the container `parent`'s children.
  func link(_ child: Int, to parent: Int) {
    let last = nodes[parent].last
    if last < 0 { nodes[parent].first = child } else { nodes[last].next = child }
    nodes[parent].last = child
  }

  /// A new child of `parent` (named `key` in an object), holding `kind` and `text` or to be filled.
  func child(of parent: Int, key: String? = nil, _ kind: TreeNode.Kind = .unset, _ text: String = "") -> Int {
    nodes.append(TreeNode(kind: kind, text: text, key: key))
    let index = nodes.count - 1
    link(index, to: parent)
    return index
  }

  /// Makes `node` a container of `kind` unless it is one already; false when it holds another value.
  func become(_ kind: TreeNode.Kind, _ node: Int) -> Bool {
    switch nodes[node].kind {
    case .unset:
      nodes[node].kind = kind
      return true
    case kind: return true
    default: return false
    }
  }
}

/// A JSON value being built: a string or literal, or an object or array whose children are linked
/// through `first` and `next` (an object's members carry their `key`).
struct TreeNode {
  /// What the node holds.
  enum Kind: UInt8 {
    /// Nothing encoded yet (written `{}`).
    case unset
    /// A string, escaped when written.
    case string
    /// A number or literal, written as it is.
    case literal
    /// An object; a key set twice keeps its last value.
    case object
    /// An array.
    case array
  }

  var kind = Kind.unset
  /// The string or literal.
  var text = ""
  /// The member's name, inside an object.
  var key: String?
  /// First and last child of a container, and the next sibling; -1 for none.
  var first = -1
  var last = -1
  var next = -1
}
