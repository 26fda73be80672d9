package dev.aegis.benchmarks.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aegis.benchmarks.report.ResultReport;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Version;

/**
 * Issue 7's benchmarks in one command: overhead per statement, threads, growth and end to end, each part with
 * its own JMH settings, merged into one JMH JSON file, with the machine and settings in {@code run.json} and
 * the report ({@link ResultReport}: Markdown tables and SVG charts) beside them.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.aegis.benchmarks.suite.BenchmarkSuite quick|full
 *     [--out DIR] [--only overhead,growth,threads,endtoend] [--dry-run]
 * </pre>
 *
 * <p>The end-to-end part shares one embedded MariaDB between its forks (see {@link BenchServerProcess}),
 * unless {@code -Daegis.bench.jdbcUrl=…} names another server: JMH's forks inherit the suite's JVM options.
 */
public final class BenchmarkSuite {
  /** The merged JMH result, in the output folder. */
  public static final String RESULT_FILE = "jmh-result.json";

  private static final String URL_PROPERTY = "aegis.bench.jdbcUrl";
  /** How long to wait for another JMH run on the machine to finish before giving a run up. */
  private static final Duration LOCK_PATIENCE = Duration.ofMinutes(30);
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final SuitePlan plan;
  private final Path out;
  private final ObjectNode record;

  private BenchmarkSuite(SuitePlan plan, Path out, ObjectNode record) {
    this.plan = plan;
    this.out = out;
    this.record = record;
  }

  /** The parsed command line. */
  record Arguments(SuiteMode mode, Path out, List<Part> parts, boolean dryRun) {}

