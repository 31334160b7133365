package dev.punchcard.app.api;

import dev.punchcard.app.web.CsvLines;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.punchcard.app.security.CurrentStaff;
import dev.punchcard.core.imports.application.ImportCatalog;
import dev.punchcard.core.imports.application.ImportView;
import dev.punchcard.core.imports.application.StartImport;
import dev.punchcard.core.imports.application.StartOutcome;
import dev.punchcard.core.imports.domain.ImportId;
import dev.punchcard.core.imports.domain.ImportKind;
import dev.punchcard.core.imports.domain.Rejection;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Administrators upload members and purchases files (a {@code text/csv} body, or a
 * {@code multipart/form-data} form with the file in a part named {@code file}; streamed
 * to the data directory either way), follow their progress and download the rejected
 * lines.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final StartImport startImport;

	private final ImportCatalog catalog;

	ImportController(StartImport startImport, ImportCatalog catalog) {
		this.startImport = startImport;
		this.catalog = catalog;
	}

	@PostMapping(path = "/members", consumes = { "text/csv", "text/plain", "application/octet-stream" })
	Mono<ResponseEntity<Object>> members(@RequestBody Flux<DataBuffer> body, @AuthenticationPrincipal Jwt staff) {
		return start(ImportKind.MEMBERS, false, body, staff);
	}

	@PostMapping(path = "/purchases", consumes = { "text/csv", "text/plain", "application/octet-stream" })
	Mono<ResponseEntity<Object>> purchases(@RequestBody Flux<DataBuffer> body,
			@RequestParam(required = false) @Nullable String historical, @AuthenticationPrincipal Jwt staff) {
		if (historical != null && !"true".equals(historical) && !"false".equals(historical)) {
			return body.map(DataBufferUtils::release)
				.then(Mono.just(Problems.badRequest("historical: must be true or false")));
		}
		return start(ImportKind.PURCHASES, "true".equals(historical), body, staff);
	}

	@PostMapping(path = "/members", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Mono<ResponseEntity<Object>> membersForm(ServerWebExchange exchange, @AuthenticationPrincipal Jwt staff) {
		return UploadForm.read(exchange)
			.flatMap((form) -> UploadForm.file(form)
				.map((file) -> start(ImportKind.MEMBERS, false, file.content(), staff))
				.orElseGet(() -> Mono.just(UploadForm.problem(form))));
	}

	@PostMapping(path = "/purchases", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Mono<ResponseEntity<Object>> purchasesForm(ServerWebExchange exchange,
			@RequestParam(required = false) @Nullable String historical, @AuthenticationPrincipal Jwt staff) {
		return UploadForm.read(exchange).flatMap((form) -> {
			String option = (historical != null) ? historical : UploadForm.field(form, "historical");
			if (option != null && !"true".equals(option) && !"false".equals(option)) {
				return Mono.just(Problems.badRequest("historical: must be true or false"));
			}
			return UploadForm.file(form)
				.map((file) -> start(ImportKind.PURCHASES, "true".equals(option), file.content(), staff))
				.orElseGet(() -> Mono.just(UploadForm.problem(form)));
		});
	}

	private Mono<ResponseEntity<Object>> start(ImportKind kind, boolean historical, Flux<DataBuffer> body, Jwt staff) {
		return this.startImport.start(kind, historical, CurrentStaff.of(staff).id(), body.map(ImportController::copy))
			.map(ImportController::started);
	}

	/** A heap copy of the network buffer, which is released at once. */
	private static ByteBuffer copy(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return ByteBuffer.wrap(bytes);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static ResponseEntity<Object> started(StartOutcome outcome) {
		return switch (outcome) {
			case StartOutcome.Started started -> ResponseEntity.accepted()
				.location(URI.create("/api/v1/imports/" + started.importView().id()))
				.body(ImportResponse.of(started.importView()));
			case StartOutcome.TooLarge tooLarge -> Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "File too large",
					"An import file may have at most " + tooLarge.maxBytes() + " bytes.");
			case StartOutcome.Empty empty -> Problems.badRequest("The file is empty: it needs a header row.");
		};
	}

	@GetMapping
	Mono<ResponseEntity<Object>> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return PageRequest.list(page, size,
				(request) -> this.catalog.list(request.page(), request.size()).map(ImportResponse::of));
	}

	@GetMapping("/{id}")
	Mono<ResponseEntity<Object>> show(@PathVariable UUID id) {
		return this.catalog.find(new ImportId(id))
			.map((view) -> ResponseEntity.ok().<Object>body(ImportResponse.of(view)))
			.defaultIfEmpty(unknown(id));
	}

	@GetMapping("/{id}/rejections")
	Mono<ResponseEntity<Object>> rejections(@PathVariable UUID id, @RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) @Nullable String format) {
		if (after < 0 || limit < 1 || limit > ImportCatalog.MAX_PAGE
				|| (format != null && !"json".equalsIgnoreCase(format))) {
			return Mono.just(Problems
				.badRequest("after must be 0 or more, limit 1 to " + ImportCatalog.MAX_PAGE + ", format json or csv."));
		}
		ImportId importId = new ImportId(id);
		return this.catalog.find(importId)
			.flatMap(
					(found) -> this.catalog.rejections(importId, after, limit).map(RejectionResponse::of).collectList())
			.map((rows) -> ResponseEntity.ok()
				.<Object>body(new RejectionPage(rows, (rows.size() < limit) ? null : rows.get(rows.size() - 1).line())))
			.defaultIfEmpty(unknown(id));
	}

	@GetMapping(path = "/{id}/rejections", params = "format=csv")
	Mono<ResponseEntity<Flux<DataBuffer>>> rejectionsCsvByParameter(@PathVariable UUID id) {
		return csv(id);
	}

	@GetMapping(path = "/{id}/rejections", produces = "text/csv")
	Mono<ResponseEntity<Flux<DataBuffer>>> rejectionsCsv(@PathVariable UUID id) {
		return csv(id);
	}

	private Mono<ResponseEntity<Flux<DataBuffer>>> csv(UUID id) {
		ImportId importId = new ImportId(id);
		return this.catalog.find(importId)
			.map((found) -> ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("import-" + id + "-rejections.csv").build().toString())
				.body(csvBody(importId)))
			.defaultIfEmpty(ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(
						("{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,\"detail\":\"No import has id "
								+ id + ".\"}")
							.getBytes(StandardCharsets.UTF_8)))));
	}

	/**
	 * The header, then the rejected lines in chunks as the database pages through them.
	 */
	private Flux<DataBuffer> csvBody(ImportId id) {
		return Flux.just(CsvLines.line(List.of("line", "reason")))
			.concatWith(this.catalog.allRejections(id)
				.map((rejection) -> CsvLines
					.line(Arrays.asList(String.valueOf(rejection.lineNo()), rejection.reason())))
				.buffer(200)
				.map((lines) -> String.join("", lines)))
			.map((text) -> DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static ResponseEntity<Object> unknown(UUID id) {
		return Problems.notFound("No import has id " + id + ".");
	}

	record ImportResponse(String id, String kind, String state, boolean historical, long fileBytes, long bytesRead,
			double percent, long rowsRead, long accepted, long unchanged, long rejected, double rowsPerSecond,
			@Nullable String failure, Instant startedAt, Instant heartbeatAt, @Nullable Instant finishedAt) {

		static ImportResponse of(ImportView view) {
			return new ImportResponse(view.id().toString(), view.kind().name(), view.state().name(), view.historical(),
					view.fileBytes(), view.bytesRead(), view.percent(), view.rowsRead(), view.accepted(),
					view.unchanged(), view.rejected(), view.rowsPerSecond(), view.failure(), view.startedAt(),
					view.heartbeatAt(), view.finishedAt());
		}

	}

	record RejectionResponse(long line, String reason) {

		static RejectionResponse of(Rejection rejection) {
			return new RejectionResponse(rejection.lineNo(), rejection.reason());
		}

	}

	record RejectionPage(List<RejectionResponse> rejections, @Nullable Long next) {
	}

}
