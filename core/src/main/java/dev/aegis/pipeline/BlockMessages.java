package dev.aegis.pipeline;

import dev.aegis.config.DurationSetting;
import dev.aegis.config.ResponseConfig;
import dev.aegis.error.AegisCallerBlockedException;
import dev.aegis.response.Block;
import dev.aegis.response.BlockList;
import java.util.List;

/**
 * What automatic response says: why a caller was blocked (rule names and counts, never a statement's
 * values), and the message of a refused statement, which names who is blocked, until when, why, and how an
 * operator lifts it.
 */
final class BlockMessages {
  private BlockMessages() {}

  /** The reason stored with a block that repeated blocked statements started. */
  static String repeated(ResponseConfig config, List<String> rules) {
    int count = config.blockAfter();
    return count + " blocked statement" + (count == 1 ? "" : "s") + " within "
        + DurationSetting.format(config.within()) + ": " + String.join(", ", rules);
  }

  /** The reason stored with a block that a canary read started. */
  static String canary() {
    return "canary-read: a result returned a canary value";
  }

  /** The detail of a {@code caller-blocked} event. */
  static String started(Block block, ResponseConfig config) {
    return block.kind().tag() + " blocked for " + DurationSetting.format(config.blockFor()) + " until "
        + block.until() + " (" + block.reason() + ")";
  }

  static AegisCallerBlockedException refused(BlockList.Hit hit) {
    Block principal = hit.principal();
    Block address = hit.address();
    StringBuilder message = new StringBuilder("Aegis refused this statement before it reached the server: ");
    if (principal != null) {
      describe(message, principal);
    }
    if (address != null) {
      describe(message.append(principal != null ? "; and " : ""), address);
    }
    message.append(". Automatic response blocks callers whose statements keep being blocked or who read a"
        + " canary value (docs/response.md); the block ends by itself. An operator can lift it sooner with: aegis"
        + " blocks remove");
    if (principal != null) {
      message.append(" --principal ").append(shellQuoted(principal.subject()));
    }
    if (address != null) {
      message.append(principal != null ? " (and again with" : "").append(" --address ")
          .append(shellQuoted(address.subject())).append(principal != null ? ")" : "");
    }
    message.append(" --config FILE --url JDBC-URL.");
    return new AegisCallerBlockedException(message.toString(), hit.until(),
        principal == null ? null : principal.subject(), address == null ? null : address.subject());
  }

  private static void describe(StringBuilder message, Block block) {
    message.append(block.kind().tag()).append(" '").append(Block.printable(block.subject()))
        .append("' is blocked until ").append(block.until()).append(" (").append(block.reason()).append(")");
  }

  /** For a POSIX shell: in single quotes, each quote closed, escaped and reopened. */
  static String shellQuoted(String subject) {
    return "'" + Block.printable(subject).replace("'", "'\\''") + "'";
  }
}