  public static void main(String[] args) throws IOException {
    Arguments arguments;
    try {
      arguments = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: BenchmarkSuite quick|full [--out DIR] [--only overhead,growth,threads,endtoend]"
          + " [--dry-run]");
      System.exit(2);
      return;
    }
    SuitePlan plan = SuitePlan.of(arguments.mode(), arguments.parts());
    System.out.print(plan.describe());
    if (arguments.dryRun()) {
      return;
    }
    if (plan.runs().isEmpty()) {
      System.err.println("Nothing to run.");
      System.exit(1);
    }
    Files.createDirectories(arguments.out());
    System.out.println("Results go to " + arguments.out().toAbsolutePath());
    BenchmarkSuite suite = new BenchmarkSuite(plan, arguments.out(), runRecord(plan, args));
    boolean complete = suite.run();
    System.exit(complete ? 0 : 1);
  }

  static Arguments parse(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("missing mode");
    }
    SuiteMode mode = SuiteMode.parse(args[0]);
    Path out = null;
    List<Part> parts = Arrays.asList(Part.values());
    boolean dryRun = false;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(value(args, ++i, "--out"));
        case "--only" -> parts = Arrays.stream(value(args, ++i, "--only").split(",")).map(String::trim)
            .filter(s -> !s.isEmpty()).map(Part::byId).distinct().toList();
        case "--dry-run" -> dryRun = true;
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    if (out == null) {
      out = defaultOut(mode);
    }
    return new Arguments(mode, out, parts, dryRun);
  }

  /** Runs every planned part; true when each produced all the results it should have. */
  private boolean run() throws IOException {
    Instant started = Instant.now();
    Path partsDir = out.resolve("parts");
    Files.createDirectories(partsDir);
    List<Path> resultFiles = new ArrayList<>();
    boolean complete = true;
    saveRecord(started);
    for (Map.Entry<Part, List<PlannedRun>> entry : plan.runs().entrySet()) {
      Part part = entry.getKey();
      ObjectNode partRecord = partRecord(part);
      Instant partStarted = Instant.now();
      List<String> jvmArgs = new ArrayList<>();
      BenchServerProcess server = null;
      try {
        if (part == Part.ENDTOEND) {
          server = serverFor(partRecord);
          if (server != null) {
            jvmArgs.add("-D" + URL_PROPERTY + "=" + server.jdbcUrl());
          }
        }
        int expected = 0;
        int produced = 0;
        List<String> failures = new ArrayList<>();
        for (PlannedRun run : entry.getValue()) {
          Path file = partsDir.resolve(run.resultFileName());
          resultFiles.add(file);
          expected += run.trials();
          ObjectNode runRecord = runRecordOf(partRecord, run);
          Instant runStarted = Instant.now();
          try {
            Collection<RunResult> results = runWhenFree(options(run, file, jvmArgs));
            produced += results.size();
            runRecord.put("results", results.size());
          } catch (RunnerException | RuntimeException e) {
            failures.add(run.threads() + " threads: " + e.getMessage());
            runRecord.put("error", String.valueOf(e.getMessage()));
          }
          runRecord.put("seconds", secondsSince(runStarted));
          saveRecord(started);
        }
        String status = produced == expected ? "ran" : produced == 0 ? "failed" : "partly ran";
        partRecord.put("status", status);
        if (produced != expected) {
          complete = false;
          partRecord.put("detail", produced + " of " + expected + " results; see the JMH output"
              + (failures.isEmpty() ? "" : ": " + String.join("; ", failures)));
        }
      } catch (IOException e) {
        complete = false;
        partRecord.put("status", "failed");
        partRecord.put("detail", e.getMessage());
        System.err.println("The " + part.id() + " part could not run: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } finally {
        if (server != null) {
          server.close();
        }
        partRecord.put("seconds", secondsSince(partStarted));
        saveRecord(started);
      }
    }
    Path merged = out.resolve(RESULT_FILE);
    int entries = ResultMerge.merge(resultFiles, merged);
    record.put("finished", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    saveRecord(started);
    for (Path file : resultFiles) {
      Files.deleteIfExists(file);
    }
    try (var left = Files.list(partsDir)) {
      if (left.findAny().isEmpty()) {
        Files.delete(partsDir);
      }
    }
    System.out.println();
    System.out.println("JMH results (" + entries + " entries): " + merged.toAbsolutePath());
    System.out.println("Machine and settings: " + out.resolve(ResultReport.RUN_FILE).toAbsolutePath());
    try {
      System.out.println("Report: " + ResultReport.write(merged, out).toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      complete = false;
      System.err.println("The report could not be written (the JMH results are kept): " + e);
    }
    System.out.println("Took " + SuitePlan.duration(secondsSince(started)) + " (estimated ~"
        + SuitePlan.duration(plan.estimatedSeconds()) + ")" + (complete ? "." : "; some parts did not complete."));
    return complete;
  }

  /** Runs JMH, first waiting for any other JMH run on the machine to end (and again if it starts first). */
  private static Collection<RunResult> runWhenFree(Options options) throws RunnerException, InterruptedException {
    Instant giveUp = Instant.now().plus(LOCK_PATIENCE);
    while (true) {
      if (!JmhLock.awaitFree(Duration.between(Instant.now(), giveUp))) {
        throw new RunnerException("another JMH run held the JMH lock for " + LOCK_PATIENCE.toMinutes() + " min");
      }
      try {
        return new Runner(options).run();
      } catch (RunnerException e) {
        if (!JmhLock.isLockFailure(e) || Instant.now().isAfter(giveUp)) {
          throw e;
        }
      }
    }
  }

  /**
   * The shared server for the end-to-end forks, or null when they need none from here: a server named with
   * {@code -Daegis.bench.jdbcUrl} reaches them through the inherited JVM options, and without the server
   * class each fork starts its own.
   */
  private static BenchServerProcess serverFor(ObjectNode partRecord) throws IOException, InterruptedException {
    if (System.getProperty(URL_PROPERTY) != null) {
      partRecord.put("server", "given with -D" + URL_PROPERTY);
      return null;
    }
    if (!BenchServerProcess.available()) {
      partRecord.put("server", "each fork starts its own (" + BenchServerProcess.MAIN_CLASS + " not in this jar)");
      return null;
    }
    System.out.println("Starting the embedded MariaDB for the end-to-end part…");
    BenchServerProcess server = BenchServerProcess.start();
    partRecord.put("server", "one embedded MariaDB for all forks (" + BenchServerProcess.MAIN_CLASS + ")");
    return server;
  }

  static Options options(PlannedRun run, Path resultFile, List<String> jvmArgs) {
    IterationSettings settings = run.settings();
    ChainedOptionsBuilder options = new OptionsBuilder()
        .forks(settings.forks())
        .warmupIterations(settings.warmupIterations())
        .warmupTime(TimeValue.milliseconds(settings.warmupMillis()))
        .measurementIterations(settings.measurementIterations())
        .measurementTime(TimeValue.milliseconds(settings.measurementMillis()))
        .threads(run.threads())
        .shouldFailOnError(false)
        .resultFormat(ResultFormatType.JSON)
        .result(resultFile.toString());
    run.part().includes().forEach(options::include);
    if (run.part().allocationProfiled()) {
      options.addProfiler(GCProfiler.class);
    }
    if (!jvmArgs.isEmpty()) {
      options.jvmArgsAppend(jvmArgs.toArray(String[]::new));
    }
    return options.build();
  }

  private static ObjectNode runRecord(SuitePlan plan, String[] args) {
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    record.put("mode", plan.mode().id());
    ArrayNode command = record.putArray("arguments");
    Arrays.stream(args).forEach(command::add);
    record.put("started", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    record.put("estimatedSeconds", Math.round(plan.estimatedSeconds()));
    MachineDescription.gitCommit().ifPresent(commit -> record.put("git", commit));
    record.set("machine", MachineDescription.machine());
    record.set("jvm", MachineDescription.jvm());
    record.put("jmhVersion", Version.getPlainVersion());
    ArrayNode parts = record.putArray("parts");
    for (Part part : Part.values()) {
      ObjectNode partRecord = parts.addObject();
      partRecord.put("name", part.id());
      String skipped = plan.skipped().get(part);
      partRecord.put("status", skipped == null ? "planned" : "skipped");
      if (skipped != null) {
        partRecord.put("detail", skipped);
        continue;
      }
      ArrayNode includes = partRecord.putArray("includes");
      part.includes().forEach(includes::add);
      partRecord.put("allocationProfiled", part.allocationProfiled());
      double estimate = 0;
      ArrayNode runs = partRecord.putArray("runs");
      for (PlannedRun run : plan.runs().get(part)) {
        ObjectNode runNode = runs.addObject();
        runNode.put("threads", run.threads());
        runNode.put("description", run.describe());
        runNode.put("trials", run.trials());
        runNode.put("estimatedSeconds", Math.round(run.estimatedSeconds()));
        estimate += run.estimatedSeconds();
      }
      partRecord.put("estimatedSeconds", Math.round(estimate));
    }
    return record;
  }

  private ObjectNode partRecord(Part part) {
    for (var node : record.get("parts")) {
      if (node.path("name").asText().equals(part.id())) {
        return (ObjectNode) node;
      }
    }
    throw new IllegalStateException("no record for " + part.id());
  }

  private static ObjectNode runRecordOf(ObjectNode partRecord, PlannedRun run) {
    for (var node : partRecord.get("runs")) {
      if (node.path("threads").asInt() == run.threads()) {
        return (ObjectNode) node;
      }
    }
    throw new IllegalStateException("no record for " + run.resultFileName());
  }

  private void saveRecord(Instant started) throws IOException {
    record.put("elapsedSeconds", secondsSince(started));
    MachineDescription.loadAverage().ifPresent(load -> ((ObjectNode) record.get("machine"))
        .put("loadAverageLatest", load));
    MAPPER.writeValue(out.resolve(ResultReport.RUN_FILE).toFile(), record);
  }

  private static long secondsSince(Instant start) {
    return Math.round((Instant.now().toEpochMilli() - start.toEpochMilli()) / 1000.0);
  }

  /** Beside the jar, in {@code target/} (so that {@code mvn clean} removes it): target/suite/quick-20261124-1530. */
  private static Path defaultOut(SuiteMode mode) {
    String name = mode.id() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    try {
      Path code = Path.of(BenchmarkSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code.getParent().resolve("suite").resolve(name);
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of("benchmark-suite", name);
    }
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }
}
