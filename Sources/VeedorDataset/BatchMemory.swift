#if canImport(Glibc)
  import Glibc
#endif

/// The C library's allocator set for a batch of many like jobs (one report after another on each core).
/// It changes the whole process, for as long as it runs, so a program asks for it (`veedor import` does);
/// the library never sets it by itself.
public enum BatchMemory {
  /// How much freed memory the allocator keeps at the top of each heap instead of giving it back.
  static let topPad: Int32 = 64 << 20

  /// Keeps ``topPad`` bytes of freed memory per heap, so that each report's buffers reuse the pages the
  /// last one let go of rather than fault in fresh ones (the memory is the process's until it exits; the
  /// pages it never touches cost nothing). glibc's `mallopt(M_TOP_PAD, …)`, looked up at run time (its
  /// header is not part of the C library's Swift module), which also fixes glibc's threshold for serving
  /// large blocks with their own mappings; with another C library nothing changes.
  public static func reserve() {
    #if canImport(Glibc)
      typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
      let topPadOption: Int32 = -2  // M_TOP_PAD in <malloc.h>
      guard let symbol = dlsym(nil, "mallopt") else { return }
      _ = unsafeBitCast(symbol, to: MallOpt.self)(topPadOption, topPad)
    #endif
  }
}
