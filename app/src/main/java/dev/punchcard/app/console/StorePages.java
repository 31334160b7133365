package dev.punchcard.app.console;

import dev.punchcard.core.shared.domain.PlainText;
import dev.punchcard.core.store.application.OpenStore;
import dev.punchcard.core.store.application.Stores;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Administrators list the stores and open new ones. */
@Controller
class StorePages {

	private final OpenStore openStore;

	private final Stores stores;

	StorePages(OpenStore openStore, Stores stores) {
		this.openStore = openStore;
		this.stores = stores;
	}

	@GetMapping("/console/stores")
	String list(Model model) {
		model.addAttribute("stores", this.stores.all().collectList());
		return "console/stores";
	}

	@PostMapping("/console/stores")
	Mono<String> open(ServerWebExchange exchange, Model model) {
		return exchange.getFormData().flatMap((form) -> {
			String code = TillPages.text(form, "code");
			String name = TillPages.text(form, "name");
			if (!code.matches("[A-Za-z0-9_-]{1,32}") || name.isEmpty() || name.length() > 100
					|| !PlainText.isSingleLine(name)) {
				return Mono.just(answer(model, "error", "stores.invalid", code));
			}
			return this.openStore.open(code, name)
				.map((store) -> answer(model, "ok", "stores.opened", store.code()))
				.switchIfEmpty(Mono.fromSupplier(() -> answer(model, "error", "stores.taken", code)));
		});
	}

	private String answer(Model model, String kind, String key, String code) {
		model.addAttribute("kind", kind);
		model.addAttribute("key", key);
		model.addAttribute("arguments", new Object[] { code });
		model.addAttribute("stores", this.stores.all().collectList());
		return "console/stores :: table";
	}

}
