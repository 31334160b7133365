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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Load client for the Telegram webhook path (issue 3). It is its own fake Bot API on loopback: the service under
 * test sends its replies here, and the latency of one update is the time from POSTing it to /webhooks/telegram until
 * the matching sendMessage for that chat arrives. In the same run, a baseline: the same open-loop rates against a
 * trivial endpoint of the same service (GET /actuator/health/liveness). Bounded: every phase stops by itself.
 *
 * java WebhookLoad.java --service http://127.0.0.1:8080 --fake-port 18081 --secret S --users 2000
 *      --rates 250,500,1000,1500,2000 --seconds 15 --warmup 20
 */
public class WebhookLoad {

	static final Pattern CHAT_ID = Pattern.compile("\"?chat_id\"?\\s*[:=]\\s*\"?(-?\\d+)");

	static final Map<Long, Long> inFlight = new ConcurrentHashMap<>();

	static final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

	static final AtomicLong replies = new AtomicLong();

	static final AtomicLong updateIds = new AtomicLong(500_000_000L);

	public static void main(String[] args) throws Exception {
		Map<String, String> opts = options(args);
		String service = opts.getOrDefault("service", "http://127.0.0.1:8080");
		int fakePort = Integer.parseInt(opts.getOrDefault("fake-port", "18081"));
		String secret = opts.getOrDefault("secret", "bench-secret");
		int users = Integer.parseInt(opts.getOrDefault("users", "2000"));
		int seconds = Integer.parseInt(opts.getOrDefault("seconds", "15"));
		String[] rates = opts.getOrDefault("rates", "250,500,1000,1500,2000").split(",");
		boolean serveOnly = opts.containsKey("serve-only");

		HttpServer fake = fakeBotApi(fakePort);
		System.out.println("fake Bot API on 127.0.0.1:" + fakePort);
		if (serveOnly) {
			Thread.sleep(Long.parseLong(opts.getOrDefault("serve-seconds", "600")) * 1000);
			fake.stop(0);
			return;
		}
		HttpClient http = HttpClient.newBuilder()
			.executor(Executors.newFixedThreadPool(8))
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		awaitHealthy(http, service);
		register(http, service, secret, users);
		int warmup = Integer.parseInt(opts.getOrDefault("warmup", "0"));
		if (warmup > 0) {
			// JIT-compiles the /profile path before anything is recorded; printed, not counted
			run("warmup", http, service, secret, users, Integer.parseInt(rates[0].strip()), warmup);
		}
		System.out.println(
				"# phase,target_rps,sent,completed,achieved_rps,p50_ms,p90_ms,p99_ms,max_ms,errors,start_ms,end_ms");
		for (String rate : rates) {
			int rps = Integer.parseInt(rate.strip());
			run("baseline", http, service, secret, users, rps, seconds);
			run("webhook", http, service, secret, users, rps, seconds);
		}
		fake.stop(0);
		System.exit(0);
	}

	static void awaitHealthy(HttpClient http, String service) throws Exception {
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

	static void register(HttpClient http, String service, String secret, int users) throws Exception {
		long before = replies.get();
		for (int i = 0; i < users; i++) {
			post(http, service, secret, update(100_000 + i, "/start", true));
		}
		// /start answers with several messages, about one per second per chat: wait until they have all arrived
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
		long seen = -1;
		long quietSince = System.nanoTime();
		while (System.nanoTime() < deadline && replies.get() - before < 5L * users) {
			Thread.sleep(500);
			if (replies.get() != seen) {
				seen = replies.get();
				quietSince = System.nanoTime();
			}
			else if (seen > before && System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(10)) {
				break;
			}
		}
		Thread.sleep(2000);
		System.out.println("registered " + users + " users (" + (replies.get() - before) + " replies)");
	}

	static void run(String phase, HttpClient http, String service, String secret, int users, int rps, int seconds)
			throws Exception {
		latencies.clear();
		inFlight.clear();
		AtomicInteger sent = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
		long periodNanos = 1_000_000_000L / rps;
		long startMillis = System.currentTimeMillis();
		long start = System.nanoTime();
		ticks.scheduleAtFixedRate(() -> {
			int user = 100_000 + Math.floorMod(next.getAndIncrement(), users);
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
			}
			else {
				if (inFlight.putIfAbsent((long) user, System.nanoTime()) != null) {
					errors.incrementAndGet(); // previous update of this chat still unanswered
					return;
				}
				post(http, service, secret, update(user, "/profile", false)).whenComplete((response, error) -> {
					if (error != null || response.statusCode() != 200) {
						errors.incrementAndGet();
						inFlight.remove((long) user);
					}
				});
			}
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
		System.out.printf("%s,%d,%d,%d,%.0f,%.1f,%.1f,%.1f,%.1f,%d,%d,%d%n", phase, rps, sent.get(), sorted.size(),
				sorted.size() / (elapsed / 1e9), pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 100),
				errors.get(), startMillis, endMillis);
		Thread.sleep(1000);
	}

	static java.util.concurrent.CompletableFuture<HttpResponse<Void>> post(HttpClient http, String service,
			String secret, String body) {
		return http.sendAsync(HttpRequest.newBuilder(URI.create(service + "/webhooks/telegram"))
			.header("Content-Type", "application/json")
			.header("X-Telegram-Bot-Api-Secret-Token", secret)
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	/** A private-chat text message shaped like Telegram's (see bot/src/test/resources/telegram/text_message.json). */
	static String update(long user, String text, boolean command) {
		long updateId = updateIds.incrementAndGet();
		String entities = text.startsWith("/") ? ",\"entities\":[{\"offset\":0,\"length\":" + text.split(" ")[0].length()
				+ ",\"type\":\"bot_command\"}]" : "";
		return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId
				+ ",\"from\":{\"id\":" + user + ",\"is_bot\":false,\"first_name\":\"Bench\",\"last_name\":\"User " + user
				+ "\",\"language_code\":\"en\"},\"chat\":{\"id\":" + user + ",\"first_name\":\"Bench\",\"type\":\"private\"},"
				+ "\"date\":" + (System.currentTimeMillis() / 1000) + ",\"text\":\"" + text + "\"" + entities + "}}";
	}

	static HttpServer fakeBotApi(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/", WebhookLoad::answer);
		server.start();
		return server;
	}

	static void answer(HttpExchange exchange) throws IOException {
		long now = System.nanoTime();
		String path = exchange.getRequestURI().getPath();
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String method = path.substring(path.lastIndexOf('/') + 1);
		String result = "true";
		if (method.equals("getMe")) {
			result = "{\"id\":1,\"is_bot\":true,\"first_name\":\"Bench\",\"username\":\"bench_bot\"}";
		}
		else if (method.equals("sendMessage") || method.equals("sendPhoto")) {
			Matcher chat = CHAT_ID.matcher(body);
			if (chat.find()) {
				Long sentAt = inFlight.remove(Long.parseLong(chat.group(1)));
				if (sentAt != null) {
					latencies.add(now - sentAt);
				}
			}
			replies.incrementAndGet();
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
