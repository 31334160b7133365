package dev.punchcard.app.console;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.punchcard.app.api.Till;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's session with the console, over plain HTTP: the session cookie and the CSRF
 * token of the last page read, and staff accounts made through the API to log in with.
 */
public final class ConsoleSession {

	public static final String COOKIE = "PUNCHCARD_SESSION";

	private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

	private final WebTestClient http;

	private String session = "";

	private String csrf = "";

	private String language = "";

	public ConsoleSession(WebTestClient http) {
		this.http = http;
	}

	/** Creates a staff account through the API; returns its username (password below). */
	public static String account(Till till, String role, String storeCode) {
		String username = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = (storeCode == null)
				? Map.of("username", username, "password", password(username), "role", role)
				: Map.of("username", username, "password", password(username), "role", role, "storeCode", storeCode);
		till.post(till.adminToken(), "/api/v1/staff", body, HttpStatus.CREATED);
		return username;
	}

	public static String password(String username) {
		return "a-long-enough-password-" + username;
	}

	/**
	 * Logs in (reading the login page first, for its cookie and token) and checks it
	 * worked.
	 */
	public ConsoleSession logIn(String username, String password) {
		get("/login");
		EntityExchangeResult<String> result = post("/login", form("username", username, "password", password));
		assertThat(result.getStatus().value()).as("login of " + username).isEqualTo(303);
		assertThat(result.getResponseHeaders().getLocation()).hasToString("/console");
		get("/console");
		return this;
	}

	public EntityExchangeResult<String> get(String path) {
		EntityExchangeResult<String> result = this.http.get()
			.uri(path)
			.accept(MediaType.TEXT_HTML)
			.cookies((cookies) -> cookie(cookies))
			.exchange()
			.expectBody(String.class)
			.returnResult();
		remember(result);
		return result;
	}

	public EntityExchangeResult<String> post(String path, MultiValueMap<String, String> form) {
		MultiValueMap<String, String> withToken = new LinkedMultiValueMap<>(form);
		if (!this.csrf.isEmpty()) {
			withToken.add("_csrf", this.csrf);
		}
		return postExactly(path, withToken);
	}

	/** Posts the form as it is, without adding the CSRF token. */
	public EntityExchangeResult<String> postExactly(String path, MultiValueMap<String, String> form) {
		EntityExchangeResult<String> result = this.http.post()
			.uri(path)
			.accept(MediaType.TEXT_HTML)
			.cookies((cookies) -> cookie(cookies))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectBody(String.class)
			.returnResult();
		remember(result);
		return result;
	}

	/**
	 * Posts an import upload as the imports page does (multipart: {@code kind},
	 * {@code historical}, then the file) through htmx ({@code HX-Request}), with the CSRF
	 * token as htmx sends it (the {@code X-CSRF-TOKEN} header) unless told not to.
	 */
	public EntityExchangeResult<String> upload(String kind, boolean historical, String csv, boolean withToken) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("kind", kind);
		if (historical) {
			parts.part("historical", "true");
		}
		addCsvFile(parts, csv);
		EntityExchangeResult<String> result = this.http.post()
			.uri("/console/imports")
			.accept(MediaType.TEXT_HTML)
			.cookies((cookies) -> cookie(cookies))
			.headers((headers) -> {
				headers.add("HX-Request", "true");
				if (withToken && !this.csrf.isEmpty()) {
					headers.add("X-CSRF-TOKEN", this.csrf);
				}
			})
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange()
			.expectBody(String.class)
			.returnResult();
		remember(result);
		return result;
	}

	/** The {@code file} part of an import upload, as a browser sends a chosen file. */
	private static void addCsvFile(MultipartBodyBuilder parts, String csv) {
		parts.part("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "upload.csv";
			}
		}).contentType(MediaType.parseMediaType("text/csv"));
	}

	/**
	 * Posts an import upload as a browser without JavaScript posts the imports page's
	 * form: multipart, the CSRF token (as given) as its first field, no htmx headers.
	 */
	public EntityExchangeResult<String> uploadForm(String kind, String csv, String token) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		if (token != null) {
			parts.part("_csrf", token);
		}
		parts.part("kind", kind);
		addCsvFile(parts, csv);
		EntityExchangeResult<String> result = this.http.post()
			.uri("/console/imports")
			.accept(MediaType.TEXT_HTML)
			.cookies((cookies) -> cookie(cookies))
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange()
			.expectBody(String.class)
			.returnResult();
		remember(result);
		return result;
	}

	/** The CSRF token of the last page read, as its forms carry it. */
	public String csrf() {
		return this.csrf;
	}

	/** Speaks this language from now on, as the console's language switch sets it. */
	public ConsoleSession language(String language) {
		this.language = language;
		return this;
	}

	public String session() {
		return this.session;
	}

	public static MultiValueMap<String, String> form(String... namesAndValues) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return form;
	}

	private void cookie(MultiValueMap<String, String> cookies) {
		if (!this.session.isEmpty()) {
			cookies.add(COOKIE, this.session);
		}
		if (!this.language.isEmpty()) {
			cookies.add(ConsoleLocales.COOKIE, this.language);
		}
	}

	private void remember(EntityExchangeResult<String> result) {
		ResponseCookie cookie = result.getResponseCookies().getFirst(COOKIE);
		if (cookie != null) {
			this.session = cookie.getValue();
		}
		String body = result.getResponseBody();
		if (body != null) {
			Matcher token = CSRF.matcher(body);
			if (token.find()) {
				this.csrf = token.group(1);
			}
		}
	}

}
