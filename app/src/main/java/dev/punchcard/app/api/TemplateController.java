package dev.punchcard.app.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.punchcard.app.security.CurrentStaff;
import dev.punchcard.bot.template.PreviewOutcome;
import dev.punchcard.bot.template.PreviewTemplate;
import dev.punchcard.core.campaign.application.SyncOutcome;
import dev.punchcard.core.campaign.application.SyncWhatsAppTemplates;
import dev.punchcard.core.campaign.application.TemplateCatalog;
import dev.punchcard.core.campaign.application.TemplateSourceException;
import dev.punchcard.core.campaign.domain.TemplateId;
import dev.punchcard.core.segment.application.FieldError;
import dev.punchcard.core.shared.domain.ChatChannel;
import org.jspecify.annotations.Nullable;
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
import reactor.core.publisher.Mono;

/**
 * Message templates for marketers: the synced WhatsApp ones (with their status) and the
 * Telegram ones, one by id, a sync from WhatsApp on demand, and the preview of a template
 * for one member exactly as it would be sent.
 */
@RestController
@RequestMapping("/api/v1/templates")
class TemplateController {

	private final TemplateCatalog catalog;

	private final SyncWhatsAppTemplates sync;

	private final PreviewTemplate preview;

	private final ObjectMapper json;

	TemplateController(TemplateCatalog catalog, SyncWhatsAppTemplates sync, PreviewTemplate preview,
			ObjectMapper json) {
		this.catalog = catalog;
		this.sync = sync;
		this.preview = preview;
		this.json = json;
	}

	@GetMapping
	Mono<ResponseEntity<Object>> list(@RequestParam(required = false) @Nullable String channel) {
		ChatChannel chosen = null;
		if (channel != null) {
			try {
				chosen = ChatChannel.valueOf(channel.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException unknown) {
				return Mono.just(SegmentController
					.invalid(List.of(new FieldError("channel", "must be WHATSAPP or TELEGRAM, or left out for both"))));
			}
		}
		return this.catalog.list(chosen).map(TemplateResponses::of).collectList().map(ResponseEntity::ok);
	}

	@GetMapping("/{id}")
	Mono<ResponseEntity<Object>> show(@PathVariable UUID id) {
		return this.catalog.show(new TemplateId(id))
			.map((template) -> ResponseEntity.ok(TemplateResponses.of(template)))
			.switchIfEmpty(Mono.fromSupplier(() -> unknown(id)));
	}

	@PostMapping("/whatsapp:sync")
	Mono<ResponseEntity<Object>> sync(@AuthenticationPrincipal Jwt staff) {
		return this.sync.sync(new SyncWhatsAppTemplates.Trigger.OnDemand(CurrentStaff.of(staff).id()))
			.map(TemplateController::synced)
			.onErrorResume(TemplateSourceException.class, (error) -> Mono.just(Problems.of(HttpStatus.BAD_GATEWAY,
					"WhatsApp did not list the templates", "The Graph API could not be asked: " + error.getMessage())));
	}

	@PostMapping(path = "/{id}/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Object>> preview(@PathVariable UUID id, @RequestBody Map<String, Object> body) {
		return switch (TemplateBodies.preview(body)) {
			case TemplateBodies.Read.Wrong<TemplateBodies.Preview> wrong ->
				Mono.just(SegmentController.invalid(wrong.errors()));
			case TemplateBodies.Read.Ok<TemplateBodies.Preview> ok ->
				this.preview.preview(new TemplateId(id), ok.value().customerId(), ok.value().use())
					.map((outcome) -> previewed(id, outcome));
		};
	}

	private ResponseEntity<Object> previewed(UUID id, PreviewOutcome outcome) {
		return switch (outcome) {
			case PreviewOutcome.Previewed previewed -> ResponseEntity.ok(PreviewResponse.of(previewed, this.json));
			case PreviewOutcome.Invalid invalid -> SegmentController.invalid(invalid.errors());
			case PreviewOutcome.UnknownTemplate unknown -> unknown(id);
			case PreviewOutcome.UnknownCustomer unknown -> Problems.notFound("No member has the customerId given.");
		};
	}

	private static ResponseEntity<Object> synced(SyncOutcome outcome) {
		return switch (outcome) {
			case SyncOutcome.Synced synced -> ResponseEntity
				.ok(new SyncResponse("SYNCED", synced.listed(), synced.added(), synced.changed(), synced.gone()));
			case SyncOutcome.UpToDate upToDate -> ResponseEntity.ok(new SyncResponse("UP_TO_DATE", 0, 0, 0, 0));
			case SyncOutcome.Busy busy -> Problems.conflict(
					"WhatsApp templates are being synced on another instance right now; try again " + "in a moment.");
			case SyncOutcome.NotConfigured notConfigured ->
				Problems.of(HttpStatus.CONFLICT, "WhatsApp is not configured",
						"WhatsApp templates cannot be synced: the WhatsApp channel (WHATSAPP_ACCESS_TOKEN, …) and its "
								+ "business account id (WHATSAPP_BUSINESS_ACCOUNT_ID) must be set.");
		};
	}

	static ResponseEntity<Object> unknown(UUID id) {
		return Problems.notFound("No template has id " + id + ".");
	}

	record SyncResponse(String outcome, int listed, int added, int changed, int gone) {
	}

	/**
	 * A preview: where it would go, the text as the member reads it, the exact API
	 * requests, and whether a sample stands in for the campaign voucher.
	 */
	record PreviewResponse(String templateId, String channel, String customerId, @Nullable String to,
			boolean deliverable, String text, List<JsonNode> requests, boolean sampleVoucher) {

		static PreviewResponse of(PreviewOutcome.Previewed previewed, ObjectMapper json) {
			List<JsonNode> requests = previewed.rendered().requests().stream().map((body) -> tree(json, body)).toList();
			boolean sample = previewed.rendered()
				.requests()
				.stream()
				.anyMatch((body) -> body.contains(PreviewTemplate.SAMPLE_VOUCHER_CODE));
			return new PreviewResponse(previewed.template().id().toString(), previewed.template().channel().name(),
					previewed.member().id().toString(), previewed.rendered().address(),
					previewed.rendered().address() != null, previewed.rendered().text(), requests, sample);
		}

		private static JsonNode tree(ObjectMapper json, String body) {
			try {
				return json.readTree(body);
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException("a rendered request is not JSON", ex);
			}
		}

	}

}
