import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Load client and fault driver of the fault suite (bench/faults/run.sh, issue 7). Runs mixed load (purchases,
 * refunds, redemptions, Telegram updates) against two service instances, as a till and Telegram would: a request
 * that fails (connection refused or reset, 503, timeout) is repeated with the same idempotency key (receipt,
 * refund number, request key, update_id), on the other instance when this one is gone. Meanwhile it drives the
 * faults through ctl.sh: kill -9 of a random instance at random moments (then a restart), PostgreSQL stopped and
 * started, Redis stopped and started. It is also the fake Telegram Bot API on loopback, counting replies per chat;
 * every update comes from a chat of its own, so replies per chat are replies per update.
 * <p>
 * Writes into --out: acked-*.csv (what was acknowledged), tried-*.csv (everything attempted), replies.csv, and
 * load-summary.txt (key=value figures; run.sh checks the database against the CSVs and gives the verdict).
 * Bounded by --deadline seconds.
 */
public class FaultLoad {

	static final Pattern CHAT_ID = Pattern.compile("\"?chat_id\"?\\s*[:=]\\s*\"?(-?\\d+)");

	static final Pattern STATUS_FIELD = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

	static String[] instances;

	static final AtomicBoolean[] up = { new AtomicBoolean(false), new AtomicBoolean(false) };

	static HttpClient http;

	static String ctl;

	static String secret;

	static volatile String phase = "setup";

	static volatile boolean stop;

	static final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	static final Map<String, String> figures = Collections.synchronizedMap(new TreeMap<>());

	static final List<String> problems = Collections.synchronizedList(new ArrayList<>());

	// what the service acknowledged, and everything attempted
	static final Collection<String> ackedPurchases = new ConcurrentLinkedQueue<>();

	static final Collection<String> triedPurchases = new ConcurrentLinkedQueue<>();

	static final Collection<String> ackedRefunds = new ConcurrentLinkedQueue<>();

	static final Collection<String> triedRefunds = new ConcurrentLinkedQueue<>();

	static final Collection<String> ackedRedemptions = new ConcurrentLinkedQueue<>();

	static final Collection<String> triedRedemptions = new ConcurrentLinkedQueue<>();

	static final Map<Long, Long> ackedUpdates = new ConcurrentHashMap<>(); // chat id -> update id

	static final ConcurrentLinkedQueue<String[]> refundable = new ConcurrentLinkedQueue<>(); // purchase id, amount

	// the fake Bot API: messages per chat, and how many of them were the apology
	static final Map<Long, AtomicLong> replies = new ConcurrentHashMap<>();

	static final Map<Long, AtomicLong> apologies = new ConcurrentHashMap<>();

	static final AtomicLong seq = new AtomicLong();

	static volatile String cashierToken;

	static String adminUser;

	static String adminPassword;

	static String cashierUser;

	static final String CASHIER_PASSWORD = "faults-cashier-password-x9Qz";

	static final String STORE = "FLT";

	static final List<String[]> customers = new ArrayList<>(); // id, card code

	static String rewardId;

	static Random faults;

