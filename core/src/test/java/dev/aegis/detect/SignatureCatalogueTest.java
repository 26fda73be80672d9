package dev.aegis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/detection.md documents every signature with its real category, severity and score. */
class SignatureCatalogueTest {

  @Test
  void everySignatureIsDocumentedAsItIs() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "detection.md"), StandardCharsets.UTF_8);
    for (Signature signature : Signature.values()) {
      String row = "| `" + signature.id() + "` | " + signature.category().label() + " | "
          + signature.severity().name().toLowerCase(java.util.Locale.ROOT) + " | "
          + String.format(java.util.Locale.ROOT, "%.2f", signature.score()) + " |";
      assertThat(doc).as("docs/detection.md row for %s", signature.id()).contains(row);
    }
  }
}
