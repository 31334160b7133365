package dev.punchcard.app.api;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.punchcard.app.security.CurrentStaff;
import dev.punchcard.core.segment.application.Audience;
import dev.punchcard.core.segment.application.ChangeSegment;
import dev.punchcard.core.segment.application.CreateSegment;
import dev.punchcard.core.segment.application.DeleteSegment;
import dev.punchcard.core.segment.application.FieldError;
import dev.punchcard.core.segment.application.FilterDocument;
import dev.punchcard.core.segment.application.PreviewOutcome;
import dev.punchcard.core.segment.application.PreviewSegment;
import dev.punchcard.core.segment.application.RecomputeScores;
import dev.punchcard.core.segment.application.SampleMember;
import dev.punchcard.core.segment.application.ScoreRun;
import dev.punchcard.core.segment.application.SegmentCatalog;
import dev.punchcard.core.segment.application.SegmentCommand;
import dev.punchcard.core.segment.application.SegmentOutcome;
import dev.punchcard.core.segment.domain.SegmentId;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Segments for marketers: preview a filter, save, change, delete and list named segments
 * (each with its current count), and recompute the RFM classes and churn risks on demand.
 * Bodies are read field by field so that an unknown or wrong field is a 400 that names
 * it.
 */
@RestController
@RequestMapping("/api/v1/segments")
class SegmentController {

	private final PreviewSegment preview;

	private final CreateSegment create;

	private final ChangeSegment change;

	private final DeleteSegment delete;

	private final SegmentCatalog catalog;

	private final RecomputeScores recompute;

	SegmentController(PreviewSegment preview, CreateSegment create, ChangeSegment change, DeleteSegment delete,
			SegmentCatalog catalog, RecomputeScores recompute) {
		this.preview = preview;
		this.create = create;
		this.change = change;
		this.delete = delete;
		this.catalog = catalog;
		this.recompute = recompute;
	}

	@PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Object>> preview(@RequestBody Map<String, Object> body) {
		List<FieldError> wrong = Bodies.unknownFields(body, Set.of("filter"));
		if (!wrong.isEmpty()) {
			return Mono.just(invalid(wrong));
		}
		Object filter = body.getOrDefault("filter", Map.of());
		if (!(filter instanceof Map<?, ?> criteria)) {
			return Mono.just(invalid(List.of(new FieldError("filter", "must be an object of criteria"))));
		}
		return this.preview.preview(Bodies.document(criteria)).map(SegmentController::previewed);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Object>> create(@RequestBody Map<String, Object> body, @AuthenticationPrincipal Jwt staff) {
		return Bodies.command(body, staff)
			.map((command) -> this.create.create(command).map(SegmentController::saved))
			.orElseGet(() -> Mono.just(invalid(Bodies.errors(body))));
	}

	@GetMapping
	Mono<ResponseEntity<Object>> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return PageRequest.list(page, size,
				(request) -> this.catalog.list(request.page(), request.size()).map(SegmentResponse::of));
	}

