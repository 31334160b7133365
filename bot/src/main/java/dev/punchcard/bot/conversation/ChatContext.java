package dev.punchcard.bot.conversation;

import java.util.Optional;

import dev.punchcard.core.customer.domain.Customer;
import dev.punchcard.core.staff.domain.StaffMember;
import reactor.core.publisher.Mono;

/**
 * A chat event with who sent it: the member and the staff account behind the chat
 * account, when there are any, and the language to answer in.
 *
 * @param event the event
 * @param language {@code en} or {@code ru}
 * @param customer the member, if the chat account belongs to one
 * @param staff emits the active staff member the chat account is linked to, or completes
 * empty; looked up only when a handler asks (most messages are shoppers'), at most once
 */
public record ChatContext(ChatEvent event, String language, Optional<Customer> customer, Mono<StaffMember> staff) {

}
