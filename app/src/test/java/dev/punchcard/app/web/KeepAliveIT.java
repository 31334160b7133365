package dev.punchcard.app.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.punchcard.app.api.ApiIT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that sends each request on one keep-alive connection as soon as it has the
 * previous answer, as a till does, gets every answer. Before {@link KeepAliveReadGuard},
 * about one request in a hundred here waited until the client gave up.
 */
class KeepAliveIT extends ApiIT {

	private static final int REQUESTS = 2000;

	@Test
	void should_answer_every_request_when_a_client_sends_them_back_to_back_on_one_connection() throws IOException {
		List<String> requests = List.of(get("/actuator/health/liveness"), get("/actuator/health"),
				get("/api/v1/stores"), post("/api/v1/rewards"));
		List<String> unanswered = new ArrayList<>();
		int answered = 0;
		Socket socket = connect();
		for (int i = 0; i < REQUESTS && unanswered.size() < 5; i++) {
			String request = requests.get(i % requests.size());
			try {
				socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
				readAnswer(socket.getInputStream());
				answered++;
			}
			catch (SocketTimeoutException stalled) {
				unanswered.add("request " + i + ": " + request.lines().findFirst().orElseThrow());
				socket.close();
				socket = connect();
			}
		}
		socket.close();
		assertThat(unanswered).as("requests not answered within 5 s of %d answered", answered).isEmpty();
		assertThat(answered).isEqualTo(REQUESTS);
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket("127.0.0.1", this.port);
		socket.setSoTimeout(5000);
		socket.setTcpNoDelay(true);
		return socket;
	}

	private static String get(String path) {
		return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
	}

	/** Without a token: answered at once with 401, on the thread that read it. */
	private static String post(String path) {
		String body = "{\"name\":\"x\"}";
		return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
				+ body.length() + "\r\n\r\n" + body;
	}

	/** Reads one answer: its head, then as many bytes as its Content-Length says. */
	private static void readAnswer(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("connection closed after " + head);
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
		}
		String text = head.toString(StandardCharsets.US_ASCII);
		assertThat(text).startsWith("HTTP/1.1 ");
		long length = text.lines()
			.filter((line) -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
			.map((line) -> Long.parseLong(line.substring("content-length:".length()).trim()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("an answer without Content-Length: " + text));
		in.skipNBytes(length);
	}

}
