package org.onecampus.messaging.internal.channels;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onecampus.messaging.channel.ChannelSettings;
import org.onecampus.messaging.channel.OutgoingDelivery;
import org.onecampus.messaging.channel.SettingField;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * WeCom (企业微信) application messages: {@code GET /cgi-bin/gettoken?corpid&corpsecret}, then
 * {@code POST /cgi-bin/message/send?access_token} with a text message to the user whose WeCom
 * user id is the campus username. Retried: -1 (busy), 45009 (API rate limit), 45033 (too many
 * concurrent calls); a user listed in {@code invaliduser} fails.
 */
@Component
class WeComChannel extends TokenApiChannel {

	WeComChannel(HttpJson http) {
		super(http);
	}

	@Override
	public String id() {
		return "wecom";
	}

	@Override
	public List<SettingField> fields() {
		return List.of(SettingField.optional("baseUrl", "https://qyapi.weixin.qq.com"), SettingField.required("corpId"),
				SettingField.required("agentId"), SettingField.secret("corpSecret"));
	}

	@Override
	public AddressKind addressKind() {
		return AddressKind.USERNAME;
	}

	@Override
	public List<SettingProblem> validate(ChannelSettings settings) {
		List<SettingProblem> problems = new java.util.ArrayList<>(Urls.check("baseUrl", settings.get("baseUrl")));
		if (settings.get("agentId") != null && !settings.get("agentId").matches("\\d{1,12}")) {
			problems.add(new SettingProblem("agentId", "messaging.setting.number"));
		}
		return problems;
	}

	@Override
	protected String tokenUrl(ChannelSettings settings) {
		return Urls.trimSlash(settings.get("baseUrl", "https://qyapi.weixin.qq.com")) + "/cgi-bin/gettoken?corpid="
				+ encode(settings.get("corpId")) + "&corpsecret=" + encode(settings.get("corpSecret"));
	}

	@Override
	protected String sendUrl(ChannelSettings settings, String token) {
		return Urls.trimSlash(settings.get("baseUrl", "https://qyapi.weixin.qq.com")) + "/cgi-bin/message/send?access_token="
				+ encode(token);
	}

	@Override
	protected Object sendBody(OutgoingDelivery delivery, ChannelSettings settings) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("touser", delivery.address());
		body.put("msgtype", "text");
		body.put("agentid", Long.parseLong(settings.get("agentId")));
		body.put("text", Map.of("content", delivery.title() + "\n" + delivery.body()));
		return body;
	}

	@Override
	protected Set<Integer> retryCodes() {
		return Set.of(-1, 45009, 45033);
	}

	@Override
	protected String partialFailure(JsonNode answer) {
		String invalid = answer.path("invaliduser").asString("");
		return invalid.isBlank() ? null : "WeCom does not know the user " + invalid;
	}

	static String encode(String value) {
		return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
	}
}