	public static void main(String[] args) throws Exception {
		Map<String, String> opts = options(args);
		instances = opts.get("instances").split(",");
		ctl = opts.get("ctl");
		secret = opts.get("secret");
		adminUser = opts.get("admin-user");
		adminPassword = opts.get("admin-password");
		int kills = Integer.parseInt(opts.getOrDefault("kills", "20"));
		int pgDown = Integer.parseInt(opts.getOrDefault("pg-down", "10"));
		int redisDown = Integer.parseInt(opts.getOrDefault("redis-down", "15"));
		int workers = Integer.parseInt(opts.getOrDefault("workers", "8"));
		long seed = Long.parseLong(opts.getOrDefault("seed", Long.toString(System.nanoTime())));
		Path out = Path.of(opts.get("out"));
		long deadline = Long.parseLong(opts.getOrDefault("deadline", "1100"));
		faults = new Random(seed);
		figures.put("seed", Long.toString(seed));
		watchdog(deadline, out);

		HttpServer fake = fakeBotApi(Integer.parseInt(opts.get("fake-port")));
		http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.executor(Executors.newFixedThreadPool(4))
			.build();
		long t0 = System.nanoTime();
		// run.sh started both instances at once (Flyway's lock lets one of them migrate)
		figures.put("start_instance_0_s", secs(awaitReady(0, 240)));
		figures.put("start_instance_1_s", secs(awaitReady(1, 240)));
		setUp();
		log("set up in %.1f s: %d customers, load with %d workers", (System.nanoTime() - t0) / 1e9, customers.size(),
				workers);

		ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
		for (int i = 0; i < workers; i++) {
			pool.submit(FaultLoad::work);
		}
		phase = "warmup";
		Thread.sleep(5000);
		killPhase(kills);
		postgresPhase(pgDown);
		redisPhase(redisDown);
		phase = "steady";
		Thread.sleep(5000);
		stop = true;
		pool.shutdown();
		pool.awaitTermination(90, TimeUnit.SECONDS);
		phase = "drain";
		drainTelegram();
		ledgerCheck();
		fake.stop(0);
		write(out);
		log("done: %s", figures);
		System.exit(0);
	}

	// ---------------------------------------------------------------- faults

	static void killPhase(int kills) throws Exception {
		List<Double> restarts = new ArrayList<>();
		long interrupted = adder("io_error").sum();
		for (int k = 1; k <= kills; k++) {
			Thread.sleep(1000 + faults.nextInt(3000));
			int victim = faults.nextInt(2);
			phase = "kill";
			ctl("kill-instance", Integer.toString(victim));
			up[victim].set(false);
			long killed = System.nanoTime();
			log("kill %d/%d: instance %d killed with kill -9", k, kills, victim);
			ctl("start-instance", Integer.toString(victim));
			awaitReady(victim, 180);
			double restart = (System.nanoTime() - killed) / 1e9;
			restarts.add(restart);
			log("kill %d/%d: instance %d ready again after %.1f s", k, kills, victim, restart);
			phase = "between-kills";
		}
		Collections.sort(restarts);
		figures.put("kills", Integer.toString(kills));
		figures.put("kill_restart_to_ready_s_median", restarts.isEmpty() ? "-" : fmt(restarts.get(restarts.size() / 2)));
		figures.put("kill_restart_to_ready_s_max", restarts.isEmpty() ? "-" : fmt(restarts.get(restarts.size() - 1)));
		figures.put("kill_requests_cut_off", Long.toString(adder("io_error").sum() - interrupted));
	}

	static void postgresPhase(int downSeconds) throws Exception {
		Thread.sleep(2000);
		phase = "pg-down";
		log("stopping PostgreSQL for %d s", downSeconds);
		ctl("pg-stop");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(downSeconds);
		Map<Integer, Integer> readiness = new TreeMap<>();
		Thread.sleep(1000); // the pools notice closed connections on their next use
		while (System.nanoTime() < deadline) {
			for (int i = 0; i < 2; i++) {
				readiness.merge(get(i, "/actuator/health/readiness").status(), 1, Integer::sum);
			}
			Thread.sleep(500);
		}
		figures.put("pg_down_readiness_statuses", readiness.toString());
		if (!readiness.keySet().equals(java.util.Set.of(503))) {
			problems.add("readiness was not 503 on every probe while PostgreSQL was down");
		}
		phase = "pg-recovery";
		ctl("pg-start");
		long back = System.nanoTime();
		log("PostgreSQL is back");
		Thread[] probes = new Thread[2];
		for (int i = 0; i < 2; i++) {
			int instance = i;
			probes[i] = Thread.ofVirtual().start(() -> {
				try {
					figures.put("pg_recovery_first_purchase_s_instance_" + instance, secs(probePurchase(instance, back)));
					figures.put("pg_recovery_readiness_up_s_instance_" + instance,
							secs(awaitReadySince(instance, back, 60)));
				}
				catch (Exception ex) {
					problems.add("recovery probe: " + ex);
				}
			});
		}
		for (Thread probe : probes) {
			probe.join();
		}
		String[] statuses = { "503", "500", "io_error" };
		for (String status : statuses) {
			figures.put("pg_down_responses_" + status, Long.toString(count("pg-down", status)));
		}
		figures.put("pg_down_responses_2xx", Long.toString(count2xx("pg-down")));
		figures.put("pg_down_503_without_problem_json_or_retry_after", Long.toString(adder("bad_503").sum()));
		phase = "after-pg";
	}

