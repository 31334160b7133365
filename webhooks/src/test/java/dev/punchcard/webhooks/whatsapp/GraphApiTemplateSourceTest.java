package dev.punchcard.webhooks.whatsapp;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.punchcard.core.campaign.application.TemplateSourceException;
import dev.punchcard.core.campaign.domain.ParameterFormat;
import dev.punchcard.core.campaign.domain.TemplateListing;
import dev.punchcard.core.campaign.domain.TemplateStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class GraphApiTemplateSourceTest {

	static final String WABA = "102290129340398";

	static final String LISTING = "/v24.0/" + WABA + "/message_templates";

	@RegisterExtension
	static WireMockExtension graph = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final WhatsAppProperties properties = TestWhatsApp.properties(graph.baseUrl(),
			"business-account-id=" + WABA, "template-sync.page-size=1", "template-sync.max-pages=2");

	private final GraphApiTemplateSource source = new GraphApiTemplateSource(GraphApiTest.api(this.properties),
			this.properties);

	@Test
	void should_read_each_template_with_its_parameters_and_skip_what_whatsapp_could_not_send() {
		graph.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson("""
				{"data": [
				  {"name": "order_update", "language": "en", "status": "approved", "category": "UTILITY", "id": "1",
				   "components": [{"type": "BODY", "text": "Order {{1}} is {{2}}"}]},
				  {"name": "Bad Name", "language": "en", "status": "APPROVED", "category": "UTILITY", "id": "2",
				   "components": []},
				  {"name": "named_one", "language": "ru", "status": "SOMETHING_NEW", "category": "MARKETING", "id": "3",
				   "parameter_format": "NAMED",
				   "components": [{"type": "BODY", "text": "Hi {{first_name}}, {{ first_name }}!"}]}]}""")));

		this.source.listAll().collectList().as(StepVerifier::create).assertNext((listed) -> {
			assertThat(listed).extracting(TemplateListing::name).containsExactly("order_update", "named_one");
			assertThat(listed.get(0).status()).isEqualTo(TemplateStatus.APPROVED);
			assertThat(listed.get(0).parameterFormat()).isEqualTo(ParameterFormat.POSITIONAL);
			assertThat(listed.get(0).components().get(0).parameters()).containsExactly("1", "2");
			assertThat(listed.get(1).status()).isEqualTo(TemplateStatus.UNKNOWN);
			assertThat(listed.get(1).parameterFormat()).isEqualTo(ParameterFormat.NAMED);
			assertThat(listed.get(1).components().get(0).parameters()).containsExactly("first_name");
		}).verifyComplete();
		graph.verify(getRequestedFor(urlPathEqualTo(LISTING)).withQueryParam("limit", equalTo("1"))
			.withHeader("Authorization", equalTo("Bearer " + TestWhatsApp.ACCESS_TOKEN)));
	}

	@Test
	void should_refuse_a_next_page_on_another_host_which_would_get_the_token() {
		graph.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson("""
				{"data": [], "paging": {"next": "https://attacker.example/v24.0/%s/message_templates?after=X"}}"""
			.formatted(WABA))));

		this.source.listAll()
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(TemplateSourceException.class)
				.hasMessageContaining("another host"))
			.verify();
	}

	@Test
	void should_fail_rather_than_cut_the_listing_when_it_has_more_pages_than_allowed() {
		graph.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson("""
				{"data": [], "paging": {"next": "%s%s?after=again"}}""".formatted(graph.baseUrl(), LISTING))));

		this.source.listAll()
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(TemplateSourceException.class)
				.hasMessageContaining("more than 2 pages"))
			.verify();
	}

	@Test
	void should_retry_a_5xx_and_then_read_the_listing() {
		graph.stubFor(get(urlPathEqualTo(LISTING)).inScenario("flaky")
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willReturn(serverError())
			.willSetStateTo("up"));
		graph.stubFor(get(urlPathEqualTo(LISTING)).inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson("""
				{"data": [{"name": "a", "language": "en", "status": "PAUSED", "category": "MARKETING",
				           "id": "9", "components": []}]}""")));

		this.source.listAll().as(StepVerifier::create).expectNextCount(1).verifyComplete();
		graph.verify(2, getRequestedFor(urlPathEqualTo(LISTING)));
	}

}
