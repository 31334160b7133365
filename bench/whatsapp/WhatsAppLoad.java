import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Load client for the WhatsApp webhook path (issue 8, part 6), with the Telegram webhook path and a trivial
 * baseline in the same run and the same client. It is its own fake Graph API and fake Bot API on one loopback port
 * (the paths tell them apart): the service sends its replies here, and the latency of one message is the time from
 * POSTing it until the matching outgoing send for that recipient arrives (WhatsApp: {@code POST
 * /<version>/<phone-number-id>/messages} with {@code "to"}; Telegram: {@code sendMessage} with {@code chat_id}).
 * WhatsApp messages are Meta-shaped batches of one text message ({@code points}) from many distinct {@code wa_id}s,
 * signed with {@code X-Hub-Signature-256} over the exact body bytes; Telegram updates are the {@code /profile}
 * updates of bench/telegram/WebhookLoad.java, unchanged, so its numbers compare with earlier runs. Per rate the
 * phases run one after the other: baseline ({@code GET /actuator/health/liveness}), telegram, whatsapp. Open loop at
 * fixed rates; bounded: every phase stops by itself.
 *
 * java WhatsAppLoad.java --service http://127.0.0.1:18090 --fake-port 18091 --telegram-secret S --app-secret A
 *      --access-token T --phone-number-id 1234567890 --users 2000 --rates 250,500,1000 --seconds 15 --warmup 30
 */
public class WhatsAppLoad {

	static final Pattern CHAT_ID = Pattern.compile("\"?chat_id\"?\\s*[:=]\\s*\"?(-?\\d+)");

