package dev.punchcard.app.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.app.api.BroadcastResponses.BroadcastResponse;
import dev.punchcard.app.api.BroadcastResponses.RecipientPageResponse;
import dev.punchcard.app.api.BroadcastResponses.RecipientResponse;
import dev.punchcard.app.security.CurrentStaff;
import dev.punchcard.core.broadcast.application.BroadcastCatalog;
import dev.punchcard.core.broadcast.application.BroadcastCommand;
import dev.punchcard.core.broadcast.application.BroadcastOutcome;
import dev.punchcard.core.broadcast.application.CancelBroadcast;
import dev.punchcard.core.broadcast.application.CreateBroadcast;
import dev.punchcard.core.broadcast.application.PauseBroadcast;
import dev.punchcard.core.broadcast.application.RecipientQuery;
import dev.punchcard.core.broadcast.application.ResumeBroadcast;
import dev.punchcard.core.broadcast.application.StartBroadcast;
import dev.punchcard.core.broadcast.domain.BroadcastId;
import dev.punchcard.core.broadcast.domain.RecipientState;
import dev.punchcard.core.segment.application.FieldError;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.StaffId;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Broadcasts for marketers: create a draft, start it (now or at its schedule), pause,
 * resume and cancel it, see its progress, and page through its recipients or download
 * them as CSV streamed from the database. A move the broadcast's state does not allow is
 * a 409 that says the state.
 */
@RestController
@RequestMapping("/api/v1/broadcasts")
class BroadcastController {

	private static final int DEFAULT_LIMIT = 50;

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final CreateBroadcast create;

	private final BroadcastMoves moves;

	private final BroadcastCatalog catalog;

	private final ObjectMapper json;

	BroadcastController(CreateBroadcast create, StartBroadcast start, PauseBroadcast pause, ResumeBroadcast resume,
			CancelBroadcast cancel, BroadcastCatalog catalog, ObjectMapper json) {
		this.create = create;
		this.moves = new BroadcastMoves(start::start, pause::pause, resume::resume, cancel::cancel);
		this.catalog = catalog;
		this.json = json;
	}

	/** The four moves, each a use case's one method. */
	private record BroadcastMoves(BiFunction<BroadcastId, StaffId, Mono<BroadcastOutcome>> start,
			BiFunction<BroadcastId, StaffId, Mono<BroadcastOutcome>> pause,
			BiFunction<BroadcastId, StaffId, Mono<BroadcastOutcome>> resume,
			BiFunction<BroadcastId, StaffId, Mono<BroadcastOutcome>> cancel) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Object>> create(@RequestBody Map<String, Object> body, @AuthenticationPrincipal Jwt staff) {
		return switch (BroadcastBodies.command(body, CurrentStaff.of(staff).id())) {
			case TemplateBodies.Read.Wrong<BroadcastCommand> wrong ->
				Mono.just(SegmentController.invalid(wrong.errors()));
			case TemplateBodies.Read.Ok<BroadcastCommand> ok -> this.create.create(ok.value()).flatMap(this::created);
		};
	}

