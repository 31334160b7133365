package dev.punchcard.app.api;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import dev.punchcard.app.security.CurrentStaff;
import dev.punchcard.core.campaign.application.ChangeTelegramTemplate;
import dev.punchcard.core.campaign.application.CreateTelegramTemplate;
import dev.punchcard.core.campaign.application.DeleteTelegramTemplate;
import dev.punchcard.core.campaign.application.TelegramTemplateCommand;
import dev.punchcard.core.campaign.application.TemplateOutcome;
import dev.punchcard.core.campaign.domain.TemplateId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Telegram templates, written in Punchcard: create, replace and delete, each audited.
 * They are listed and shown with the WhatsApp ones under {@code /api/v1/templates}.
 */
@RestController
@RequestMapping("/api/v1/templates/telegram")
class TelegramTemplateController {

	private final CreateTelegramTemplate create;

	private final ChangeTelegramTemplate change;

	private final DeleteTelegramTemplate delete;

	TelegramTemplateController(CreateTelegramTemplate create, ChangeTelegramTemplate change,
			DeleteTelegramTemplate delete) {
		this.create = create;
		this.change = change;
		this.delete = delete;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Object>> create(@RequestBody Map<String, Object> body, @AuthenticationPrincipal Jwt staff) {
		return switch (TemplateBodies.telegram(body, CurrentStaff.of(staff).id())) {
			case TemplateBodies.Read.Wrong<TelegramTemplateCommand> wrong ->
				Mono.just(SegmentController.invalid(wrong.errors()));
			case TemplateBodies.Read.Ok<TelegramTemplateCommand> ok ->
				this.create.create(ok.value()).map(TelegramTemplateController::created);
		};
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Object>> change(@PathVariable UUID id, @RequestBody Map<String, Object> body,
			@AuthenticationPrincipal Jwt staff) {
		return switch (TemplateBodies.telegram(body, CurrentStaff.of(staff).id())) {
			case TemplateBodies.Read.Wrong<TelegramTemplateCommand> wrong ->
				Mono.just(SegmentController.invalid(wrong.errors()));
			case TemplateBodies.Read.Ok<TelegramTemplateCommand> ok ->
				this.change.change(new TemplateId(id), ok.value()).map(TelegramTemplateController::answered);
		};
	}

	@DeleteMapping("/{id}")
	Mono<ResponseEntity<Object>> delete(@PathVariable UUID id, @AuthenticationPrincipal Jwt staff) {
		return this.delete.delete(new TemplateId(id), CurrentStaff.of(staff).id())
			.map((deleted) -> deleted ? ResponseEntity.noContent().build() : TemplateController.unknown(id));
	}

	private static ResponseEntity<Object> created(TemplateOutcome outcome) {
		if (outcome instanceof TemplateOutcome.Saved saved) {
			return ResponseEntity.created(URI.create("/api/v1/templates/" + saved.template().id()))
				.body(TemplateResponses.TelegramResponse.of(saved.template()));
		}
		return answered(outcome);
	}

	private static ResponseEntity<Object> answered(TemplateOutcome outcome) {
		return switch (outcome) {
			case TemplateOutcome.Saved saved ->
				ResponseEntity.ok(TemplateResponses.TelegramResponse.of(saved.template()));
			case TemplateOutcome.Invalid invalid -> SegmentController.invalid(invalid.errors());
			case TemplateOutcome.NameTaken taken ->
				Problems.conflict("A Telegram template named " + taken.name() + " exists already (names ignore case).");
			case TemplateOutcome.Unknown unknown -> TemplateController.unknown(unknown.id().value());
		};
	}

}