	static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"([^\"]+)\"");

	/** Unanswered messages by recipient ("t:<chat id>" or "w:<wa_id>"): when each was POSTed. */
	static final Map<String, Long> inFlight = new ConcurrentHashMap<>();

	static final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

	static final AtomicLong telegramReplies = new AtomicLong();

	static final AtomicLong whatsAppReplies = new AtomicLong();

	/** Calls of the fake that it did not expect or refused (wrong path, token, number); printed at the end. */
	static final Map<String, AtomicLong> odd = new ConcurrentHashMap<>();

	static final AtomicLong ids = new AtomicLong(500_000_000L);

	static final long TELEGRAM_USER = 100_000;

	static final long WA_USER = 491_700_000_000L;

	static String service;

	static String telegramSecret;

	static String accessToken;

	static String phoneNumberId;

	static String apiVersion;

	static String runId = Long.toString(System.currentTimeMillis(), 36);

	static ThreadLocal<Mac> hmac;

	static final Map<String, String> samples = new ConcurrentHashMap<>();

	public static void main(String[] args) throws Exception {
		Map<String, String> opts = options(args);
		service = opts.getOrDefault("service", "http://127.0.0.1:18090");
		int fakePort = Integer.parseInt(opts.getOrDefault("fake-port", "18091"));
		telegramSecret = opts.getOrDefault("telegram-secret", "bench-secret");
		accessToken = opts.getOrDefault("access-token", "bench-access-token");
		phoneNumberId = opts.getOrDefault("phone-number-id", "1234567890");
		apiVersion = opts.getOrDefault("api-version", "v24.0");
		byte[] appSecret = opts.getOrDefault("app-secret", "bench-app-secret").getBytes(StandardCharsets.UTF_8);
		hmac = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(appSecret, "HmacSHA256"));
				return mac;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		int users = Integer.parseInt(opts.getOrDefault("users", "2000"));
		int seconds = Integer.parseInt(opts.getOrDefault("seconds", "15"));
		String[] rates = opts.getOrDefault("rates", "250,500,1000").split(",");
		String[] paths = opts.getOrDefault("paths", "baseline,telegram,whatsapp").split(",");

		HttpServer fake = fakeApis(fakePort);
		System.out.println("fake Graph API and Bot API on 127.0.0.1:" + fakePort);
		HttpClient http = HttpClient.newBuilder()
			.executor(Executors.newFixedThreadPool(8))
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		awaitHealthy(http);
		boolean telegram = List.of(paths).contains("telegram");
		boolean whatsApp = List.of(paths).contains("whatsapp");
		if (telegram) {
			register(http, "telegram", users, telegramReplies);
		}
		if (whatsApp) {
			register(http, "whatsapp", users, whatsAppReplies);
		}
		int warmup = Integer.parseInt(opts.getOrDefault("warmup", "0"));
		if (warmup > 0) {
			// JIT-compiles both webhook paths before anything is recorded; printed, not counted
			int rps = Integer.parseInt(rates[0].strip());
			if (telegram) {
				run("warmup-telegram", http, users, rps, warmup);
			}
			if (whatsApp) {
				run("warmup-whatsapp", http, users, rps, warmup);
			}
		}
		System.out.println("# phase,target_rps,sent,completed,achieved_rps,p50_ms,p90_ms,p99_ms,max_ms,errors,"
				+ "start_ms,end_ms,p95_ms,replies");
		for (String rate : rates) {
			int rps = Integer.parseInt(rate.strip());
			for (String path : paths) {
				run(path.strip(), http, users, rps, seconds);
			}
		}
		System.err.println("unexpected or refused calls at the fake: " + odd);
		samples.forEach((kind, body) -> System.err.println("sample " + kind + ": " + body));
		fake.stop(0);
		System.exit(0);
	}

	static void awaitHealthy(HttpClient http) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			try {
				if (http.send(HttpRequest.newBuilder(URI.create(service + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString()).body().contains("UP")) {
					return;
				}
			}
			catch (IOException notYet) {
				// the service is still starting
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("the service did not become healthy");
	}

	/**
	 * Makes every user a member: Telegram {@code /start}, WhatsApp the word {@code start} (both join without a store),
	 * at most 250 a second, then waits until their replies (several messages each) stop arriving.
	 */
	/**
	 * Makes every user a member: Telegram {@code /start}, WhatsApp the word {@code start} (both join without a store),
	 * at most 250 a second, then waits until their replies (several messages each) stop arriving. A POST that was not
	 * answered 200 (e.g. a 503 while the fresh JVM is still slow) is sent again, as Telegram and Meta redeliver, up to
	 * 5 rounds.
	 */
	static void register(HttpClient http, String channel, int users, AtomicLong replies) throws Exception {
		long before = replies.get();
		List<Integer> pending = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			pending.add(i);
		}
		int retried = 0;
		for (int round = 0; round < 6 && !pending.isEmpty(); round++) {
			if (round > 0) {
				retried += pending.size();
				Thread.sleep(3000);
			}
			List<Integer> failed = Collections.synchronizedList(new ArrayList<>());
			List<CompletableFuture<HttpResponse<Void>>> posts = new ArrayList<>();
			for (int i : pending) {
				CompletableFuture<HttpResponse<Void>> post = "telegram".equals(channel)
						? postTelegram(http, telegramUpdate(TELEGRAM_USER + i, "/start"))
						: postWhatsApp(http, whatsAppBatch(WA_USER + i, "start"));
				posts.add(post.whenComplete((response, error) -> {
					if (error != null || response.statusCode() != 200) {
						failed.add(i);
					}
				}));
				Thread.sleep(4);
			}
			CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).exceptionally((error) -> null).join();
			pending = new ArrayList<>(failed);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
		long seen = -1;
		long quietSince = System.nanoTime();
		while (System.nanoTime() < deadline) {
			Thread.sleep(500);
			if (replies.get() != seen) {
				seen = replies.get();
				quietSince = System.nanoTime();
			}
			else if (seen - before >= users && System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(5)
					|| seen > before && System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(15)) {
				break;
			}
		}
		Thread.sleep(1000);
		System.out.println("registered " + (users - pending.size()) + " of " + users + " " + channel + " users ("
				+ (replies.get() - before) + " replies, " + retried + " POSTs sent again)");
	}

	static void run(String phase, HttpClient http, int users, int rps, int seconds) throws Exception {
		latencies.clear();
		inFlight.clear();
		AtomicLong replies = phase.endsWith("telegram") ? telegramReplies : whatsAppReplies;
		long repliesBefore = replies.get();
		AtomicInteger sent = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
		long periodNanos = 1_000_000_000L / rps;
		long startMillis = System.currentTimeMillis();
		long start = System.nanoTime();
		ticks.scheduleAtFixedRate(() -> {
			int user = Math.floorMod(next.getAndIncrement(), users);
			sent.incrementAndGet();
			if ("baseline".equals(phase)) {
				long t0 = System.nanoTime();
				http.sendAsync(HttpRequest.newBuilder(URI.create(service + "/actuator/health/liveness")).GET().build(),
						HttpResponse.BodyHandlers.discarding())
					.whenComplete((response, error) -> {
						if (error != null || response.statusCode() != 200) {
							errors.incrementAndGet();
						}
						else {
							latencies.add(System.nanoTime() - t0);
						}
					});
				return;
			}
			boolean telegram = phase.endsWith("telegram");
			String key = telegram ? "t:" + (TELEGRAM_USER + user) : "w:" + (WA_USER + user);
			// the body is made (and signed) before the clock starts, as a sender would have it ready
			String body = telegram ? telegramUpdate(TELEGRAM_USER + user, "/profile")
					: whatsAppBatch(WA_USER + user, "points");
			if (inFlight.putIfAbsent(key, System.nanoTime()) != null) {
				errors.incrementAndGet(); // the previous message of this user is still unanswered
				return;
			}
			(telegram ? postTelegram(http, body) : postWhatsApp(http, body)).whenComplete((response, error) -> {
				if (error != null || response.statusCode() != 200) {
					errors.incrementAndGet();
					inFlight.remove(key);
				}
			});
		}, 0, periodNanos, TimeUnit.NANOSECONDS);
		Thread.sleep(seconds * 1000L);
		ticks.shutdownNow();
		long elapsed = System.nanoTime() - start;
		long endMillis = System.currentTimeMillis();
		Thread.sleep(3000); // let the tail arrive; anything later counts as lost
		errors.addAndGet(inFlight.size());
		List<Long> sorted;
		synchronized (latencies) {
			sorted = new ArrayList<>(latencies);
		}
		Collections.sort(sorted);
		System.out.printf("%s,%d,%d,%d,%.0f,%.1f,%.1f,%.1f,%.1f,%d,%d,%d,%.1f,%d%n", phase, rps, sent.get(),
				sorted.size(), sorted.size() / (elapsed / 1e9), pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
				pct(sorted, 100), errors.get(), startMillis, endMillis, pct(sorted, 95),
				"baseline".equals(phase) ? 0 : replies.get() - repliesBefore);
		drain(phase);
		Thread.sleep(1000);
	}

	/**
	 * Waits (up to 120 s) until no send has arrived for 2 s: a phase the service could not keep up with leaves a
	 * backlog in its lanes, which would otherwise be handled during (and slow down) the next phases.
	 */
	static void drain(String phase) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		long started = System.nanoTime();
		long seen = telegramReplies.get() + whatsAppReplies.get();
		long quietSince = System.nanoTime();
		while (System.nanoTime() < deadline && System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(2)) {
			Thread.sleep(200);
			long now = telegramReplies.get() + whatsAppReplies.get();
			if (now != seen) {
				seen = now;
				quietSince = System.nanoTime();
			}
		}
		long waited = (System.nanoTime() - started) / 1_000_000;
		if (waited > 2500) {
			System.err.println("after " + phase + ": sends went on arriving for " + (waited - 2000) + " ms more");
		}
	}

	static CompletableFuture<HttpResponse<Void>> postTelegram(HttpClient http, String body) {
		return http.sendAsync(HttpRequest.newBuilder(URI.create(service + "/webhooks/telegram"))
			.header("Content-Type", "application/json")
			.header("X-Telegram-Bot-Api-Secret-Token", telegramSecret)
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	/** POSTs the batch as Meta does: JSON, signed over its exact bytes with the app secret. */
	static CompletableFuture<HttpResponse<Void>> postWhatsApp(HttpClient http, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String signature = "sha256=" + HexFormat.of().formatHex(hmac.get().doFinal(bytes));
		return http.sendAsync(HttpRequest.newBuilder(URI.create(service + "/webhooks/whatsapp"))
			.header("Content-Type", "application/json")
			.header("X-Hub-Signature-256", signature)
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	/** A private-chat text message shaped like Telegram's, as bench/telegram/WebhookLoad.java sends it. */
	static String telegramUpdate(long user, String text) {
		long updateId = ids.incrementAndGet();
		String entities = text.startsWith("/") ? ",\"entities\":[{\"offset\":0,\"length\":" + text.split(" ")[0].length()
				+ ",\"type\":\"bot_command\"}]" : "";
		return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId
				+ ",\"from\":{\"id\":" + user + ",\"is_bot\":false,\"first_name\":\"Bench\",\"last_name\":\"User " + user
				+ "\",\"language_code\":\"en\"},\"chat\":{\"id\":" + user + ",\"first_name\":\"Bench\",\"type\":\"private\"},"
				+ "\"date\":" + (System.currentTimeMillis() / 1000) + ",\"text\":\"" + text + "\"" + entities + "}}";
	}

	/**
	 * A webhook batch of one text message, shaped like Meta's (see shared/fixtures/whatsapp/inbound_text.json): one
	 * entry, one change of field {@code messages}, the sender's contact, a unique wamid.
	 */
	static String whatsAppBatch(long waId, String text) {
		long n = ids.incrementAndGet();
		return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
				+ "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550001234\","
				+ "\"phone_number_id\":\"" + phoneNumberId + "\"},\"contacts\":[{\"profile\":{\"name\":\"Bench User "
				+ waId + "\"},\"wa_id\":\"" + waId + "\"}],\"messages\":[{\"from\":\"" + waId
				+ "\",\"id\":\"wamid.BENCH" + runId + "x" + n + "\",\"timestamp\":\"" + (System.currentTimeMillis() / 1000)
				+ "\",\"text\":{\"body\":\"" + text + "\"},\"type\":\"text\"}]},\"field\":\"messages\"}]}]}";
	}

	static HttpServer fakeApis(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/", WhatsAppLoad::answer);
		server.start();
		return server;
	}

	static void answer(HttpExchange exchange) throws IOException {
		long now = System.nanoTime();
		String path = exchange.getRequestURI().getPath();
		byte[] raw;
		try (InputStream in = exchange.getRequestBody()) {
			raw = in.readAllBytes();
		}
		int status = 200;
		String answer;
		if (path.startsWith("/bot")) {
			answer = telegram(path, new String(raw, StandardCharsets.UTF_8), now);
		}
		else {
			String graphPrefix = "/" + apiVersion + "/" + phoneNumberId + "/";
			if (!("Bearer " + accessToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				status = 401;
				answer = "{\"error\":{\"message\":\"Invalid OAuth access token\",\"type\":\"OAuthException\",\"code\":190}}";
				odd.computeIfAbsent("401 " + path, (k) -> new AtomicLong()).incrementAndGet();
			}
			else if (path.equals(graphPrefix + "messages")) {
				String body = new String(raw, StandardCharsets.UTF_8);
				Matcher to = TO.matcher(body);
				String recipient = to.find() ? to.group(1) : "";
				Long sentAt = inFlight.remove("w:" + recipient);
				if (sentAt != null) {
					latencies.add(now - sentAt);
					samples.putIfAbsent("whatsapp reply", body);
				}
				whatsAppReplies.incrementAndGet();
				answer = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + recipient + "\",\"wa_id\":\""
						+ recipient + "\"}],\"messages\":[{\"id\":\"wamid.OUT" + runId + "x" + ids.incrementAndGet()
						+ "\"}]}";
			}
			else if (path.equals(graphPrefix + "media")) {
				answer = "{\"id\":\"" + (9_000_000_000L + ids.incrementAndGet()) + "\"}";
			}
			else {
				status = 400;
				answer = "{\"error\":{\"message\":\"Unsupported request\",\"type\":\"GraphMethodException\",\"code\":100}}";
				odd.computeIfAbsent("400 " + exchange.getRequestMethod() + " " + path, (k) -> new AtomicLong())
					.incrementAndGet();
			}
		}
		byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** The fake Bot API of bench/telegram/WebhookLoad.java. */
	static String telegram(String path, String body, long now) {
		String method = path.substring(path.lastIndexOf('/') + 1);
		String result = "true";
		if (method.equals("getMe")) {
			result = "{\"id\":1,\"is_bot\":true,\"first_name\":\"Bench\",\"username\":\"bench_bot\"}";
		}
		else if (method.equals("sendMessage") || method.equals("sendPhoto")) {
			Matcher chat = CHAT_ID.matcher(body);
			if (chat.find()) {
				Long sentAt = inFlight.remove("t:" + chat.group(1));
				if (sentAt != null) {
					latencies.add(now - sentAt);
				}
			}
			telegramReplies.incrementAndGet();
			result = "{\"message_id\":1,\"date\":0,\"chat\":{\"id\":1,\"type\":\"private\"}}";
		}
		else if (method.equals("getUpdates")) {
			result = "[]";
		}
		return "{\"ok\":true,\"result\":" + result + "}";
	}

	static double pct(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
		return sorted.get(Math.max(0, index)) / 1e6;
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