	@GetMapping("/{id}")
	Mono<ResponseEntity<Object>> show(@PathVariable UUID id) {
		return this.catalog.show(new SegmentId(id)).map(SegmentController::shown);
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Object>> change(@PathVariable UUID id, @RequestBody Map<String, Object> body,
			@AuthenticationPrincipal Jwt staff) {
		return Bodies.command(body, staff)
			.map((command) -> this.change.change(new SegmentId(id), command).map(SegmentController::shown))
			.orElseGet(() -> Mono.just(invalid(Bodies.errors(body))));
	}

	@DeleteMapping("/{id}")
	Mono<ResponseEntity<Object>> delete(@PathVariable UUID id, @AuthenticationPrincipal Jwt staff) {
		return this.delete.delete(new SegmentId(id), CurrentStaff.of(staff).id())
			.map((deleted) -> deleted ? ResponseEntity.noContent().build() : unknown(id));
	}

	@PostMapping("/scores:recompute")
	Mono<ResponseEntity<Object>> recompute(@AuthenticationPrincipal Jwt staff) {
		return this.recompute.recompute(new RecomputeScores.Trigger.OnDemand(CurrentStaff.of(staff).id()))
			.map(SegmentController::recomputed);
	}

	private static ResponseEntity<Object> previewed(PreviewOutcome outcome) {
		return switch (outcome) {
			case PreviewOutcome.Previewed previewed -> ResponseEntity.ok(PreviewResponse.of(previewed.audience()));
			case PreviewOutcome.Invalid invalid -> invalid(invalid.errors());
		};
	}

	private static ResponseEntity<Object> saved(SegmentOutcome outcome) {
		if (outcome instanceof SegmentOutcome.Saved saved) {
			return ResponseEntity.created(URI.create("/api/v1/segments/" + saved.segment().id()))
				.body(SegmentResponse.of(saved));
		}
		return shown(outcome);
	}

	private static ResponseEntity<Object> shown(SegmentOutcome outcome) {
		return switch (outcome) {
			case SegmentOutcome.Saved saved -> ResponseEntity.ok(SegmentResponse.of(saved));
			case SegmentOutcome.Invalid invalid -> invalid(invalid.errors());
			case SegmentOutcome.NameTaken taken ->
				Problems.conflict("A segment named " + taken.name() + " exists already (names ignore case).");
			case SegmentOutcome.Unknown unknown -> unknown(unknown.id().value());
		};
	}

	private static ResponseEntity<Object> recomputed(ScoreRun run) {
		return switch (run) {
			case ScoreRun.Recomputed done ->
				ResponseEntity.ok(new RecomputeResponse("RECOMPUTED", done.scored(), done.at()));
			case ScoreRun.AlreadyDone done ->
				ResponseEntity.ok(new RecomputeResponse("ALREADY_DONE", 0, done.periodStart()));
			case ScoreRun.Busy busy ->
				Problems.conflict("Scores are being recomputed on another instance right now; try again in a moment.");
		};
	}

	/**
	 * A 400 naming every wrong field, also listed in {@code errors} as field and message.
	 */
	static ResponseEntity<Object> invalid(List<FieldError> errors) {
		List<FieldError> sorted = errors.stream().sorted().toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				String.join("; ", sorted.stream().map(FieldError::toString).toList()));
		problem.setTitle("Bad request");
		problem.setProperty("errors",
				sorted.stream().map((error) -> Map.of("field", error.field(), "message", error.message())).toList());
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static ResponseEntity<Object> unknown(UUID id) {
		return Problems.notFound("No segment has id " + id + ".");
	}

	/** Reading the untyped bodies: which fields are known, and the command they make. */
	private static final class Bodies {

		private static final Set<String> SEGMENT_FIELDS = Set.of("name", "filter");

		static List<FieldError> unknownFields(Map<String, Object> body, Set<String> known) {
			return body.keySet()
				.stream()
				.filter((field) -> !known.contains(field))
				.map((field) -> new FieldError(field.length() > 100 ? field.substring(0, 100) : field,
						"is not a field of this request; known fields are "
								+ String.join(", ", known.stream().sorted().toList())))
				.toList();
		}

		static Optional<SegmentCommand> command(Map<String, Object> body, Jwt staff) {
			if (!errors(body).isEmpty()) {
				return Optional.empty();
			}
			Object name = body.get("name");
			Object filter = body.get("filter");
			return Optional.of(new SegmentCommand((String) name, (filter == null) ? null : document((Map<?, ?>) filter),
					CurrentStaff.of(staff).id()));
		}

		/**
		 * The shape errors of a segment body: unknown fields, a name or filter of the
		 * wrong type.
		 */
		static List<FieldError> errors(Map<String, Object> body) {
			List<FieldError> errors = new ArrayList<>(unknownFields(body, SEGMENT_FIELDS));
			if (body.get("name") != null && !(body.get("name") instanceof String)) {
				errors.add(new FieldError("name", "must be a text"));
			}
			if (body.get("filter") != null && !(body.get("filter") instanceof Map)) {
				errors.add(new FieldError("filter", "must be an object of criteria"));
			}
			return errors;
		}

		static Map<String, Object> document(Map<?, ?> map) {
			Map<String, Object> document = new LinkedHashMap<>();
			map.forEach((key, value) -> document.put(String.valueOf(key), value));
			return document;
		}

	}

	record PreviewResponse(long count, List<MemberResponse> sample) {

		static PreviewResponse of(Audience audience) {
			return new PreviewResponse(audience.count(), audience.sample().stream().map(MemberResponse::of).toList());
		}

	}

	record MemberResponse(String id, String name, String tier, List<String> channels) {

		static MemberResponse of(SampleMember member) {
			return new MemberResponse(member.id().toString(), member.name(), member.tier(),
					member.channels().stream().map(ChatChannel::name).toList());
		}

	}

	record SegmentResponse(String id, String name, Map<String, Object> filter, long count, String createdBy,
			Instant createdAt, String updatedBy, Instant updatedAt) {

		static SegmentResponse of(SegmentOutcome.Saved saved) {
			var segment = saved.segment();
			return new SegmentResponse(segment.id().toString(), segment.name(), FilterDocument.write(segment.filter()),
					saved.count(), segment.createdBy().toString(), segment.createdAt(), segment.updatedBy().toString(),
					segment.updatedAt());
		}

	}

	record RecomputeResponse(String outcome, long scored, @Nullable Instant at) {
	}

}
