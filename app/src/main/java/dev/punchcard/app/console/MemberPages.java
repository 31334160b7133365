package dev.punchcard.app.console;

import java.util.Map;
import java.util.UUID;

import dev.punchcard.core.customer.application.ChatIdentities;
import dev.punchcard.core.customer.application.CustomerProfiles;
import dev.punchcard.core.customer.application.FindMembers;
import dev.punchcard.core.points.application.PointsLedger;
import dev.punchcard.core.purchase.application.Purchases;
import dev.punchcard.core.reward.application.Vouchers;
import dev.punchcard.core.shared.domain.CustomerId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every staff member finds members (card code, phone or name) and reads their profile,
 * chat channels, ledger, purchases and vouchers; the lists page with htmx.
 */
@Controller
class MemberPages {

	static final int PAGE_SIZE = 10;

	private final FindMembers findMembers;

	private final CustomerProfiles profiles;

	private final ChatIdentities chats;

	private final Map<String, Records> records;

	MemberPages(FindMembers findMembers, CustomerProfiles profiles, ChatIdentities chats, PointsLedger ledger,
			Purchases purchases, Vouchers vouchers) {
		this.findMembers = findMembers;
		this.profiles = profiles;
		this.chats = chats;
		this.records = Map.of("ledger", ledger::entriesOf, "purchases", purchases::historyOf, "vouchers",
				vouchers::ofCustomer);
	}

	@GetMapping("/console")
	String home() {
		return "console/home";
	}

	@GetMapping("/console/members")
	String search(@RequestParam(defaultValue = "") String q, Model model) {
		String query = (q.length() > 100) ? q.substring(0, 100) : q;
		model.addAttribute("q", query);
		model.addAttribute("searched", !query.isBlank());
		model.addAttribute("matches", this.findMembers.find(query).collectList());
		return "console/members";
	}

	@GetMapping("/console/members/{id}")
	Mono<String> member(@PathVariable UUID id, Model model) {
		return this.profiles.byId(new CustomerId(id))
			.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
			.map((profile) -> {
				model.addAttribute("member", profile);
				return "console/member";
			});
	}

	@GetMapping("/console/members/{id}/channels")
	String channels(@PathVariable UUID id, Model model) {
		model.addAttribute("channels", this.chats.addressesOf(new CustomerId(id)).collectList());
		return "console/member-parts :: channels";
	}

	/**
	 * A page of one of the member's records, newest first: the same paging and the same
	 * fragment shape for each part.
	 */
	@GetMapping("/console/members/{id}/{part:ledger|purchases|vouchers}")
	String records(@PathVariable UUID id, @PathVariable String part, @RequestParam(defaultValue = "0") int page,
			Model model) {
		int at = Math.min(Math.max(0, page), 100_000);
		model.addAttribute("rows", this.records.get(part).page(new CustomerId(id), at, PAGE_SIZE).collectList());
		model.addAttribute("memberId", id);
		model.addAttribute("page", at);
		model.addAttribute("size", PAGE_SIZE);
		model.addAttribute("part", part);
		return "console/member-parts :: " + part;
	}

	/** One kind of a member's paged records. */
	@FunctionalInterface
	private interface Records {

		Flux<?> page(CustomerId customer, int page, int size);

	}

}
