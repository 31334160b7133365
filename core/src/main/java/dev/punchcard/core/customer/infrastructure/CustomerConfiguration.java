package dev.punchcard.core.customer.infrastructure;

import java.time.Clock;

import dev.punchcard.core.card.domain.CodeSigner;
import dev.punchcard.core.customer.application.ChatAliases;
import dev.punchcard.core.customer.application.ChatIdentities;
import dev.punchcard.core.customer.application.ChatLinkCodes;
import dev.punchcard.core.customer.application.CustomerMerges;
import dev.punchcard.core.customer.application.CustomerProfiles;
import dev.punchcard.core.customer.application.IssueChatLinkCode;
import dev.punchcard.core.customer.application.JoinFromChat;
import dev.punchcard.core.customer.application.LinkChats;
import dev.punchcard.core.customer.application.RecogniseVerifiedPhone;
import dev.punchcard.core.customer.application.ShareContact;
import dev.punchcard.core.customer.application.CustomerViews;
import dev.punchcard.core.customer.application.Customers;
import dev.punchcard.core.customer.application.EnrolCustomer;
import dev.punchcard.core.customer.application.FindMembers;
import dev.punchcard.core.customer.application.EnrolCustomer.EnrolmentDefaults;
import dev.punchcard.core.customer.application.PreferNoticeChannel;
import dev.punchcard.core.customer.application.ReissueCard;
import dev.punchcard.core.customer.domain.PhoneNumbers;
import dev.punchcard.core.points.application.NextExpiries;
import dev.punchcard.core.points.domain.LoyaltyProgram;
import dev.punchcard.core.store.application.Stores;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class CustomerConfiguration {

	@Bean
	PhoneNumbers phoneNumbers(@Value("${punchcard.program.phone-region}") String region) {
		return new PhoneNumbers(region);
	}

	@Bean
	Customers customers(DatabaseClient db) {
		return new R2dbcCustomers(db);
	}

	@Bean
	CustomerViews customerViews(DatabaseClient db) {
		return new R2dbcCustomerViews(db);
	}

	@Bean
	EnrolmentDefaults enrolmentDefaults(LoyaltyProgram program, Clock clock) {
		return new EnrolmentDefaults(program.tiers().tiers().get(0).name(), clock);
	}

	@Bean
	EnrolCustomer enrolCustomer(Customers customers, Stores stores, CodeSigner codes, PhoneNumbers phones,
			EnrolmentDefaults defaults) {
		return new EnrolCustomer(customers, stores, codes, phones, defaults);
	}

	@Bean
	CustomerProfiles customerProfiles(CustomerViews views, CodeSigner codes, LoyaltyProgram program,
			NextExpiries expiries, Clock clock) {
		return new CustomerProfiles(views, codes, program.tiers(), expiries, clock);
	}

	@Bean
	FindMembers findMembers(CustomerProfiles profiles, Customers customers, PhoneNumbers phones) {
		return new FindMembers(profiles, customers, phones);
	}

	@Bean
	ChatIdentities chatIdentities(DatabaseClient db) {
		return new R2dbcChatIdentities(db);
	}

	@Bean
	JoinFromChat joinFromChat(ChatIdentities identities, Customers customers, Stores stores, CodeSigner codes,
			EnrolmentDefaults defaults) {
		return new JoinFromChat(identities, customers, stores, codes, defaults);
	}

	@Bean
	ShareContact shareContact(ChatIdentities identities, Customers customers, PhoneNumbers phones,
			CustomerMerges merges) {
		return new ShareContact(identities, customers, phones, merges);
	}

	@Bean
	ChatAliases chatAliases(DatabaseClient db) {
		return new R2dbcChatAliases(db);
	}

	@Bean
	CustomerMerges customerMerges(DatabaseClient db) {
		return new R2dbcCustomerMerges(db);
	}

	@Bean
	ChatLinkCodes chatLinkCodes(DatabaseClient db) {
		return new R2dbcChatLinkCodes(db);
	}

	@Bean
	IssueChatLinkCode issueChatLinkCode(ChatLinkCodes codes, Clock clock) {
		return new IssueChatLinkCode(codes, clock);
	}

	@Bean
	LinkChats linkChats(ChatLinkCodes codes, ChatIdentities identities, Customers customers, CustomerMerges merges,
			Clock clock) {
		return new LinkChats(codes, identities, customers, merges, clock);
	}

	@Bean
	RecogniseVerifiedPhone recogniseVerifiedPhone(ChatIdentities identities, Customers customers, Clock clock) {
		return new RecogniseVerifiedPhone(identities, customers, clock);
	}

	@Bean
	PreferNoticeChannel preferNoticeChannel(DatabaseClient db) {
		return new PreferNoticeChannel(new R2dbcPreferredChannels(db));
	}

	@Bean
	ReissueCard reissueCard(Customers customers, CodeSigner codes) {
		return new ReissueCard(customers, codes);
	}

}