	@GetMapping
	Mono<ResponseEntity<Object>> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return PageRequest.list(page, size,
				(request) -> this.catalog.list(request.page(), request.size()).map(BroadcastResponse::of));
	}

	@GetMapping("/{id}")
	Mono<ResponseEntity<Object>> show(@PathVariable UUID id) {
		return shown(new BroadcastId(id));
	}

	@PostMapping("/{id}/start")
	Mono<ResponseEntity<Object>> start(@PathVariable UUID id, @AuthenticationPrincipal Jwt staff) {
		return move(this.moves.start(), id, staff);
	}

	@PostMapping("/{id}/pause")
	Mono<ResponseEntity<Object>> pause(@PathVariable UUID id, @AuthenticationPrincipal Jwt staff) {
		return move(this.moves.pause(), id, staff);
	}

	@PostMapping("/{id}/resume")
	Mono<ResponseEntity<Object>> resume(@PathVariable UUID id, @AuthenticationPrincipal Jwt staff) {
		return move(this.moves.resume(), id, staff);
	}

	@PostMapping("/{id}/cancel")
	Mono<ResponseEntity<Object>> cancel(@PathVariable UUID id, @AuthenticationPrincipal Jwt staff) {
		return move(this.moves.cancel(), id, staff);
	}

	@GetMapping("/{id}/recipients")
	Mono<ResponseEntity<Object>> recipients(@PathVariable UUID id, @RequestParam(required = false) String state,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String after,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String format) {
		List<FieldError> errors = new ArrayList<>();
		RecipientQuery query = query(state, channel, after, limit, errors);
		if (format != null && !"json".equalsIgnoreCase(format)) {
			errors.add(new FieldError("format", "must be json or csv"));
		}
		if (query == null || !errors.isEmpty()) {
			return Mono.just(SegmentController.invalid(errors));
		}
		BroadcastId broadcast = new BroadcastId(id);
		return this.catalog.find(broadcast)
			.flatMap((found) -> this.catalog.recipients(broadcast, query).map(RecipientResponse::of).collectList())
			.map((rows) -> ResponseEntity.ok()
				.<Object>body(new RecipientPageResponse(rows,
						(rows.size() < query.limit()) ? null : rows.get(rows.size() - 1).id())))
			.defaultIfEmpty(unknown(id));
	}

	@GetMapping(path = "/{id}/recipients", params = "format=csv")
	Mono<ResponseEntity<Flux<DataBuffer>>> recipientsCsvByParameter(@PathVariable UUID id,
			@RequestParam(required = false) String state, @RequestParam(required = false) String channel) {
		return csv(id, state, channel);
	}

	@GetMapping(path = "/{id}/recipients", produces = "text/csv")
	Mono<ResponseEntity<Flux<DataBuffer>>> recipientsCsv(@PathVariable UUID id,
			@RequestParam(required = false) String state, @RequestParam(required = false) String channel) {
		return csv(id, state, channel);
	}

	private Mono<ResponseEntity<Flux<DataBuffer>>> csv(UUID id, @Nullable String state, @Nullable String channel) {
		List<FieldError> errors = new ArrayList<>();
		RecipientQuery query = query(state, channel, null, null, errors);
		if (query == null) {
			return Mono.just(asBytes(SegmentController.invalid(errors)));
		}
		BroadcastId broadcast = new BroadcastId(id);
		return this.catalog.find(broadcast)
			.map((found) -> ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename("broadcast-" + id + "-recipients.csv")
							.build()
							.toString())
				.body(csvBody(broadcast, query)))
			.defaultIfEmpty(asBytes(unknown(id)));
	}

	/** The header, then the rows in chunks as the database pages through them. */
	private Flux<DataBuffer> csvBody(BroadcastId broadcast, RecipientQuery query) {
		return Flux.just(RecipientsCsv.HEADER)
			.concatWith(this.catalog.allRecipients(broadcast, query)
				.map(RecipientsCsv::line)
				.buffer(200)
				.map((lines) -> String.join("", lines)))
			.map((text) -> DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8)));
	}

	private @Nullable RecipientQuery query(@Nullable String state, @Nullable String channel, @Nullable String after,
			@Nullable String limit, List<FieldError> errors) {
		RecipientState recipientState = named(RecipientState.class, state, "state", errors);
		ChatChannel chatChannel = named(ChatChannel.class, channel, "channel", errors);
		long afterId = number(after, "after", 0, Long.MAX_VALUE, 0, errors);
		long pageLimit = number(limit, "limit", 1, this.catalog.maxPage(), DEFAULT_LIMIT, errors);
		return errors.isEmpty() ? new RecipientQuery(recipientState, chatChannel, afterId, (int) pageLimit) : null;
	}

	private static <E extends Enum<E>> @Nullable E named(Class<E> type, @Nullable String value, String field,
			List<FieldError> errors) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value.toUpperCase(Locale.ROOT))) {
				return constant;
			}
		}
		errors.add(new FieldError(field, "must be one of "
				+ java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
		return null;
	}

	private static long number(@Nullable String value, String field, long min, long max, long otherwise,
			List<FieldError> errors) {
		if (value == null || value.isEmpty()) {
			return otherwise;
		}
		if (value.length() <= 19 && value.chars().allMatch(Character::isDigit)) {
			try {
				long number = Long.parseLong(value);
				if (number >= min && number <= max) {
					return number;
				}
			}
			catch (NumberFormatException tooLarge) {
				// reported below
			}
		}
		errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
		return otherwise;
	}

	private Mono<ResponseEntity<Object>> move(BiFunction<BroadcastId, StaffId, Mono<BroadcastOutcome>> move, UUID id,
			Jwt staff) {
		return move.apply(new BroadcastId(id), CurrentStaff.of(staff).id())
			.flatMap((outcome) -> answer(outcome, false));
	}

	private Mono<ResponseEntity<Object>> created(BroadcastOutcome outcome) {
		return answer(outcome, true);
	}

	private Mono<ResponseEntity<Object>> answer(BroadcastOutcome outcome, boolean created) {
		return switch (outcome) {
			case BroadcastOutcome.Done done -> created ? this.catalog.show(done.broadcast().id())
				.map((view) -> ResponseEntity.created(URI.create("/api/v1/broadcasts/" + done.broadcast().id()))
					.<Object>body(BroadcastResponse.of(view))) : shown(done.broadcast().id());
			case BroadcastOutcome.Invalid invalid -> Mono.just(SegmentController.invalid(invalid.errors()));
			case BroadcastOutcome.Unknown unknown -> Mono.just(unknown(unknown.id().value()));
			case BroadcastOutcome.NotAllowed refused -> Mono.just(notAllowed(refused));
			case BroadcastOutcome.SegmentGone gone -> Mono.just(Problems
				.conflict("The broadcast " + gone.id() + " cannot start: its segment was deleted. Create it anew."));
			case BroadcastOutcome.TemplateUnsendable unsendable -> Mono
				.just(Problems.conflict("The broadcast " + unsendable.id() + " cannot resume: " + unsendable.reason()
						+ ". Sync the templates once it is approved again, or cancel the broadcast."));
		};
	}

	private Mono<ResponseEntity<Object>> shown(BroadcastId id) {
		return this.catalog.show(id)
			.map((view) -> ResponseEntity.ok().<Object>body(BroadcastResponse.of(view)))
			.defaultIfEmpty(unknown(id.value()));
	}

	private static ResponseEntity<Object> notAllowed(BroadcastOutcome.NotAllowed refused) {
		String action = refused.action().name().toLowerCase(Locale.ROOT);
		ResponseEntity<Object> conflict = Problems.conflict("The broadcast is " + refused.current() + "; it can "
				+ action + " only when "
				+ refused.action().from().stream().map(Enum::name).sorted().collect(Collectors.joining(" or ")) + ".");
		((org.springframework.http.ProblemDetail) conflict.getBody()).setProperty("state", refused.current().name());
		return conflict;
	}

	private static ResponseEntity<Object> unknown(UUID id) {
		return Problems.notFound("No broadcast has id " + id + ".");
	}

	private ResponseEntity<Flux<DataBuffer>> asBytes(ResponseEntity<Object> problem) {
		try {
			byte[] bytes = this.json.writeValueAsBytes(problem.getBody());
			return ResponseEntity.status(problem.getStatusCode())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a problem could not be written as JSON", ex);
		}
	}

}
