/*
 * Load client for POST /api/v1/purchases.
 *
 * Single-file program, JDK only (java.net.http.HttpClient, virtual threads). Run with a JDK >= 21:
 *
 *   $JAVA_HOME/bin/java bench/purchases/LoadClient.java --base-url http://127.0.0.1:18080 \
 *       --admin-user admin --admin-password '...' [options]
 *
 * What it does:
 *   1. logs in as the admin, creates a store and a cashier for that store (unique codes per run),
 *      logs in as the cashier and enrols --customers customers concurrently (--enrol-concurrency);
 *   2. JIT warm-up: --initial-warmup seconds of purchases at --initial-warmup-concurrency workers,
 *      discarded, so the first measured level does not pay for class loading and compilation;
 *   3. closed loop: for each level in --levels, that many workers each send one purchase, wait for
 *      the answer and send the next (random customer, distinct receipt number, random amount), for
 *      --warmup seconds (discarded) then --duration seconds (measured);
 *   4. open loop: purchases at a fixed arrival rate (--open-rate R, or "auto" = half the best
 *      closed-loop throughput of this run), --warmup then --duration seconds; latency is measured
 *      from the intended send time, so a stalled service is not hidden (no coordinated omission).
 *      --open-client nio (default) sends them from one thread over plain keep-alive connections
 *      (NioOpenLoop): about a tenth of the CPU of the JDK HttpClient with a virtual thread per
 *      request (--open-client jdk), whose own cost and pauses on these 2 cores counted as the
 *      service's latency.
 *
 * Everything is bounded: each request has a timeout (--timeout), each phase ends at its deadline
 * and stragglers are abandoned after the timeout; the program always exits.
 *
 * Output (stdout): machine-readable lines
 *   SETUP key=value ...
 *   RESULT mode=closed|open concurrency=N target_rps=R requests=.. ok=.. errors=.. rps=.. p50_ms=..
 *          p90_ms=.. p99_ms=.. max_ms=.. mean_ms=.. statuses=201:n,... client_cores=.. machine_busy_pct=..
 *   ERROR  mode=.. concurrency=.. status=.. count_measured=.. count_warmup=.. body=<first body, one line>
 *   TOTAL  purchases_sent=.. purchases_2xx=.. (warm-ups included: what the database should hold)
 * followed by a human-readable summary table. With --out DIR it also writes DIR/service.tsv and
 * DIR/errors.txt. Latency percentiles are nearest-rank over every measured request, failed ones
 * included; req/s counts successful (2xx) answers only.
 */

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class LoadClient {

	// ---------------------------------------------------------------- options

	static String baseUrl = "http://127.0.0.1:8080";
	static String adminUser = System.getenv().getOrDefault("PUNCHCARD_ADMIN_USERNAME", "admin");
	static String adminPassword = System.getenv().getOrDefault("PUNCHCARD_ADMIN_PASSWORD", "");
	static int customers = 2000;
	static int enrolConcurrency = 16;
	static int[] levels = { 1, 8, 32, 64 };
	static double warmupSeconds = 5;
	static double initialWarmupSeconds = 20;
	static int initialWarmupConcurrency = 8;
	static double durationSeconds = 20;
	static String mode = "all"; // closed | open | all
	static String openRate = "auto"; // number or "auto" (half the closed-loop peak) or "0" (skip)
	static int maxInFlight = 2000;
	static double timeoutSeconds = 10;
	static String currency = "EUR";
	/** Who sends the closed-loop purchases: this program ("java") or wrk with purchase.lua ("wrk"). */
	static String client = "java";
	static String openClient = "nio"; // nio | jdk
	static Path wrkScript = Path.of(System.getProperty("user.dir"), "purchase.lua");
	static long minAmount = 100;
	static long maxAmount = 20_000;
	static Path outDir;
	static String runTag = Long.toString(System.currentTimeMillis() / 1000 % 100_000_000L, 36).toUpperCase(Locale.ROOT);

	// ---------------------------------------------------------------- state

	static HttpClient http;
	static volatile String cashierToken;
	static volatile long cashierTokenExpiresAtNanos;
	static String cashierUser;
	static String cashierPassword;
	static String storeCode;
	static String[] cardCodes;
	static final AtomicLong receiptSeq = new AtomicLong();
	static final AtomicLong totalSent = new AtomicLong();
	static final AtomicLong total2xx = new AtomicLong();
	static final AtomicLong totalNon2xx = new AtomicLong();
	/** Requests wrk may have sent without reading the answer when it stopped: one per connection per run. */
	static final AtomicLong cutOffAtMost = new AtomicLong();
	static final List<String> resultLines = new ArrayList<>();
	static final List<String[]> table = new ArrayList<>();
	static PrintWriter errorsOut;

	public static void main(String[] args) throws Exception {
		parse(args);
		http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
		if (outDir != null) {
			Files.createDirectories(outDir);
			errorsOut = new PrintWriter(Files.newBufferedWriter(outDir.resolve("errors.txt")), true);
		}
		int exit = 0;
		try {
			setUp();
			if (initialWarmupSeconds > 0) {
				warmUpJit();
			}
			double peak = 0;
			if (!mode.equals("open")) {
				for (int level : levels) {
					Stats s = client.equals("wrk") ? closedLoopWithWrk(level) : closedLoop(level);
					peak = Math.max(peak, s.rps());
				}
			}
			if (!mode.equals("closed")) {
				double rate;
				if (openRate.equals("auto")) {
					if (peak == 0) {
						// no closed loop in this run: measure the peak quickly at the top level
						Stats probe = closedLoop(levels[levels.length - 1]);
						peak = probe.rps();
					}
					rate = Math.max(1, Math.round(peak / 2));
				}
				else {
					rate = Double.parseDouble(openRate);
				}
				if (rate > 0) {
					if (openClient.equals("jdk")) {
						openLoop(rate);
					}
					else {
						NioOpenLoop.run(rate);
					}
				}
			}
		}
		catch (Exception ex) {
			System.out.println("FATAL " + oneLine(String.valueOf(ex)));
			ex.printStackTrace();
			exit = 2;
		}
		// all purchases sent, warm-up included: what the database should hold afterwards
		System.out.println("TOTAL purchases_sent=" + totalSent.get() + " purchases_2xx=" + total2xx.get()
				+ " purchases_failed=" + totalNon2xx.get() + " purchases_cut_off_at_most=" + cutOffAtMost.get());
		printSummary();
		if (outDir != null) {
			List<String> tsv = new ArrayList<>();
			tsv.add("mode\tconcurrency\ttarget_rps\trequests\tok\terrors\trps\tp50_ms\tp90_ms\tp99_ms\tmax_ms\tmean_ms"
					+ "\tclient_cores\tmachine_busy_pct\tloadavg1\tfrom_epoch\tuntil_epoch");
			tsv.addAll(resultLines);
			Files.write(outDir.resolve("service.tsv"), tsv);
			errorsOut.close();
		}
		System.out.flush();
		// virtual threads stuck on a dead connection must not keep us alive
		Runtime.getRuntime().halt(exit);
	}

	static void parse(String[] args) {
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			String v = (i + 1 < args.length) ? args[i + 1] : null;
			switch (a) {
				case "--base-url" -> { baseUrl = v.replaceAll("/+$", ""); i++; }
				case "--admin-user" -> { adminUser = v; i++; }
				case "--admin-password" -> { adminPassword = v; i++; }
				case "--customers" -> { customers = Integer.parseInt(v); i++; }
				case "--enrol-concurrency" -> { enrolConcurrency = Integer.parseInt(v); i++; }
				case "--levels" -> { levels = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray(); i++; }
				case "--warmup" -> { warmupSeconds = Double.parseDouble(v); i++; }
				case "--initial-warmup" -> { initialWarmupSeconds = Double.parseDouble(v); i++; }
				case "--initial-warmup-concurrency" -> { initialWarmupConcurrency = Integer.parseInt(v); i++; }
				case "--duration" -> { durationSeconds = Double.parseDouble(v); i++; }
				case "--mode" -> { mode = v; i++; }
				case "--open-rate" -> { openRate = v; i++; }
				case "--max-in-flight" -> { maxInFlight = Integer.parseInt(v); i++; }
				case "--timeout" -> { timeoutSeconds = Double.parseDouble(v); i++; }
				case "--currency" -> { currency = v; i++; }
				case "--client" -> { client = v; i++; }
				case "--open-client" -> { openClient = v; i++; }
				case "--wrk-script" -> { wrkScript = Path.of(v); i++; }
				case "--out" -> { outDir = Path.of(v); i++; }
				case "--tag" -> { runTag = v.toUpperCase(Locale.ROOT); i++; }
				case "-h", "--help" -> { usage(); System.exit(0); }
				default -> { System.err.println("unknown option " + a); usage(); System.exit(64); }
			}
		}
		if (adminPassword.isEmpty()) {
			System.err.println("--admin-password (or PUNCHCARD_ADMIN_PASSWORD) is required");
			System.exit(64);
		}
		if (!Set.of("closed", "open", "all").contains(mode)) {
			System.err.println("--mode must be closed, open or all");
			System.exit(64);
		}
	}

	static void usage() {
		System.err.println("""
				usage: java LoadClient.java --base-url URL --admin-user U --admin-password P
				         [--customers 2000] [--enrol-concurrency 16] [--levels 1,8,32,64]
				         [--initial-warmup 20] [--initial-warmup-concurrency 8]
				         [--warmup 5] [--duration 20] [--mode all|closed|open]
				         [--open-rate auto|R|0] [--max-in-flight 2000] [--timeout 10]
				         [--out DIR] [--tag RUNTAG] [--client java|wrk] [--wrk-script purchase.lua]""");
	}

	// ---------------------------------------------------------------- set-up

	static void setUp() throws Exception {
		long t0 = System.nanoTime();
		String adminToken = login(adminUser, adminPassword)[0];
		storeCode = "B" + runTag;
		Resp store = post("/api/v1/stores", adminToken,
				"{\"code\":" + q(storeCode) + ",\"name\":" + q("Bench store " + runTag) + "}");
		require(store, "create store");
		cashierUser = "bench-cashier-" + runTag.toLowerCase(Locale.ROOT);
		cashierPassword = "Bench-pw-" + runTag + "-x9Qz";
		Resp staff = post("/api/v1/staff", adminToken,
				"{\"username\":" + q(cashierUser) + ",\"password\":" + q(cashierPassword)
						+ ",\"role\":\"CASHIER\",\"storeCode\":" + q(storeCode) + "}");
		require(staff, "create cashier");
		refreshCashierToken();

		cardCodes = new String[customers];
		AtomicInteger failures = new AtomicInteger();
		Map<Integer, String> firstBodies = new ConcurrentHashMap<>();
		Semaphore permits = new Semaphore(enrolConcurrency);
		CountDownLatch done = new CountDownLatch(customers);
		long enrolStart = System.nanoTime();
		try (ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < customers; i++) {
				int idx = i;
				permits.acquire();
				vt.submit(() -> {
					try {
						Resp r = post("/api/v1/customers", token(),
								"{\"name\":" + q("Bench Customer " + runTag + " " + idx) + "}");
						String card = r.ok() ? field(r.body, "cardCode") : null;
						if (card == null) {
							failures.incrementAndGet();
							firstBodies.putIfAbsent(r.status, oneLine(r.body));
						}
						cardCodes[idx] = card;
					}
					finally {
						permits.release();
						done.countDown();
					}
				});
			}
			if (!done.await((long) (customers * timeoutSeconds + 60), TimeUnit.SECONDS)) {
				throw new IllegalStateException("enrolment did not finish in time");
			}
		}
		double enrolSeconds = (System.nanoTime() - enrolStart) / 1e9;
		firstBodies.forEach((status, body) -> {
			String line = "ERROR mode=enrol concurrency=" + enrolConcurrency + " status=" + status + " body=" + body;
			System.out.println(line);
			if (errorsOut != null) {
				errorsOut.println(line);
			}
		});
		cardCodes = Arrays.stream(cardCodes).filter(c -> c != null).toArray(String[]::new);
		System.out.printf(Locale.ROOT,
				"SETUP store=%s cashier=%s customers=%d enrol_failures=%d enrol_s=%.2f enrol_rps=%.1f setup_s=%.2f%n",
				storeCode, cashierUser, cardCodes.length, failures.get(), enrolSeconds, customers / enrolSeconds,
				(System.nanoTime() - t0) / 1e9);
		if (cardCodes.length == 0) {
			throw new IllegalStateException("no customer could be enrolled");
		}
	}

	static String[] login(String user, String password) throws Exception {
		Resp r = post("/api/v1/auth/token", null,
				"{\"username\":" + q(user) + ",\"password\":" + q(password) + "}");
		require(r, "login as " + user);
		String token = field(r.body, "accessToken");
		if (token == null) {
			throw new IllegalStateException("no accessToken in login answer: " + oneLine(r.body));
		}
		String expires = numberField(r.body, "expiresIn");
		return new String[] { token, expires == null ? "3600" : expires };
	}

	static synchronized void refreshCashierToken() throws Exception {
		String[] t = login(cashierUser, cashierPassword);
		long expiresIn = Math.max(60, (long) Double.parseDouble(t[1]));
		cashierToken = t[0];
		// refresh at 80% of the lifetime
		cashierTokenExpiresAtNanos = System.nanoTime() + (long) (expiresIn * 0.8 * 1e9);
	}

	static String token() {
		if (System.nanoTime() - cashierTokenExpiresAtNanos > 0) {
			synchronized (LoadClient.class) {
				if (System.nanoTime() - cashierTokenExpiresAtNanos > 0) {
					try {
						refreshCashierToken();
					}
					catch (Exception ex) {
						System.out.println("WARN token refresh failed: " + oneLine(String.valueOf(ex)));
						cashierTokenExpiresAtNanos = System.nanoTime() + 5_000_000_000L;
					}
				}
			}
		}
		return cashierToken;
	}

	// ---------------------------------------------------------------- load

	static String purchaseBody() {
		ThreadLocalRandom rnd = ThreadLocalRandom.current();
		String card = cardCodes[rnd.nextInt(cardCodes.length)];
		String receipt = "R" + runTag + "-" + receiptSeq.incrementAndGet();
		long amount = rnd.nextLong(minAmount, maxAmount + 1);
		return "{\"cardCode\":" + q(card) + ",\"storeCode\":" + q(storeCode) + ",\"receiptNo\":" + q(receipt)
				+ ",\"amountMinor\":" + amount + ",\"currency\":" + q(currency) + ",\"items\":[]}";
	}

	/** Collects one phase's measurements; thread-safe. */
	static final class Recorder {

		final String mode;
		final int concurrency;
		final double targetRps;
		final long measureFrom;
		final long measureUntil;
		final LongList latencies = new LongList();
		final AtomicLong ok = new AtomicLong();
		final AtomicLong errors = new AtomicLong();
		final AtomicLong dropped = new AtomicLong();
		final Map<String, AtomicLong> statusCounts = new ConcurrentHashMap<>();
		final Map<String, AtomicLong> warmupCounts = new ConcurrentHashMap<>();
		final Map<String, String> firstBodies = new ConcurrentHashMap<>();
		long cpuAtStart = processCpuNanos();
		long[] machineAtStart = machineTicks();

		final double fromEpoch;

		final double untilEpoch;

		Recorder(String mode, int concurrency, double targetRps, long measureFrom, long measureUntil) {
			double nowEpoch = System.currentTimeMillis() / 1000.0;
			long nowNanos = System.nanoTime();
			this.fromEpoch = nowEpoch + (measureFrom - nowNanos) / 1e9;
			this.untilEpoch = nowEpoch + (measureUntil - nowNanos) / 1e9;
			this.mode = mode;
			this.concurrency = concurrency;
			this.targetRps = targetRps;
			this.measureFrom = measureFrom;
			this.measureUntil = measureUntil;
		}

		boolean measured(long startNanos) {
			return startNanos - this.measureFrom >= 0 && startNanos - this.measureUntil < 0;
		}

		void record(long startNanos, long endNanos, int status, String body) {
			boolean measured = measured(startNanos);
			String key = status < 0 ? "EXCEPTION" : Integer.toString(status);
			boolean success = status >= 200 && status < 300;
			if (status != 201) {
				// the first body of every unexpected answer is kept, warm-up included
				this.firstBodies.putIfAbsent(key, oneLine(body));
			}
			if (!measured) {
				this.warmupCounts.computeIfAbsent(key, (k) -> new AtomicLong()).incrementAndGet();
				return;
			}
			this.statusCounts.computeIfAbsent(key, (k) -> new AtomicLong()).incrementAndGet();
			if (success) {
				this.ok.incrementAndGet();
			}
			else {
				this.errors.incrementAndGet();
			}
			this.latencies.add(endNanos - startNanos);
		}

	}

	/** Discarded load so the first measured level does not pay for class loading and JIT compilation. */
	static void warmUpJit() throws Exception {
		long until = System.nanoTime() + (long) (initialWarmupSeconds * 1e9);
		Recorder rec = new Recorder("jit-warmup", initialWarmupConcurrency, 0, until, until);
		System.out.printf(Locale.ROOT, "PHASE mode=jit-warmup concurrency=%d duration_s=%.1f (not measured)%n",
				initialWarmupConcurrency, initialWarmupSeconds);
		CountDownLatch done = new CountDownLatch(initialWarmupConcurrency);
		for (int w = 0; w < initialWarmupConcurrency; w++) {
			Thread.ofVirtual().start(() -> {
				try {
					while (System.nanoTime() - until < 0) {
						sendOne(rec, System.nanoTime());
					}
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await((long) ((initialWarmupSeconds + timeoutSeconds) * 1000) + 5000, TimeUnit.MILLISECONDS);
		long failed = rec.warmupCounts.entrySet()
			.stream()
			.filter((e) -> !e.getKey().startsWith("2"))
			.mapToLong((e) -> e.getValue().get())
			.sum();
		long all = rec.warmupCounts.values().stream().mapToLong(AtomicLong::get).sum();
		System.out.printf(Locale.ROOT, "WARMUP requests=%d failed=%d rps=%.1f%n", all, failed, all / initialWarmupSeconds);
		rec.firstBodies.forEach((status, body) -> {
			String l = "ERROR mode=jit-warmup status=" + status + " count=" + rec.warmupCounts.getOrDefault(status, new AtomicLong()).get()
					+ " body=" + body;
			System.out.println(l);
			if (errorsOut != null) {
				errorsOut.println(l);
			}
		});
	}

	static Stats closedLoop(int workers) throws Exception {
		long start = System.nanoTime();
		long measureFrom = start + (long) (warmupSeconds * 1e9);
		long measureUntil = measureFrom + (long) (durationSeconds * 1e9);
		Recorder rec = new Recorder("closed", workers, 0, measureFrom, measureUntil);
		System.out.printf(Locale.ROOT, "PHASE mode=closed concurrency=%d warmup_s=%.1f duration_s=%.1f%n", workers,
				warmupSeconds, durationSeconds);
		CountDownLatch done = new CountDownLatch(workers);
		for (int w = 0; w < workers; w++) {
			Thread.ofVirtual().name("closed-" + w).start(() -> {
				try {
					while (System.nanoTime() - measureUntil < 0) {
						sendOne(rec, System.nanoTime());
					}
				}
				finally {
					done.countDown();
				}
			});
		}
		boolean finished = done.await((long) ((warmupSeconds + durationSeconds + timeoutSeconds) * 1000) + 5000,
				TimeUnit.MILLISECONDS);
		if (!finished) {
			System.out.println("WARN mode=closed concurrency=" + workers + " workers still running after deadline; abandoned");
		}
		return report(rec, durationSeconds);
	}

	/**
	 * The closed loop sent by wrk (C, epoll) instead of this program: on two shared cores the
	 * JDK HttpClient costs about as much CPU per request as the service's PostgreSQL work, CPU
	 * that pgbench's own client does not take from the database. Same phases, same result line;
	 * the warm-up is a wrk run of its own, not measured.
	 */
	static Stats closedLoopWithWrk(int connections) throws Exception {
		System.out.printf(Locale.ROOT, "PHASE mode=closed concurrency=%d warmup_s=%.1f duration_s=%.1f client=wrk%n",
				connections, warmupSeconds, durationSeconds);
		Path setup = Files.createTempFile("punchcard-wrk-", ".txt");
		List<String> lines = new ArrayList<>(List.of(token(), storeCode, currency));
		lines.addAll(Arrays.asList(cardCodes));
		Files.write(setup, lines);
		try {
			if (warmupSeconds > 0) {
				runWrk(connections, warmupSeconds, setup, "W" + runTag + "c" + connections + "w");
			}
			long start = System.nanoTime();
			Recorder rec = new Recorder("closed", connections, 0, start, start + (long) (durationSeconds * 1e9));
			WrkResult r = runWrk(connections, durationSeconds, setup, "W" + runTag + "c" + connections + "m");
			long[] machineNow = machineTicks();
			long busy = machineNow[0] - rec.machineAtStart[0];
			long all = machineNow[1] - rec.machineAtStart[1];
			double seconds = r.durationUs() / 1e6;
			double rps = r.ok() / seconds;
			long errors = r.failed() + r.socketErrors();
			String line = String.format(Locale.ROOT,
					"%s\t%d\t%.1f\t%d\t%d\t%d\t%.1f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.0f\t%s\t%.3f\t%.3f",
					"closed", connections, 0.0, r.ok() + errors, r.ok(), errors, rps, r.p50Us() / 1e3, r.p90Us() / 1e3,
					r.p99Us() / 1e3, r.maxUs() / 1e3, r.meanUs() / 1e3, r.cpuSeconds() / seconds,
					all > 0 ? 100.0 * busy / all : Double.NaN, loadAverage(), rec.fromEpoch,
					rec.fromEpoch + seconds);
			resultLines.add(line);
			System.out.println("RESULT " + line.replace('\t', ' ') + " client=wrk statuses=" + r.statuses());
			table.add(new String[] { "wrk", Integer.toString(connections), Long.toString(r.ok() + errors),
					Long.toString(errors), String.format(Locale.ROOT, "%.1f", rps),
					String.format(Locale.ROOT, "%.2f", r.p50Us() / 1e3), String.format(Locale.ROOT, "%.2f", r.p99Us() / 1e3),
					String.format(Locale.ROOT, "%.2f", r.maxUs() / 1e3) });
			return new Stats(rps);
		}
		finally {
			Files.deleteIfExists(setup);
		}
	}

	record WrkResult(long ok, long failed, long socketErrors, long durationUs, long p50Us, long p90Us, long p99Us,
			long maxUs, double meanUs, String statuses, double cpuSeconds) {
	}

	static WrkResult runWrk(int connections, double seconds, Path setup, String tag) throws Exception {
		List<String> command = List.of("wrk", "-t", Integer.toString(Math.min(2, connections)), "-c",
				Integer.toString(connections), "-d", Math.round(seconds) + "s", "--timeout",
				Math.round(timeoutSeconds) + "s", "-s", wrkScript.toString(), baseUrl, "--", setup.toString(), tag);
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		// the CPU wrk used, read while it still runs (a finished process has no /proc entry)
		double cpu = 0;
		StringBuilder out = new StringBuilder();
		Thread reader = Thread.ofPlatform().start(() -> {
			try {
				out.append(new String(wrk.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				out.append("read failed: ").append(ex);
			}
		});
		long deadline = System.nanoTime() + (long) ((seconds + timeoutSeconds + 30) * 1e9);
		while (wrk.isAlive() && System.nanoTime() < deadline) {
			cpu = wrk.toHandle().info().totalCpuDuration().map((d) -> d.toNanos() / 1e9).orElse(cpu);
			wrk.waitFor(100, TimeUnit.MILLISECONDS);
		}
		if (wrk.isAlive()) {
			wrk.destroyForcibly();
			throw new IllegalStateException("wrk did not finish: " + command);
		}
		reader.join();
		Matcher m = Pattern.compile("WRK ok=(\\d+) failed=(\\d+) socket_errors=(\\d+) timeouts=\\d+ duration_us=(\\d+)"
				+ " p50_us=(\\d+) p90_us=(\\d+) p99_us=(\\d+) max_us=(\\d+) mean_us=([\\d.]+) statuses=(\\S+)")
			.matcher(out);
		if (wrk.exitValue() != 0 || !m.find()) {
			throw new IllegalStateException("wrk failed (exit " + wrk.exitValue() + "): " + out);
		}
		WrkResult r = new WrkResult(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
				Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6)),
				Long.parseLong(m.group(7)), Long.parseLong(m.group(8)), Double.parseDouble(m.group(9)), m.group(10), cpu);
		// every purchase wrk sent counts toward what the database must hold (socket errors: unknown)
		totalSent.addAndGet(r.ok() + r.failed());
		total2xx.addAndGet(r.ok());
		totalNon2xx.addAndGet(r.failed());
		cutOffAtMost.addAndGet(connections);
		if (r.socketErrors() > 0) {
			System.out.println("WARN wrk socket errors: " + r.socketErrors() + " (" + tag + ")");
		}
		return r;
	}

	static void openLoop(double rate) throws Exception {
		long start = System.nanoTime();
		long measureFrom = start + (long) (warmupSeconds * 1e9);
		long measureUntil = measureFrom + (long) (durationSeconds * 1e9);
		Recorder rec = new Recorder("open", 0, rate, measureFrom, measureUntil);
		System.out.printf(Locale.ROOT, "PHASE mode=open target_rps=%.1f warmup_s=%.1f duration_s=%.1f%n", rate,
				warmupSeconds, durationSeconds);
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger maxSeen = new AtomicInteger();
		double intervalNanos = 1e9 / rate;
		long i = 0;
		while (true) {
			long intended = start + (long) (i * intervalNanos);
			if (intended - measureUntil >= 0) {
				break;
			}
			long wait = intended - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			i++;
			if (inFlight.get() >= maxInFlight) {
				// the service is not keeping up: count it, do not pile up unbounded
				if (rec.measured(intended)) {
					rec.dropped.incrementAndGet();
					rec.errors.incrementAndGet();
					rec.statusCounts.computeIfAbsent("DROPPED", (k) -> new AtomicLong()).incrementAndGet();
				}
				continue;
			}
			int now = inFlight.incrementAndGet();
			maxSeen.accumulateAndGet(now, Math::max);
			Thread.ofVirtual().start(() -> {
				try {
					// latency from the intended start (includes any client-side queueing)
					sendOne(rec, intended);
				}
				finally {
					inFlight.decrementAndGet();
				}
			});
		}
		long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9) + 2_000_000_000L;
		while (inFlight.get() > 0 && System.nanoTime() - deadline < 0) {
			Thread.sleep(10);
		}
		if (inFlight.get() > 0) {
			System.out.println("WARN mode=open " + inFlight.get() + " requests still in flight after deadline; abandoned");
		}
		System.out.println("INFO mode=open max_in_flight_seen=" + maxSeen.get() + " dropped=" + rec.dropped.get());
		report(rec, durationSeconds);
	}

	static void sendOne(Recorder rec, long startNanos) {
		HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/purchases"))
			.timeout(Duration.ofMillis((long) (timeoutSeconds * 1000)))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + token())
			.POST(HttpRequest.BodyPublishers.ofString(purchaseBody()))
			.build();
		int status;
		String body;
		try {
			HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
			status = resp.statusCode();
			body = resp.body();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			status = -1;
			body = ex.toString();
		}
		catch (IOException | RuntimeException ex) {
			status = -1;
			body = ex.toString();
		}
		answered(rec, startNanos, System.nanoTime(), status, body);
	}

	/** One open-loop answer (status -1: none), counted for the totals and recorded. */
	static void answered(Recorder rec, long startNanos, long endNanos, int status, String body) {
		totalSent.incrementAndGet();
		if (status >= 200 && status < 300) {
			total2xx.incrementAndGet();
		}
		else {
			totalNon2xx.incrementAndGet();
		}
		rec.record(startNanos, endNanos, status, body);
	}

	// ---------------------------------------------------------------- reporting

	record Stats(double rps) {
	}

	static Stats report(Recorder rec, double seconds) {
		double clientCpu = (processCpuNanos() - rec.cpuAtStart) / 1e9;
		long[] machineNow = machineTicks();
		long busy = machineNow[0] - rec.machineAtStart[0];
		long all = machineNow[1] - rec.machineAtStart[1];
		// share of all CPUs busy (anyone: service, PostgreSQL, this client, neighbours) during the phase
		double machineBusy = all > 0 ? 100.0 * busy / all : Double.NaN;
		String loadAvg = loadAverage();
		long[] lat = rec.latencies.toSortedArray();
		long requests = rec.ok.get() + rec.errors.get();
		// throughput counts successful answers only
		double rps = rec.ok.get() / seconds;
		double mean = lat.length == 0 ? Double.NaN : Arrays.stream(lat).average().orElse(0) / 1e6;
		String line = String.format(Locale.ROOT,
				"%s\t%d\t%.1f\t%d\t%d\t%d\t%.1f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.0f\t%s\t%.3f\t%.3f",
				rec.mode, rec.concurrency, rec.targetRps, requests, rec.ok.get(), rec.errors.get(), rps, pct(lat, 50),
				pct(lat, 90), pct(lat, 99), lat.length == 0 ? Double.NaN : lat[lat.length - 1] / 1e6, mean,
				clientCpu / (warmupSeconds + seconds), machineBusy, loadAvg, rec.fromEpoch, rec.untilEpoch);
		resultLines.add(line);
		StringBuilder statuses = new StringBuilder();
		new java.util.TreeMap<>(rec.statusCounts).forEach((k, v) -> statuses.append(statuses.isEmpty() ? "" : ",")
			.append(k)
			.append(':')
			.append(v.get()));
		System.out.printf(Locale.ROOT,
				"RESULT mode=%s concurrency=%d target_rps=%.1f requests=%d ok=%d errors=%d rps=%.1f p50_ms=%.2f "
						+ "p90_ms=%.2f p99_ms=%.2f max_ms=%.2f mean_ms=%.2f statuses=%s client_cores=%.2f machine_busy_pct=%.0f loadavg1=%s%n",
				rec.mode, rec.concurrency, rec.targetRps, requests, rec.ok.get(), rec.errors.get(), rps, pct(lat, 50),
				pct(lat, 90), pct(lat, 99), lat.length == 0 ? Double.NaN : lat[lat.length - 1] / 1e6, mean,
				statuses, clientCpu / (warmupSeconds + seconds), machineBusy, loadAvg);
		rec.firstBodies.forEach((status, body) -> {
			long count = rec.statusCounts.getOrDefault(status, new AtomicLong()).get();
			long warm = rec.warmupCounts.getOrDefault(status, new AtomicLong()).get();
			String l = "ERROR mode=" + rec.mode + " concurrency=" + rec.concurrency + " status=" + status
					+ " count_measured=" + count + " count_warmup=" + warm + " body=" + body;
			System.out.println(l);
			if (errorsOut != null) {
				errorsOut.println(l);
			}
		});
		table.add(new String[] { rec.mode,
				rec.mode.equals("open") ? String.format(Locale.ROOT, "%.0f/s", rec.targetRps)
						: Integer.toString(rec.concurrency),
				Long.toString(requests), Long.toString(rec.errors.get()), String.format(Locale.ROOT, "%.1f", rps),
				String.format(Locale.ROOT, "%.2f", pct(lat, 50)), String.format(Locale.ROOT, "%.2f", pct(lat, 99)),
				String.format(Locale.ROOT, "%.2f", lat.length == 0 ? Double.NaN : lat[lat.length - 1] / 1e6) });
		return new Stats(rps);
	}

	/** CPU time used by this client process so far (warm-up included), to show what the load generator costs. */
	static long processCpuNanos() {
		if (java.lang.management.ManagementFactory
			.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	/** {busy, total} jiffies over all CPUs from /proc/stat, or zeros off Linux. */
	static long[] machineTicks() {
		try {
			String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < f.length && i <= 8; i++) {
				total += Long.parseLong(f[i]);
			}
			long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
	}

	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException | RuntimeException ex) {
			return "?";
		}
	}

	/** Nearest-rank percentile in milliseconds. */
	static double pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
	}

	static void printSummary() {
		System.out.println();
		System.out.println("Purchases load summary (store " + storeCode + ", " + (cardCodes == null ? 0 : cardCodes.length)
				+ " customers, warm-up " + warmupSeconds + " s, measured " + durationSeconds + " s per row)");
		String fmt = "%-7s %10s %9s %7s %9s %9s %9s %9s%n";
		System.out.printf(Locale.ROOT, fmt, "mode", "clients", "requests", "errors", "req/s", "p50 ms", "p99 ms",
				"max ms");
		for (String[] row : table) {
			System.out.printf(Locale.ROOT, fmt, (Object[]) row);
		}
	}

	// ---------------------------------------------------------------- HTTP + JSON helpers

	record Resp(int status, String body) {
		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}
	}

	static Resp post(String path, String bearer, String json) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofMillis((long) (timeoutSeconds * 1000)))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (bearer != null) {
			b.header("Authorization", "Bearer " + bearer);
		}
		try {
			HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
			return new Resp(r.statusCode(), r.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Resp(-1, ex.toString());
		}
		catch (IOException | RuntimeException ex) {
			return new Resp(-1, ex.toString());
		}
	}

	static void require(Resp r, String what) {
		if (!r.ok()) {
			throw new IllegalStateException(what + " failed: HTTP " + r.status + " " + oneLine(r.body));
		}
	}

	static String q(String s) {
		StringBuilder b = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				default -> {
					if (c < 0x20) {
						b.append(String.format("\\u%04x", (int) c));
					}
					else {
						b.append(c);
					}
				}
			}
		}
		return b.append('"').toString();
	}

	static final Map<String, Pattern> STRING_FIELDS = new ConcurrentHashMap<>();

	static final Map<String, Pattern> NUMBER_FIELDS = new ConcurrentHashMap<>();

	/** The first string value of "name" anywhere in the JSON text (flat answers only). */
	static String field(String json, String name) {
		if (json == null) {
			return null;
		}
		Matcher m = STRING_FIELDS
			.computeIfAbsent(name, (n) -> Pattern.compile("\"" + Pattern.quote(n) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\""))
			.matcher(json);
		return m.find() ? m.group(1) : null;
	}

	static String numberField(String json, String name) {
		if (json == null) {
			return null;
		}
		Matcher m = NUMBER_FIELDS
			.computeIfAbsent(name, (n) -> Pattern.compile("\"" + Pattern.quote(n) + "\"\\s*:\\s*(-?[0-9.eE+]+)"))
			.matcher(json);
		return m.find() ? m.group(1) : null;
	}

	static String oneLine(String s) {
		if (s == null) {
			return "";
		}
		String t = s.replaceAll("\\s+", " ").trim();
		return t.length() > 500 ? t.substring(0, 500) + "..." : t;
	}

	/** Append-only list of longs, cheap under contention from a few dozen threads. */
	static final class LongList {

		private long[] values = new long[1 << 16];

		private int size;

		synchronized void add(long v) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = v;
		}

		synchronized long[] toSortedArray() {
			long[] copy = Arrays.copyOf(this.values, this.size);
			Arrays.sort(copy);
			return copy;
		}

	}


	/**
	 * The open loop from one thread: requests at their intended times over keep-alive HTTP/1.1
	 * connections (one request at a time on each, as a till would), a new connection only when every
	 * open one is busy. Latency runs from the intended time, so a request that waits for a free
	 * connection, or behind a slow answer, is charged for it. Answers are read by Content-Length or
	 * chunked encoding.
	 */
	static final class NioOpenLoop {

		static final int MAX_CONNECTIONS = 512;

		static final class Conn {

			final SocketChannel channel;

			final SelectionKey key;

			ByteBuffer out;

			long intended;

			final ByteArrayOutputStream in = new ByteArrayOutputStream(1024);

			boolean connected;

			long sentAt;

			Conn(SocketChannel channel, SelectionKey key) {
				this.channel = channel;
				this.key = key;
			}

		}

		static void run(double rate) throws Exception {
			URI uri = URI.create(baseUrl);
			InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
			String hostHeader = uri.getHost() + ":" + uri.getPort();
			long start = System.nanoTime();
			long measureFrom = start + (long) (warmupSeconds * 1e9);
			long measureUntil = measureFrom + (long) (durationSeconds * 1e9);
			Recorder rec = new Recorder("open", 0, rate, measureFrom, measureUntil);
			System.out.printf(Locale.ROOT,
					"PHASE mode=open target_rps=%.1f warmup_s=%.1f duration_s=%.1f client=nio%n", rate, warmupSeconds,
					durationSeconds);
			double intervalNanos = 1e9 / rate;
			long timeoutNanos = (long) (timeoutSeconds * 1e9);
			ArrayDeque<Long> pending = new ArrayDeque<>();
			ArrayDeque<Conn> idle = new ArrayDeque<>();
			// the open connections
			List<Conn> all = new ArrayList<>();
			int maxSeen = 0;
			int busy = 0;
			int opened = 0;
			long i = 0;
			try (Selector selector = Selector.open()) {
				while (true) {
					long now = System.nanoTime();
					// every request whose time has come joins the queue
					while (true) {
						long intended = start + (long) (i * intervalNanos);
						if (intended - measureUntil >= 0 || intended - now > 0) {
							break;
						}
						i++;
						if (pending.size() + busy >= maxInFlight) {
							if (rec.measured(intended)) {
								rec.dropped.incrementAndGet();
								rec.errors.incrementAndGet();
								rec.statusCounts.computeIfAbsent("DROPPED", (k) -> new AtomicLong()).incrementAndGet();
							}
							continue;
						}
						pending.add(intended);
					}
					// to a free connection, or a new one while there are fewer than the maximum
					while (!pending.isEmpty()) {
						Conn conn = idle.poll();
						if (conn == null) {
							if (all.size() >= MAX_CONNECTIONS) {
								break;
							}
							SocketChannel ch = SocketChannel.open();
							ch.configureBlocking(false);
							ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
							boolean done = ch.connect(address);
							conn = new Conn(ch, ch.register(selector, SelectionKey.OP_CONNECT));
							conn.key.attach(conn);
							conn.connected = done;
							all.add(conn);
							opened++;
						}
						long intended = pending.poll();
						conn.intended = intended;
						conn.in.reset();
						conn.out = ByteBuffer.wrap(request(hostHeader));
						conn.sentAt = System.nanoTime();
						busy++;
						if (conn.connected) {
							write(conn);
						}
					}
					maxSeen = Math.max(maxSeen, busy + pending.size());
					long next = start + (long) (i * intervalNanos);
					boolean sending = next - measureUntil < 0;
					if (!sending && busy == 0 && pending.isEmpty()) {
						break;
					}
					if (!sending && System.nanoTime() - (measureUntil + timeoutNanos + 2_000_000_000L) > 0) {
						System.out.println("WARN mode=open " + (busy + pending.size())
								+ " requests still in flight after deadline; abandoned");
						break;
					}
					long waitNanos = sending ? next - System.nanoTime() : 10_000_000L;
					if (waitNanos > 0) {
						selector.select(Math.max(1, waitNanos / 1_000_000));
					}
					else {
						selector.selectNow();
					}
					for (SelectionKey key : selector.selectedKeys()) {
						Conn conn = (Conn) key.attachment();
						if (!key.isValid()) {
							continue;
						}
						try {
							if (key.isConnectable() && conn.channel.finishConnect()) {
								conn.connected = true;
								write(conn);
							}
							else if (key.isWritable()) {
								write(conn);
							}
							else if (key.isReadable()) {
								int status = read(conn);
								if (status != 0) {
									long end = System.nanoTime();
									finish(rec, conn, status, end);
									busy--;
									if (status > 0) {
										conn.key.interestOps(SelectionKey.OP_READ);
										idle.push(conn);
									}
								}
							}
						}
						catch (IOException ex) {
							if (conn.out != null) {
								finish(rec, conn, -1, System.nanoTime(), ex.toString());
								busy--;
							}
							else {
								// an idle connection the server closed: no request was on it
								idle.remove(conn);
							}
							conn.key.cancel();
							conn.channel.close();
							all.remove(conn);
						}
					}
					selector.selectedKeys().clear();
					// a request without an answer within the timeout fails, and its connection closes
					long t = System.nanoTime();
					for (Iterator<Conn> open = all.iterator(); open.hasNext();) {
						Conn conn = open.next();
						if (conn.out != null && t - conn.sentAt > timeoutNanos) {
							finish(rec, conn, -1, t, "timeout");
							busy--;
							conn.key.cancel();
							conn.channel.close();
							open.remove();
						}
					}
				}
				for (Conn conn : all) {
					conn.channel.close();
				}
			}
			System.out.println("INFO mode=open client=nio connections=" + opened + " max_in_flight_seen=" + maxSeen
					+ " dropped=" + rec.dropped.get());
			report(rec, durationSeconds);
		}

		static byte[] request(String host) {
			byte[] body = purchaseBody().getBytes(StandardCharsets.UTF_8);
			String head = "POST /api/v1/purchases HTTP/1.1\r\nHost: " + host
					+ "\r\nContent-Type: application/json\r\nAccept: application/json\r\nAuthorization: Bearer "
					+ token() + "\r\nContent-Length: " + body.length + "\r\n\r\n";
			byte[] h = head.getBytes(StandardCharsets.US_ASCII);
			byte[] all = Arrays.copyOf(h, h.length + body.length);
			System.arraycopy(body, 0, all, h.length, body.length);
			return all;
		}

		static void write(Conn conn) throws IOException {
			conn.channel.write(conn.out);
			conn.key.interestOps(conn.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
		}

		static final ByteBuffer READ = ByteBuffer.allocateDirect(64 * 1024);

		/** 0 while the answer is incomplete, else its status; throws when the server closed the connection. */
		static int read(Conn conn) throws IOException {
			READ.clear();
			int n = conn.channel.read(READ);
			if (n < 0) {
				throw new IOException("connection closed by the server");
			}
			READ.flip();
			byte[] chunk = new byte[READ.remaining()];
			READ.get(chunk);
			conn.in.write(chunk);
			byte[] data = conn.in.toByteArray();
			int headEnd = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			if (headEnd < 0) {
				return 0;
			}
			String head = new String(data, 0, headEnd, StandardCharsets.ISO_8859_1);
			String lower = head.toLowerCase(Locale.ROOT);
			int status = Integer.parseInt(head.substring(9, 12));
			int bodyStart = headEnd + 4;
			int cl = lower.indexOf("\r\ncontent-length:");
			if (cl >= 0) {
				int eol = lower.indexOf("\r\n", cl + 2);
				int length = Integer.parseInt(lower.substring(cl + 17, eol < 0 ? lower.length() : eol).trim());
				return data.length - bodyStart >= length ? status : 0;
			}
			if (lower.contains("\r\ntransfer-encoding: chunked")) {
				return indexOf(data, "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) >= bodyStart - 2 ? status : 0;
			}
			// neither: the body ends with the connection, which this client does not use
			throw new IOException("answer without Content-Length or chunked encoding: " + head);
		}

		static void finish(Recorder rec, Conn conn, int status, long end) {
			byte[] data = conn.in.toByteArray();
			int headEnd = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			String body = headEnd < 0 ? "" : new String(data, headEnd + 4, data.length - headEnd - 4, StandardCharsets.UTF_8);
			finish(rec, conn, status, end, body);
		}

		static void finish(Recorder rec, Conn conn, int status, long end, String body) {
			conn.out = null;
			answered(rec, conn.intended, end, status, body);
		}

		static int indexOf(byte[] data, byte[] pattern) {
			outer: for (int i = 0; i + pattern.length <= data.length; i++) {
				for (int j = 0; j < pattern.length; j++) {
					if (data[i + j] != pattern[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}

	}

}
