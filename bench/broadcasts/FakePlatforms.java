import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Fake Graph API and Bot API for the broadcast benchmark (issue 9, part 5), on loopback, that
 * ENFORCE a sending limit the way the platforms answer it: each platform is a token bucket of
 * {@code rate} messages per second holding at most {@code burst} (default a tenth of a
 * second's worth); a message finding it empty is refused, WhatsApp with error 130429
 * ("Cloud API message throughput has been reached", HTTP 400), Telegram with a 429 and
 * {@code retry_after: 1}. Refused messages are not counted as sent.
 * <p>
 * {@code GET /stats} answers the counts so far as JSON; every second a CSV line goes to
 * standard output: epoch ms, WhatsApp sent and refused, Telegram sent and refused (cumulative).
 * The first accepted message of each platform is timed (epoch ms) for the time to the first
 * message. {@code GET /<version>/<waba>/message_templates} lists one approved marketing
 * template, {@code bench_offer} (en, one positional body parameter).
 * <pre>
 *   java bench/broadcasts/FakePlatforms.java --port 18191 --wa-rate 1000 --tg-rate 30 [--wa-burst 100] [--tg-burst 3]
 * </pre>
 */
public class FakePlatforms {

	static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern CHAT_ID = Pattern.compile("\"chat_id\"\\s*:\\s*\"?(-?[0-9]+)");

	static Bucket whatsApp;

	static Bucket telegram;

	static final AtomicLong waSent = new AtomicLong();

	static final AtomicLong waRefused = new AtomicLong();

	static final AtomicLong tgSent = new AtomicLong();

	static final AtomicLong tgRefused = new AtomicLong();

	static final AtomicLong waFirst = new AtomicLong();

	static final AtomicLong tgFirst = new AtomicLong();

	static final AtomicLong ids = new AtomicLong();

	/** Messages per recipient, to see that nobody got a broadcast twice. */
	static final Map<String, AtomicLong> perRecipient = new ConcurrentHashMap<>();

	static final Map<String, AtomicLong> odd = new ConcurrentHashMap<>();

	public static void main(String[] args) throws Exception {
		Map<String, String> o = options(args);
		int port = Integer.parseInt(o.getOrDefault("port", "18191"));
		double waRate = Double.parseDouble(o.getOrDefault("wa-rate", "1000"));
		double tgRate = Double.parseDouble(o.getOrDefault("tg-rate", "30"));
		whatsApp = new Bucket(waRate, Double.parseDouble(o.getOrDefault("wa-burst", String.valueOf(Math.max(2, waRate / 10)))));
		telegram = new Bucket(tgRate, Double.parseDouble(o.getOrDefault("tg-burst", String.valueOf(Math.max(2, tgRate / 10)))));
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
		server.setExecutor(Executors.newFixedThreadPool(8));
		server.createContext("/", FakePlatforms::answer);
		server.start();
		System.out.println("epoch_ms,wa_sent,wa_refused,tg_sent,tg_refused");
		while (true) {
			Thread.sleep(1000);
			System.out.println(System.currentTimeMillis() + "," + waSent + "," + waRefused + "," + tgSent + "," + tgRefused);
		}
	}

	static void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		byte[] raw;
		try (InputStream in = exchange.getRequestBody()) {
			raw = in.readAllBytes();
		}
		String body = new String(raw, StandardCharsets.UTF_8);
		int status = 200;
		String answer;
		if (path.equals("/stats")) {
			long twice = perRecipient.values().stream().filter((n) -> n.get() > 1).count();
			answer = "{\"wa_sent\":" + waSent + ",\"wa_refused\":" + waRefused + ",\"tg_sent\":" + tgSent
					+ ",\"tg_refused\":" + tgRefused + ",\"wa_first_ms\":" + waFirst + ",\"tg_first_ms\":" + tgFirst
					+ ",\"recipients\":" + perRecipient.size() + ",\"recipients_twice\":" + twice + ",\"odd\":\"" + odd + "\"}";
		}
		else if (path.startsWith("/bot")) {
			String method = path.substring(path.lastIndexOf('/') + 1);
			String result = "true";
			if (method.equals("getMe")) {
				result = "{\"id\":1,\"is_bot\":true,\"first_name\":\"Bench\",\"username\":\"bench_bot\"}";
			}
			else if (method.equals("sendMessage") || method.equals("sendPhoto")) {
				if (!telegram.take()) {
					tgRefused.incrementAndGet();
					reply(exchange, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
							+ "\"parameters\":{\"retry_after\":1}}");
					return;
				}
				tgSent.incrementAndGet();
				tgFirst.compareAndSet(0, System.currentTimeMillis());
				Matcher chat = CHAT_ID.matcher(body);
				String chatId = chat.find() ? chat.group(1) : "0";
				perRecipient.computeIfAbsent("t:" + chatId, (k) -> new AtomicLong()).incrementAndGet();
				result = "{\"message_id\":" + ids.incrementAndGet() + ",\"date\":" + System.currentTimeMillis() / 1000
						+ ",\"chat\":{\"id\":" + chatId + ",\"type\":\"private\"},\"text\":\"ok\"}";
			}
			else if (method.equals("getUpdates")) {
				result = "[]";
			}
			answer = "{\"ok\":true,\"result\":" + result + "}";
		}
		else if (path.endsWith("/messages")) {
			if (!whatsApp.take()) {
				waRefused.incrementAndGet();
				reply(exchange, 400, "{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"type\":\"OAuthException\","
						+ "\"code\":130429,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":"
						+ "\"Cloud API message throughput has been reached.\"},\"fbtrace_id\":\"Abench\"}}");
				return;
			}
			waSent.incrementAndGet();
			waFirst.compareAndSet(0, System.currentTimeMillis());
			Matcher to = TO.matcher(body);
			String recipient = to.find() ? to.group(1) : "";
			perRecipient.computeIfAbsent("w:" + recipient, (k) -> new AtomicLong()).incrementAndGet();
			answer = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + recipient + "\",\"wa_id\":\""
					+ recipient + "\"}],\"messages\":[{\"id\":\"wamid.BENCH" + ids.incrementAndGet() + "\"}]}";
		}
		else if (path.endsWith("/message_templates")) {
			answer = """
					{"data":[{"name":"bench_offer","language":"en","status":"APPROVED","category":"MARKETING","id":"900001",
					  "parameter_format":"POSITIONAL",
					  "components":[{"type":"BODY","text":"Hi {{1}}, this week only: double points on everything.",
					    "example":{"body_text":[["Anna"]]}}]}],
					 "paging":{"cursors":{"before":"A","after":"B"}}}""";
		}
		else if (path.endsWith("/media")) {
			answer = "{\"id\":\"" + (9_000_000_000L + ids.incrementAndGet()) + "\"}";
		}
		else {
			status = 400;
			answer = "{\"error\":{\"message\":\"Unsupported request\",\"type\":\"GraphMethodException\",\"code\":100}}";
			odd.computeIfAbsent(exchange.getRequestMethod() + " " + path, (k) -> new AtomicLong()).incrementAndGet();
		}
		reply(exchange, status, answer);
	}

	static void reply(HttpExchange exchange, int status, String answer) throws IOException {
		byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** A token bucket: {@code rate} per second, at most {@code burst} at once. */
	static final class Bucket {

		private final double rate;

		private final double burst;

		private double tokens;

		private long last = System.nanoTime();

		Bucket(double rate, double burst) {
			this.rate = rate;
			this.burst = burst;
			this.tokens = burst;
		}

		synchronized boolean take() {
			long now = System.nanoTime();
			this.tokens = Math.min(this.burst, this.tokens + (now - this.last) / 1e9 * this.rate);
			this.last = now;
			if (this.tokens < 1) {
				return false;
			}
			this.tokens -= 1;
			return true;
		}

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
