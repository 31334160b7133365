package dev.punchcard.app.console;

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

	private final PointsLedger ledger;

	private final Purchases purchases;

	private final Vouchers vouchers;

	MemberPages(FindMembers findMembers, CustomerProfiles profiles, ChatIdentities chats, PointsLedger ledger,
			Purchases purchases, Vouchers vouchers) {
		this.findMembers = findMembers;
		this.profiles = profiles;
		this.chats = chats;
		this.ledger = ledger;
		this.purchases = purchases;
		this.vouchers = vouchers;
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

	@GetMapping("/console/members/{id}/ledger")
	String ledger(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
		CustomerId customer = new CustomerId(id);
		int at = Math.max(0, page);
		model.addAttribute("entries", this.ledger.entriesOf(customer, at, PAGE_SIZE).collectList());
		model.addAttribute("total", this.ledger.countEntriesOf(customer));
		paging(model, id, "ledger", at);
		return "console/member-parts :: ledger";
	}

	@GetMapping("/console/members/{id}/purchases")
	String purchases(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
		CustomerId customer = new CustomerId(id);
		int at = Math.max(0, page);
		model.addAttribute("purchases", this.purchases.historyOf(customer, at, PAGE_SIZE).collectList());
		model.addAttribute("total", this.purchases.countOf(customer));
		paging(model, id, "purchases", at);
		return "console/member-parts :: purchases";
	}

	@GetMapping("/console/members/{id}/vouchers")
	String vouchers(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
		int at = Math.max(0, page);
		model.addAttribute("vouchers", this.vouchers.ofCustomer(new CustomerId(id), at, PAGE_SIZE).collectList());
		paging(model, id, "vouchers", at);
		return "console/member-parts :: vouchers";
	}

	private static void paging(Model model, UUID id, String part, int page) {
		model.addAttribute("memberId", id);
		model.addAttribute("page", page);
		model.addAttribute("size", PAGE_SIZE);
		model.addAttribute("part", part);
	}

}
