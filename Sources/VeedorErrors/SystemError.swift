import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Operating-system error numbers (`errno`) in words, in English and in Spanish.
public enum SystemError {
  /// The C library's text for an error number and its Spanish; the C text in both when no Spanish is known.
  public static func describe(_ code: Int32) -> (en: String, es: String) {
    let english = String(cString: strerror(code))
    return (english, spanish[code] ?? english)
  }

  /// The error number as a phrase in both languages.
  public static func phrase(_ code: Int32) -> Phrase {
    let words = describe(code)
    return Phrase(words.en, es: words.es)
  }

  /// A Foundation file error in words: its own English text, and Spanish from the error number under it
  /// (the English again when it has none).
  public static func describe(_ error: any Error) -> (en: String, es: String) {
    let english = error.localizedDescription
    if let code = errorNumber(of: error), let words = spanish[code] { return (english, words) }
    // URLSession's errors (their domain by name: FoundationNetworking stays out of this module).
    let ns = error as NSError
    if ns.domain == "NSURLErrorDomain", let words = spanishURL[ns.code] { return (english, words) }
    let unknown = "The operation could not be completed."
    if english.hasPrefix(unknown) {
      return (english, "No se pudo completar la operación." + english.dropFirst(unknown.count))
    }
    return (english, english)
  }

  /// A Foundation file error as a phrase in both languages.
  public static func phrase(_ error: any Error) -> Phrase {
    let words = describe(error)
    return Phrase(words.en, es: words.es)
  }

  /// The POSIX error number behind a Foundation error, if any.
  private static func errorNumber(of error: any Error) -> Int32? {
    var current: NSError? = error as NSError
    while let found = current {
      if found.domain == NSPOSIXErrorDomain { return Int32(found.code) }
      current = found.userInfo[NSUnderlyingErrorKey] as? NSError
    }
    if let cocoa = error as? CocoaError {
      switch cocoa.code {
      case .fileReadNoSuchFile, .fileNoSuchFile: return ENOENT
      case .fileReadNoPermission, .fileWriteNoPermission: return EACCES
      case .fileWriteOutOfSpace: return ENOSPC
      case .fileWriteFileExists: return EEXIST
      case .fileWriteVolumeReadOnly: return EROFS
      default: return nil
      }
    }
    return nil
  }

  /// Spanish for the `URLError` codes a fetch is likely to meet (`NSURLErrorDomain`).
  private static let spanishURL: [Int: String] = [
    -1001: "se agotó el tiempo de espera",
    -1002: "la dirección no es compatible",
    -1003: "no se encontró el servidor",
    -1004: "no se pudo conectar con el servidor",
    -1005: "se perdió la conexión de red",
    -1009: "no hay conexión a Internet",
    -1011: "el servidor dio una respuesta incorrecta",
    -1200: "no se pudo establecer una conexión segura con el servidor",
    -1202: "el certificado del servidor no es de confianza",
  ]

  /// Spanish for the error numbers a monitor is likely to meet.
  private static let spanish: [Int32: String] = [
    ENOENT: "no existe el archivo o la carpeta",
    EACCES: "permiso denegado",
    EPERM: "operación no permitida",
    ENOSPC: "no queda espacio en el disco",
    EDQUOT: "se superó la cuota de disco",
    EFBIG: "el archivo es demasiado grande",
    EEXIST: "el archivo ya existe",
    ELOOP: "demasiados niveles de enlaces simbólicos",
    EISDIR: "es una carpeta",
    ENOTDIR: "no es una carpeta",
    EROFS: "el sistema de archivos es de solo lectura",
    EIO: "error de entrada/salida",
    EMFILE: "hay demasiados archivos abiertos",
    ENAMETOOLONG: "el nombre del archivo es demasiado largo",
    EBUSY: "el dispositivo o recurso está ocupado",
    EINVAL: "argumento no válido",
    EXDEV: "no se puede enlazar ni mover entre sistemas de archivos distintos",
  ]
}
