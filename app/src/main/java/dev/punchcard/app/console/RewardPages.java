package dev.punchcard.app.console;

import java.util.Optional;
import java.util.UUID;

import dev.punchcard.core.reward.application.RewardCatalog;
import dev.punchcard.core.reward.domain.Reward;
import dev.punchcard.core.shared.domain.PlainText;
import dev.punchcard.core.shared.domain.RewardId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Administrators keep the reward catalog: list, create, edit (and deactivate). */
@Controller
class RewardPages {

	private final RewardCatalog catalog;

	RewardPages(RewardCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/console/rewards")
	String list(Model model) {
		model.addAttribute("rewards", this.catalog.list(false).collectList());
		return "console/rewards";
	}

	@GetMapping("/console/rewards/{id}")
	Mono<String> edit(@PathVariable UUID id, Model model) {
		return this.catalog.find(new RewardId(id))
			.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
			.map((reward) -> {
				model.addAttribute("reward", reward);
				return "console/reward";
			});
	}

	@PostMapping("/console/rewards")
	Mono<String> create(ServerWebExchange exchange, Model model) {
		return exchange.getFormData().flatMap((form) -> {
			Optional<RewardForm> read = RewardForm.read(form);
			if (read.isEmpty()) {
				return Mono.just(answer(model, "error", "rewards.invalid"));
			}
			RewardForm reward = read.get();
			return this.catalog.create(reward.name(), reward.description(), reward.cost(), reward.stock())
				.map((created) -> answer(model, "ok", "rewards.created", created.name()));
		});
	}

	@PostMapping("/console/rewards/{id}")
	Mono<String> update(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
		return exchange.getFormData().flatMap((form) -> {
			Optional<RewardForm> read = RewardForm.read(form);
			if (read.isEmpty()) {
				return Mono.just(message(model, "error", "rewards.invalid"));
			}
			RewardForm changed = read.get();
			return this.catalog
				.update(new Reward(new RewardId(id), changed.name(), changed.description(), changed.cost(),
						changed.stock(), changed.active()))
				.map((reward) -> {
					model.addAttribute("reward", reward);
					return message(model, "ok", "rewards.updated", reward.name());
				})
				.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		});
	}

	private String answer(Model model, String kind, String key, Object... arguments) {
		model.addAttribute("rewards", this.catalog.list(false).collectList());
		message(model, kind, key, arguments);
		return "console/rewards :: table";
	}

	private static String message(Model model, String kind, String key, Object... arguments) {
		model.addAttribute("kind", kind);
		model.addAttribute("key", key);
		model.addAttribute("arguments", arguments);
		return "console/fragments :: message";
	}

	/** The reward form with the API's limits. */
	record RewardForm(String name, String description, long cost, @Nullable Integer stock, boolean active) {

		static Optional<RewardForm> read(MultiValueMap<String, String> form) {
			String name = TillPages.text(form, "name");
			String description = TillPages.text(form, "description");
			String cost = TillPages.text(form, "costPoints");
			String stock = TillPages.text(form, "stock");
			boolean active = !"false".equals(TillPages.text(form, "active"));
			if (name.isEmpty() || name.length() > 100 || !PlainText.isSingleLine(name) || description.length() > 1000
					|| !PlainText.isMultiLine(description) || !cost.matches("[0-9]{1,10}")
					|| !(stock.isEmpty() || stock.matches("[0-9]{1,9}"))) {
				return Optional.empty();
			}
			long points = Long.parseLong(cost);
			Integer left = stock.isEmpty() ? null : Integer.valueOf(stock);
			if (points < 1 || points > 1_000_000_000 || (left != null && left > Reward.MAX_STOCK)) {
				return Optional.empty();
			}
			return Optional.of(new RewardForm(name, description, points, left, active));
		}

	}

}
