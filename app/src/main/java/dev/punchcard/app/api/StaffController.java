package dev.punchcard.app.api;

import java.net.URI;
import java.util.UUID;

import dev.punchcard.app.security.CurrentStaff;
import dev.punchcard.bot.conversation.BotLinks;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.staff.application.IssueLinkCode;
import dev.punchcard.core.staff.application.RegisterStaff;
import dev.punchcard.core.staff.application.RegisterStaffCommand;
import dev.punchcard.core.staff.application.StaffAccounts;
import dev.punchcard.core.staff.application.StaffOutcome;
import dev.punchcard.core.staff.domain.Role;
import dev.punchcard.core.staff.domain.StaffMember;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Administrators create, list and deactivate staff accounts. */
@RestController
@RequestMapping("/api/v1/staff")
class StaffController {

	private final RegisterStaff registerStaff;

	private final StaffAccounts accounts;

	private final IssueLinkCode issueLinkCode;

	private final BotLinks links;

	StaffController(RegisterStaff registerStaff, StaffAccounts accounts, IssueLinkCode issueLinkCode, BotLinks links) {
		this.registerStaff = registerStaff;
		this.accounts = accounts;
		this.issueLinkCode = issueLinkCode;
		this.links = links;
	}

	/**
	 * A one-time code (valid 24 h) that links the staff member's chat account:
	 * {@code /start staff-<code>} on Telegram, {@code STAFF <code>} on WhatsApp, with the
	 * {@code t.me} and {@code wa.me} links that send them when the bot's name and number
	 * are known.
	 */
	@PostMapping("/{id}/link-codes")
	Mono<ResponseEntity<Object>> linkCode(@PathVariable UUID id, @AuthenticationPrincipal Jwt admin) {
		return this.issueLinkCode.issue(new StaffId(id), CurrentStaff.of(admin).username())
			.map((code) -> ResponseEntity.status(HttpStatus.CREATED)
				.<Object>body(new LinkCodeResponse(code.code(), "/start staff-" + code.code(), "STAFF " + code.code(),
						this.links.staff(ChatChannel.TELEGRAM, code.code()).orElse(null),
						this.links.staff(ChatChannel.WHATSAPP, code.code()).orElse(null), code.expiresAt())))
			.switchIfEmpty(Mono.fromSupplier(() -> Problems.notFound("No active staff member has id " + id + ".")));
	}

	@PostMapping
	Mono<ResponseEntity<Object>> register(@Valid @RequestBody StaffRequest request,
			@AuthenticationPrincipal Jwt admin) {
		return this.registerStaff
			.register(new RegisterStaffCommand(request.username(), request.password(), request.role(),
					request.storeCode(), CurrentStaff.of(admin).username()))
			.map(StaffController::response);
	}

	@GetMapping
	Flux<StaffResponse> list() {
		return this.accounts.all().map(StaffResponse::of);
	}

	@PostMapping("/{id}/deactivate")
	Mono<ResponseEntity<Object>> deactivate(@PathVariable UUID id) {
		return this.accounts.deactivate(new StaffId(id))
			.map((member) -> ResponseEntity.ok().<Object>body(StaffResponse.of(member)))
			.switchIfEmpty(Mono.fromSupplier(() -> Problems.notFound("No staff member has id " + id + ".")));
	}

	private static ResponseEntity<Object> response(StaffOutcome outcome) {
		return switch (outcome) {
			case StaffOutcome.Registered registered ->
				ResponseEntity.created(URI.create("/api/v1/staff/" + registered.member().id()))
					.body(StaffResponse.of(registered.member()));
			case StaffOutcome.UsernameTaken taken ->
				Problems.conflict("The username " + taken.username() + " is already taken.");
			case StaffOutcome.UnknownStore unknown ->
				Problems.unprocessable("Unknown store", "No store has code " + unknown.storeCode() + ".");
			case StaffOutcome.StoreRequired required ->
				Problems.unprocessable("Store required", "A cashier needs a home store: give storeCode.");
			case StaffOutcome.WeakPassword weak -> Problems.unprocessable("Weak password", weak.why() + ".");
		};
	}

	record StaffRequest(
			@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,64}",
					message = "must be 3-64 letters, digits, . _ @ or -") String username,
			@NotBlank @Size(max = 128) @CleanText String password, @NotNull Role role,
			@Nullable @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be a store code") String storeCode) {

		@Override
		public String toString() {
			return "StaffRequest[" + this.username + ", " + this.role + "]";
		}

	}

	record LinkCodeResponse(String code, String startCommand, String whatsAppText, @Nullable String telegramLink,
			@Nullable String whatsAppLink, java.time.Instant expiresAt) {
	}

	record StaffResponse(String id, String username, Role role, @Nullable String storeId, boolean active) {

		static StaffResponse of(StaffMember member) {
			return new StaffResponse(member.id().toString(), member.username(), member.role(),
					member.storeId() == null ? null : member.storeId().toString(), member.active());
		}

	}

}