	static void redisPhase(int downSeconds) throws Exception {
		Thread.sleep(2000);
		List<Long> baselineMs = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 2; i++) {
				long t = System.nanoTime();
				post(i, "/api/v1/auth/token", null,
						"{\"username\":\"" + adminUser + "\",\"password\":\"" + adminPassword + "\"}");
				baselineMs.add((System.nanoTime() - t) / 1_000_000);
			}
		}
		figures.put("redis_up_login_ms", baselineMs.toString());
		phase = "redis-down";
		log("stopping Redis for %d s", downSeconds);
		ctl("redis-stop");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(downSeconds);
		List<Long> loginMs = new ArrayList<>();
		long maxLoginMs = 0;
		int logins = 0;
		int loginFailures = 0;
		int degraded = 0;
		int healthProbes = 0;
		int notReady = 0;
		long sentBefore = seq.get();
		Thread.sleep(1000);
		while (System.nanoTime() < deadline) {
			for (int i = 0; i < 2; i++) {
				long t = System.nanoTime();
				Resp login = post(i, "/api/v1/auth/token", null,
						"{\"username\":\"" + adminUser + "\",\"password\":\"" + adminPassword + "\"}");
				loginMs.add((System.nanoTime() - t) / 1_000_000);
				maxLoginMs = Math.max(maxLoginMs, loginMs.get(loginMs.size() - 1));
				logins++;
				loginFailures += login.status() == 200 ? 0 : 1;
				Resp health = get(i, "/actuator/health");
				healthProbes++;
				Matcher status = STATUS_FIELD.matcher(health.body());
				degraded += health.status() == 200 && status.find() && status.group(1).equals("DEGRADED") ? 1 : 0;
				notReady += get(i, "/actuator/health/readiness").status() == 200 ? 0 : 1;
			}
			Thread.sleep(1000);
		}
		long apologised = apologiesForChatsAfter(sentBefore);
		figures.put("redis_down_logins", logins + " (" + loginFailures + " not 200, slowest " + maxLoginMs + " ms)");
		figures.put("redis_down_login_ms", loginMs.toString());
		figures.put("redis_down_health_degraded_200", degraded + " of " + healthProbes);
		figures.put("redis_down_readiness_not_200", Integer.toString(notReady));
		figures.put("redis_down_purchases_acked", Long.toString(count("redis-down", "purchase", "2xx")));
		figures.put("redis_down_purchases_failed", Long.toString(count5xxOrIo("redis-down", "purchase")));
		figures.put("redis_down_chat_apologies", Long.toString(apologised));
		// the bug this guards against: every login waited for the 2 s Redis command timeout, then answered 500
		if (loginFailures > 0 || maxLoginMs >= 2000) {
			problems.add("logins failed or took 2 s or more while Redis was down");
		}
		if (degraded != healthProbes || notReady > 0) {
			problems.add("health was not DEGRADED/200 or readiness not UP while Redis was down");
		}
		phase = "redis-recovery";
		ctl("redis-start");
		long back = System.nanoTime();
		log("Redis is back");
		for (int i = 0; i < 2; i++) {
			figures.put("redis_recovery_health_up_s_instance_" + i, secs(awaitHealthUp(i, back, 60)));
		}
		figures.put("redis_recovery_chat_answers_normally_s", secs(awaitNormalChat(back, 60)));
		phase = "after-redis";
	}

	// ---------------------------------------------------------------- load

	static void work() {
		while (!stop) {
			try {
				int dice = ThreadLocalRandom.current().nextInt(100);
				if (dice < 50) {
					purchase();
				}
				else if (dice < 62) {
					refund();
				}
				else if (dice < 72) {
					redeem();
				}
				else {
					telegram();
				}
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (Exception ex) {
				problems.add("worker: " + ex);
			}
		}
	}

	static void purchase() throws Exception {
		String[] customer = customers.get(ThreadLocalRandom.current().nextInt(customers.size()));
		String receipt = "P" + seq.incrementAndGet();
		long amount = ThreadLocalRandom.current().nextLong(500, 5001);
		triedPurchases.add(receipt);
		Resp r = until("purchase", "/api/v1/purchases", "{\"cardCode\":\"" + customer[1] + "\",\"storeCode\":\"" + STORE
				+ "\",\"receiptNo\":\"" + receipt + "\",\"amountMinor\":" + amount + ",\"currency\":\"EUR\",\"items\":[]}");
		if (r.ok()) {
			String id = field(r.body(), "purchaseId");
			ackedPurchases.add(receipt + "," + id + "," + field(r.body(), "customerId"));
			refundable.add(new String[] { id, Long.toString(amount) });
		}
	}

	static void refund() throws Exception {
		String[] purchase = refundable.poll();
		if (purchase == null) {
			return;
		}
		String refundNo = "F" + seq.incrementAndGet();
		triedRefunds.add(purchase[0] + "," + refundNo);
		Resp r = until("refund", "/api/v1/purchases/" + purchase[0] + "/refunds",
				"{\"refundNo\":\"" + refundNo + "\",\"amountMinor\":" + Long.parseLong(purchase[1]) / 2 + "}");
		if (r.ok()) {
			ackedRefunds.add(purchase[0] + "," + refundNo + "," + field(r.body(), "refundId"));
		}
	}

	static void redeem() throws Exception {
		String[] customer = customers.get(ThreadLocalRandom.current().nextInt(customers.size()));
		String key = "Q" + seq.incrementAndGet();
		triedRedemptions.add(customer[0] + "," + key);
		Resp r = until("redemption", "/api/v1/customers/" + customer[0] + "/redemptions",
				"{\"rewardId\":\"" + rewardId + "\",\"requestKey\":\"" + key + "\"}");
		if (r.ok()) {
			ackedRedemptions.add(customer[0] + "," + key + "," + field(r.body(), "voucherId"));
		}
	}

	/** A /help from a chat of its own, repeated with the same update_id until acknowledged, as Telegram does. */
	static void telegram() throws Exception {
		long n = seq.incrementAndGet();
		long chat = 50_000_000L + n;
		long updateId = 800_000_000L + n;
		Resp r = until("telegram", "/webhooks/telegram", update(updateId, chat, "/help"));
		if (r.ok()) {
			ackedUpdates.put(chat, updateId);
		}
	}

	/**
	 * Sends until the service gives an answer that is final: 2xx, or a 4xx other than 401/408/429 (401 renews the
	 * token). Connection errors, 5xx and timeouts are repeated with the same body for up to 90 s, on the other
	 * instance after a connection error.
	 */
	static Resp until(String op, String path, String body) throws Exception {
		long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		int instance = pick(-1);
		while (true) {
			String currentPhase = phase;
			Resp r = op.equals("telegram") ? webhook(instance, body) : post(instance, path, cashierToken, body);
			record(currentPhase, op, r);
			if (r.status() == 401 && !op.equals("telegram")) {
				renewCashierToken();
				continue;
			}
			if (r.ok() || (r.status() >= 400 && r.status() < 500 && r.status() != 408 && r.status() != 429)) {
				return r;
			}
			if (System.nanoTime() > giveUp || stop && System.nanoTime() > giveUp - TimeUnit.SECONDS.toNanos(60)) {
				adder("gave_up").increment();
				return r;
			}
			// faster than Retry-After asks, so recovery is measured to a fraction of a second
			Thread.sleep(r.status() == -1 ? 50 : 250);
			instance = pick(r.status() == -1 ? instance : -1);
		}
	}

	static int pick(int avoid) {
		int choice = ThreadLocalRandom.current().nextInt(2);
		if (choice == avoid || !up[choice].get()) {
			choice = 1 - choice;
		}
		return choice;
	}

	static void record(String phase, String op, Resp r) {
		String status = r.status() == -1 ? "io_error" : Integer.toString(r.status());
		adder(phase + "|" + op + "|" + status).increment();
		adder(phase + "|" + status).increment();
		adder(status).increment();
		if (r.status() == 503 && !(r.problemJson() && r.retryAfter())) {
			adder("bad_503").increment();
		}
		if (r.status() == 500) {
			log("HTTP 500 in phase %s for %s: %s", phase, op, r.body());
		}
	}

	// ---------------------------------------------------------------- set-up, probes

	static void setUp() throws Exception {
		String admin = login(0, adminUser, adminPassword);
		require(post(0, "/api/v1/stores", admin, "{\"code\":\"" + STORE + "\",\"name\":\"Fault store\"}"), "store");
		cashierUser = "faults-cashier";
		require(post(0, "/api/v1/staff", admin, "{\"username\":\"" + cashierUser + "\",\"password\":\""
				+ CASHIER_PASSWORD + "\",\"role\":\"CASHIER\",\"storeCode\":\"" + STORE + "\"}"), "cashier");
		Resp reward = post(0, "/api/v1/rewards", admin,
				"{\"name\":\"Coffee\",\"description\":\"a cup\",\"costPoints\":30}");
		require(reward, "reward");
		rewardId = field(reward.body(), "id");
		renewCashierToken();
		try (ExecutorService enrol = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < 100; i++) {
				int n = i;
				enrol.submit(() -> {
					Resp c = post(n % 2, "/api/v1/customers", cashierToken, "{\"name\":\"Fault Customer " + n + "\"}");
					require(c, "customer");
					synchronized (customers) {
						customers.add(new String[] { field(c.body(), "customerId"), field(c.body(), "cardCode") });
					}
				});
			}
		}
		if (customers.size() < 100) {
			throw new IllegalStateException("only " + customers.size() + " of 100 customers could be enrolled");
		}
	}

	static synchronized void renewCashierToken() throws Exception {
		long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < giveUp) {
			int instance = pick(-1);
			Resp r = post(instance, "/api/v1/auth/token", null,
					"{\"username\":\"" + cashierUser + "\",\"password\":\"" + CASHIER_PASSWORD + "\"}");
			record(phase, "login", r);
			if (r.status() == 200) {
				cashierToken = field(r.body(), "accessToken");
				return;
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("cannot log in as the cashier");
	}

	static String login(int instance, String user, String password) throws Exception {
		Resp r = post(instance, "/api/v1/auth/token", null,
				"{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
		require(r, "login");
		return field(r.body(), "accessToken");
	}

	static long awaitReady(int instance, int seconds) throws Exception {
		return awaitReadySince(instance, System.nanoTime(), seconds);
	}

	static long awaitReadySince(int instance, long since, int seconds) throws Exception {
		long deadline = since + TimeUnit.SECONDS.toNanos(seconds);
		while (System.nanoTime() < deadline) {
			if (get(instance, "/actuator/health/readiness").status() == 200) {
				up[instance].set(true);
				return System.nanoTime() - since;
			}
			Thread.sleep(100);
		}
		problems.add("instance " + instance + " not ready within " + seconds + " s");
		return -1;
	}

	static long awaitHealthUp(int instance, long since, int seconds) throws Exception {
		long deadline = since + TimeUnit.SECONDS.toNanos(seconds);
		while (System.nanoTime() < deadline) {
			Resp health = get(instance, "/actuator/health");
			Matcher status = STATUS_FIELD.matcher(health.body());
			if (health.status() == 200 && status.find() && status.group(1).equals("UP")) {
				return System.nanoTime() - since;
			}
			Thread.sleep(100);
		}
		problems.add("instance " + instance + " health not UP within " + seconds + " s of Redis coming back");
		return -1;
	}

	/** One purchase with one receipt, repeated on this instance every 100 ms until it is recorded. */
	static long probePurchase(int instance, long since) throws Exception {
		String[] customer = customers.get(0);
		String receipt = "PROBE" + seq.incrementAndGet();
		triedPurchases.add(receipt);
		String body = "{\"cardCode\":\"" + customer[1] + "\",\"storeCode\":\"" + STORE + "\",\"receiptNo\":\"" + receipt
				+ "\",\"amountMinor\":1000,\"currency\":\"EUR\",\"items\":[]}";
		long deadline = since + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			Resp r = post(instance, "/api/v1/purchases", cashierToken, body);
			record(phase, "probe", r);
			if (r.ok()) {
				ackedPurchases.add(receipt + "," + field(r.body(), "purchaseId") + "," + field(r.body(), "customerId"));
				return System.nanoTime() - since;
			}
			Thread.sleep(100);
		}
		problems.add("instance " + instance + " recorded no purchase within 60 s of PostgreSQL coming back");
		return -1;
	}

	/** A /help from a new chat every 500 ms until one is answered with the normal text, not the apology. */
	static long awaitNormalChat(long since, int seconds) throws Exception {
		long deadline = since + TimeUnit.SECONDS.toNanos(seconds);
		while (System.nanoTime() < deadline) {
			long n = seq.incrementAndGet();
			long chat = 50_000_000L + n;
			Resp r = webhook(pick(-1), update(800_000_000L + n, chat, "/help"));
			record(phase, "telegram", r);
			if (r.ok()) {
				ackedUpdates.put(chat, 800_000_000L + n);
				long answerBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
				while (System.nanoTime() < answerBy && !replies.containsKey(chat)) {
					Thread.sleep(20);
				}
				if (replies.containsKey(chat) && !apologies.containsKey(chat)) {
					return System.nanoTime() - since;
				}
			}
			Thread.sleep(500);
		}
		problems.add("chat did not answer normally within " + seconds + " s of Redis coming back");
		return -1;
	}

	static long apologiesForChatsAfter(long sequence) {
		return apologies.keySet().stream().filter((chat) -> chat - 50_000_000L > sequence).count();
	}

	/** Waits until every acknowledged update has been answered (the sweeper takes over a killed instance's). */
	static void drainTelegram() throws Exception {
		long start = System.nanoTime();
		long deadline = start + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline && unanswered() > 0) {
			Thread.sleep(250);
		}
		figures.put("drain_s", secs(System.nanoTime() - start));
		Thread.sleep(3000); // late duplicates would arrive now
		long answeredTwice = ackedUpdates.keySet()
			.stream()
			.filter((chat) -> replies.containsKey(chat) && replies.get(chat).get() > 1)
			.count();
		figures.put("updates_acknowledged_by_http", Integer.toString(ackedUpdates.size()));
		figures.put("updates_unanswered", Long.toString(unanswered()));
		figures.put("updates_answered_more_than_once", Long.toString(answeredTwice));
		figures.put("updates_answered_with_apology", Long.toString(
				ackedUpdates.keySet().stream().filter(apologies::containsKey).count()));
	}

	static long unanswered() {
		return ackedUpdates.keySet().stream().filter((chat) -> !replies.containsKey(chat)).count();
	}

	static void ledgerCheck() throws Exception {
		String admin = login(0, adminUser, adminPassword);
		Resp r = get(0, "/api/v1/ledger/check", admin);
		boolean consistent = r.status() == 200 && r.body().replace(" ", "").contains("\"consistent\":true");
		figures.put("ledger_check", r.status() + " " + r.body().replaceAll("\\s+", " "));
		figures.put("ledger_check_inconsistent", consistent ? "0" : "1");
	}

	// ---------------------------------------------------------------- output

	static void write(Path out) throws IOException {
		Files.write(out.resolve("acked-purchases.csv"), ackedPurchases);
		Files.write(out.resolve("tried-purchases.csv"), triedPurchases);
		Files.write(out.resolve("acked-refunds.csv"), ackedRefunds);
		Files.write(out.resolve("tried-refunds.csv"), triedRefunds);
		Files.write(out.resolve("acked-redemptions.csv"), ackedRedemptions);
		Files.write(out.resolve("tried-redemptions.csv"), triedRedemptions);
		List<String> updates = new ArrayList<>();
		ackedUpdates.forEach((chat, update) -> updates.add(update + "," + chat));
		Files.write(out.resolve("acked-updates.csv"), updates);
		List<String> answers = new ArrayList<>();
		replies.forEach((chat, n) -> answers.add(chat + "," + n.get() + ","
				+ (apologies.containsKey(chat) ? apologies.get(chat).get() : 0)));
		Files.write(out.resolve("replies.csv"), answers);
		figures.put("http_500", Long.toString(adder("500").sum()));
		figures.put("http_5xx_other_than_503", Long.toString(counts.entrySet()
			.stream()
			.filter((e) -> e.getKey().matches("5\\d\\d") && !e.getKey().equals("503") && !e.getKey().equals("500"))
			.mapToLong((e) -> e.getValue().sum())
			.sum()));
		figures.put("requests_gave_up", Long.toString(adder("gave_up").sum()));
		figures.put("checks_failed", Integer.toString(problems.size()));
		try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("load-summary.txt")))) {
			figures.forEach((k, v) -> w.println(k + "=" + v));
			for (String p : problems) {
				w.println("# problem: " + p);
			}
			new TreeMap<>(counts).forEach((k, v) -> w.println("# count " + k + " = " + v.sum()));
		}
	}

	static void watchdog(long seconds, Path out) {
		Thread.ofPlatform().daemon().start(() -> {
			try {
				Thread.sleep(seconds * 1000);
				problems.add("deadline of " + seconds + " s reached in phase " + phase);
				write(out);
			}
			catch (Exception ignored) {
				// exiting anyway
			}
			System.exit(3);
		});
	}

	// ---------------------------------------------------------------- HTTP

	record Resp(int status, String body, boolean problemJson, boolean retryAfter) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

	}

	static Resp post(int instance, String path, String token, String body) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(instances[instance] + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return send(b.build());
	}

	static Resp webhook(int instance, String body) {
		return send(HttpRequest.newBuilder(URI.create(instances[instance] + "/webhooks/telegram"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("X-Telegram-Bot-Api-Secret-Token", secret)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	static Resp get(int instance, String path) {
		return get(instance, path, null);
	}

	static Resp get(int instance, String path, String token) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(instances[instance] + path))
			.timeout(Duration.ofSeconds(10))
			.GET();
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return send(b.build());
	}

	static Resp send(HttpRequest request) {
		try {
			HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Resp(r.statusCode(), r.body(),
					r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
					r.headers().firstValue("Retry-After").isPresent());
		}
		catch (IOException ex) {
			return new Resp(-1, String.valueOf(ex), false, false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Resp(-1, "interrupted", false, false);
		}
	}

	static void require(Resp r, String what) {
		if (!r.ok()) {
			throw new IllegalStateException(what + " failed: " + r.status() + " " + r.body());
		}
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		return m.find() ? m.group(1) : null;
	}

	static void ctl(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", ctl));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).inheritIO().start();
		if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new IllegalStateException("ctl.sh " + String.join(" ", args) + " failed");
		}
	}

	// ---------------------------------------------------------------- the fake Bot API

	static String update(long updateId, long user, String text) {
		return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId + ",\"from\":{\"id\":" + user
				+ ",\"is_bot\":false,\"first_name\":\"Fault\",\"language_code\":\"en\"},\"chat\":{\"id\":" + user
				+ ",\"first_name\":\"Fault\",\"type\":\"private\"},\"date\":" + (System.currentTimeMillis() / 1000)
				+ ",\"text\":\"" + text + "\",\"entities\":[{\"offset\":0,\"length\":" + text.length()
				+ ",\"type\":\"bot_command\"}]}}";
	}

	static HttpServer fakeBotApi(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/", FaultLoad::answer);
		server.start();
		return server;
	}

	static void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String method = path.substring(path.lastIndexOf('/') + 1);
		String result = "true";
		if (method.equals("getMe")) {
			result = "{\"id\":1,\"is_bot\":true,\"first_name\":\"Faults\",\"username\":\"faults_bot\"}";
		}
		else if (method.equals("sendMessage") || method.equals("sendPhoto")) {
			Matcher chat = CHAT_ID.matcher(body);
			if (chat.find()) {
				long id = Long.parseLong(chat.group(1));
				replies.computeIfAbsent(id, (k) -> new AtomicLong()).incrementAndGet();
				if (body.contains("Sorry, something went wrong")) {
					apologies.computeIfAbsent(id, (k) -> new AtomicLong()).incrementAndGet();
				}
			}
			result = "{\"message_id\":1,\"date\":0,\"chat\":{\"id\":1,\"type\":\"private\"}}";
		}
		else if (method.equals("getUpdates")) {
			result = "[]";
		}
		byte[] answer = ("{\"ok\":true,\"result\":" + result + "}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, answer.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer);
		}
	}

	// ---------------------------------------------------------------- small things

	static LongAdder adder(String key) {
		return counts.computeIfAbsent(key, (k) -> new LongAdder());
	}

	static long count(String phase, String status) {
		return adder(phase + "|" + status).sum();
	}

	static long count(String phase, String op, String status) {
		if (status.equals("2xx")) {
			return counts.entrySet()
				.stream()
				.filter((e) -> e.getKey().startsWith(phase + "|" + op + "|2"))
				.mapToLong((e) -> e.getValue().sum())
				.sum();
		}
		return adder(phase + "|" + op + "|" + status).sum();
	}

	static long count2xx(String phase) {
		return counts.entrySet()
			.stream()
			.filter((e) -> e.getKey().startsWith(phase + "|2") && e.getKey().split("\\|").length == 2)
			.mapToLong((e) -> e.getValue().sum())
			.sum();
	}

	static long count5xxOrIo(String phase, String op) {
		return counts.entrySet()
			.stream()
			.filter((e) -> e.getKey().startsWith(phase + "|" + op + "|5") || e.getKey().equals(phase + "|" + op + "|io_error"))
			.mapToLong((e) -> e.getValue().sum())
			.sum();
	}

	static String secs(long nanos) {
		return nanos < 0 ? "timeout" : fmt(nanos / 1e9);
	}

	static String fmt(double seconds) {
		return String.format(Locale.ROOT, "%.2f", seconds);
	}

	static void log(String format, Object... args) {
		System.out.printf(Locale.ROOT, "%tT " + format + "%n", prepend(System.currentTimeMillis(), args));
	}

	static Object[] prepend(Object first, Object[] rest) {
		Object[] all = new Object[rest.length + 1];
		all[0] = first;
		System.arraycopy(rest, 0, all, 1, rest.length);
		return all;
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> opts = new java.util.HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--")) {
				String key = args[i].substring(2);
				String value = (i + 1 < args.length && !args[i + 1].startsWith("--")) ? args[++i] : "true";
				opts.put(key, value);
			}
		}
		return opts;
	}

}
