package dev.punchcard.core.broadcast.infrastructure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.punchcard.core.campaign.domain.Binding;
import dev.punchcard.core.campaign.domain.MemberField;
import dev.punchcard.core.campaign.domain.TemplateUse;
import dev.punchcard.core.shared.domain.RewardId;
import io.r2dbc.postgresql.codec.Json;

/**
 * A {@link TemplateUse} as stored in {@code broadcasts.*_use}: {@code {"bindings":
 * {"body.1": {"field": "first_name"}, "body.2": {"constant": "x"}}, "voucherRewardId":
 * "..."}}.
 */
final class UseJson {

	private final ObjectMapper json;

	UseJson(ObjectMapper json) {
		this.json = json;
	}

	Json write(TemplateUse use) {
		ObjectNode root = this.json.createObjectNode();
		ObjectNode bindings = root.putObject("bindings");
		use.bindings().forEach((key, binding) -> {
			switch (binding) {
				case Binding.ToField field -> bindings.putObject(key).put("field", field.field().key());
				case Binding.ToConstant constant -> bindings.putObject(key).put("constant", constant.value());
			}
		});
		if (use.voucherReward() != null) {
			root.put("voucherRewardId", use.voucherReward().value().toString());
		}
		return Json.of(root.toString());
	}

	TemplateUse read(Json stored) {
		try {
			JsonNode root = this.json.readTree(stored.asString());
			Map<String, Binding> bindings = new LinkedHashMap<>();
			root.path("bindings")
				.properties()
				.forEach((entry) -> bindings.put(entry.getKey(), binding(entry.getValue())));
			JsonNode reward = root.get("voucherRewardId");
			return new TemplateUse(bindings,
					(reward == null || reward.isNull()) ? null : new RewardId(UUID.fromString(reward.asText())));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a stored template use is not JSON", ex);
		}
	}

	private static Binding binding(JsonNode node) {
		if (node.has("field")) {
			return new Binding.ToField(MemberField.byKey(node.get("field").asText())
				.orElseThrow(() -> new IllegalStateException("a stored binding names no member field: " + node)));
		}
		return new Binding.ToConstant(node.path("constant").asText());
	}

}
