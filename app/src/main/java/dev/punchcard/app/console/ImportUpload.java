package dev.punchcard.app.console;

import java.nio.ByteBuffer;
import java.util.Locale;

import dev.punchcard.core.imports.application.ImportCatalog;
import dev.punchcard.core.imports.application.StartImport;
import dev.punchcard.core.imports.application.StartOutcome;
import dev.punchcard.core.imports.domain.ImportKind;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

/**
 * An administrator uploads a members or purchases file from the imports page, a plain
 * multipart form: the CSRF token, the fields {@code kind} and {@code historical} come
 * first, then the file, whose bytes go on to {@link StartImport} as they arrive, never
 * whole in memory. Without JavaScript the browser posts the form itself (the token as its
 * first field, see {@link MultipartCsrfField}): a started import answers with a redirect
 * to its page (post/redirect/get), a refusal with the imports page saying why. With htmx,
 * which posts the same form with the CSRF header, a started import sends the browser to
 * its page by {@code HX-Redirect} and a refusal is a sentence on the form.
 */
@Controller
class ImportUpload {

	private final StartImport startImport;

	private final ImportCatalog catalog;

	ImportUpload(StartImport startImport, ImportCatalog catalog) {
		this.startImport = startImport;
		this.catalog = catalog;
	}

	@PostMapping(path = "/console/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Mono<String> upload(@RequestBody Flux<PartEvent> parts, @AuthenticationPrincipal ConsoleUser user,
			ServerWebExchange exchange, Model model) {
		Fields fields = new Fields();
		return parts.windowUntil(PartEvent::isLast)
			.concatMap((part) -> part.switchOnFirst((first, events) -> read(first, events, fields, user)))
			.next()
			.defaultIfEmpty(Result.NO_FILE)
			.map((result) -> render(result, exchange, model));
	}

	private Mono<Result> read(Signal<? extends PartEvent> first, Flux<PartEvent> events, Fields fields,
			ConsoleUser user) {
		return switch (first.get()) {
			case FormPartEvent field -> {
				fields.put(field.name(), field.value());
				yield events.then(Mono.<Result>empty());
			}
			case FilePartEvent file when fields.kind == null -> drain(events).thenReturn(Result.NO_KIND);
			case FilePartEvent file -> this.startImport
				.start(fields.kind, fields.historical, user.staff().id(), events.map(ImportUpload::copy))
				.map(Result::of);
			case null, default -> events.then(Mono.<Result>empty());
		};
	}

	private static Mono<Void> drain(Flux<PartEvent> events) {
		return events.map(PartEvent::content).map(DataBufferUtils::release).then();
	}

	/** A heap copy of the network buffer, which is released at once. */
	private static ByteBuffer copy(PartEvent event) {
		DataBuffer buffer = event.content();
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return ByteBuffer.wrap(bytes);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private String render(Result result, ServerWebExchange exchange, Model model) {
		boolean htmx = "true".equals(exchange.getRequest().getHeaders().getFirst("HX-Request"));
		if (result.outcome() instanceof StartOutcome.Started started) {
			String page = "/console/imports/" + started.importView().id();
			if (!htmx) {
				return "redirect:" + page;
			}
			exchange.getResponse().getHeaders().add("HX-Redirect", page);
			message(model, "ok", "imports.started", started.importView().id().toString());
			return "console/fragments :: message";
		}
		exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
		message(model, "error", result.key(), result.arguments());
		if (!htmx) {
			ImportPages.list(this.catalog, 0, model);
			return "console/imports";
		}
		return "console/fragments :: message";
	}

	private static void message(Model model, String kind, String key, Object... arguments) {
		model.addAttribute("kind", kind);
		model.addAttribute("key", key);
		model.addAttribute("arguments", arguments);
	}

	/** The form fields read before the file. */
	private static final class Fields {

		private @Nullable ImportKind kind;

		private boolean historical;

		void put(String name, String value) {
			switch (name) {
				case "kind" -> this.kind = kindOf(value);
				case "historical" -> this.historical = "true".equals(value) || "on".equals(value);
				default -> {
					// the CSRF field, or anything a browser adds: not ours
				}
			}
		}

		private static @Nullable ImportKind kindOf(String value) {
			try {
				return ImportKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException unknown) {
				return null;
			}
		}

	}

	/** What the upload did, as the message to show. */
	private record Result(@Nullable StartOutcome outcome, String key, Object[] arguments) {

		static final Result NO_FILE = new Result(null, "imports.no-file", new Object[0]);

		static final Result NO_KIND = new Result(null, "imports.no-kind", new Object[0]);

		static Result of(StartOutcome outcome) {
			return switch (outcome) {
				case StartOutcome.Started started -> new Result(outcome, "imports.started", new Object[0]);
				case StartOutcome.TooLarge tooLarge -> new Result(outcome, "imports.too-large",
						new Object[] { new ConsoleFormat.Count(tooLarge.maxBytes(), "bytes") });
				case StartOutcome.Empty empty -> new Result(outcome, "imports.empty", new Object[0]);
			};
		}

	}

}
