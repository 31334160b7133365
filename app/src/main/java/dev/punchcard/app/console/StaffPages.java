package dev.punchcard.app.console;

import java.util.Map;
import java.util.UUID;

import dev.punchcard.bot.conversation.BotLinks;
import dev.punchcard.core.shared.domain.ChatChannel;
import dev.punchcard.core.shared.domain.StaffId;
import dev.punchcard.core.shared.domain.StoreId;
import dev.punchcard.core.staff.application.IssueLinkCode;
import dev.punchcard.core.staff.application.RegisterStaff;
import dev.punchcard.core.staff.application.RegisterStaffCommand;
import dev.punchcard.core.staff.application.StaffAccounts;
import dev.punchcard.core.staff.application.StaffOutcome;
import dev.punchcard.core.staff.domain.Role;
import dev.punchcard.core.store.application.Stores;
import dev.punchcard.core.store.domain.Store;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Administrators list staff, create accounts with a role (a cashier with a home store),
 * and issue the one-time codes that link a staff member's chat.
 */
@Controller
class StaffPages {

	private final RegisterStaff registerStaff;

	private final StaffAccounts accounts;

	private final IssueLinkCode issueLinkCode;

	private final Stores stores;

	private final BotLinks links;

	StaffPages(RegisterStaff registerStaff, StaffAccounts accounts, IssueLinkCode issueLinkCode, Stores stores,
			BotLinks links) {
		this.registerStaff = registerStaff;
		this.accounts = accounts;
		this.issueLinkCode = issueLinkCode;
		this.stores = stores;
		this.links = links;
	}

	@GetMapping("/console/staff")
	String list(Model model) {
		model.addAttribute("roles", Role.values());
		listing(model);
		return "console/staff";
	}

	@PostMapping("/console/staff")
	Mono<String> register(ServerWebExchange exchange, @AuthenticationPrincipal ConsoleUser admin, Model model) {
		return exchange.getFormData().flatMap((form) -> register(form, admin, model));
	}

	private Mono<String> register(MultiValueMap<String, String> form, ConsoleUser admin, Model model) {
		String username = TillPages.text(form, "username");
		String password = form.getFirst("password") == null ? "" : form.getFirst("password");
		String role = TillPages.text(form, "role");
		String storeCode = TillPages.text(form, "storeCode");
		if (!username.matches("[A-Za-z0-9._@-]{3,64}") || password.isEmpty() || password.length() > 128
				|| !dev.punchcard.core.shared.domain.PlainText.isSingleLine(password)
				|| !role.matches("ADMIN|MARKETER|CASHIER")
				|| !(storeCode.isEmpty() || storeCode.matches("[A-Za-z0-9_-]{1,32}"))) {
			return Mono.just(answer(model, "error", "staff.invalid"));
		}
		return this.registerStaff
			.register(new RegisterStaffCommand(username, password, Role.valueOf(role),
					storeCode.isEmpty() ? null : storeCode, admin.username()))
			.map((outcome) -> switch (outcome) {
				case StaffOutcome.Registered registered ->
					answer(model, "ok", "staff.registered", registered.member().username());
				case StaffOutcome.UsernameTaken taken -> answer(model, "error", "staff.taken", taken.username());
				case StaffOutcome.UnknownStore unknown ->
					answer(model, "error", "staff.unknown-store", unknown.storeCode());
				case StaffOutcome.StoreRequired required -> answer(model, "error", "staff.store-required");
				case StaffOutcome.WeakPassword weak -> answer(model, "error", "staff.weak-password", weak.why());
			});
	}

	@PostMapping("/console/staff/{id}/link-codes")
	Mono<String> linkCode(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser admin, Model model) {
		return this.issueLinkCode.issue(new StaffId(id), admin.username())
			.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
			.map((code) -> {
				model.addAttribute("code", code);
				model.addAttribute("telegramLink", this.links.staff(ChatChannel.TELEGRAM, code.code()).orElse(null));
				model.addAttribute("whatsAppLink", this.links.staff(ChatChannel.WHATSAPP, code.code()).orElse(null));
				return "console/staff-parts :: link-code";
			});
	}

	private String answer(Model model, String kind, String key, Object... arguments) {
		model.addAttribute("kind", kind);
		model.addAttribute("key", key);
		model.addAttribute("arguments", arguments);
		listing(model);
		return "console/staff :: table";
	}

	private void listing(Model model) {
		Mono<Map<StoreId, String>> storeCodes = this.stores.all().collectMap(Store::id, Store::code);
		model.addAttribute("staff", this.accounts.all().collectList());
		model.addAttribute("storeCodes", storeCodes);
		model.addAttribute("stores", this.stores.all().collectList());
	}

}
