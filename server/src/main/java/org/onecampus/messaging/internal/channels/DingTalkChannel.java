package org.onecampus.messaging.internal.channels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onecampus.messaging.channel.ChannelSettings;
import org.onecampus.messaging.channel.OutgoingDelivery;
import org.onecampus.messaging.channel.SettingField;

import org.springframework.stereotype.Component;

/**
 * DingTalk (钉钉) work notifications: {@code GET /gettoken?appkey&appsecret}, then
 * {@code POST /topapi/message/corpconversation/asyncsend_v2?access_token} with
 * {@code agent_id}, {@code userid_list} (the campus username) and a text {@code msg}. Retried:
 * -1 (busy), 90002 and 90018 (call frequency limits).
 */
@Component
class DingTalkChannel extends TokenApiChannel {

	DingTalkChannel(HttpJson http) {
		super(http);
	}

	@Override
	public String id() {
		return "dingtalk";
	}

	@Override
	public List<SettingField> fields() {
		return List.of(SettingField.optional("baseUrl", "https://oapi.dingtalk.com"), SettingField.required("appKey"),
				SettingField.required("agentId"), SettingField.secret("appSecret"));
	}

	@Override
	public AddressKind addressKind() {
		return AddressKind.USERNAME;
	}

	@Override
	public List<SettingProblem> validate(ChannelSettings settings) {
		List<SettingProblem> problems = new java.util.ArrayList<>(Urls.check("baseUrl", settings.get("baseUrl")));
		if (settings.get("agentId") != null && !settings.get("agentId").matches("\\d{1,15}")) {
			problems.add(new SettingProblem("agentId", "messaging.setting.number"));
		}
		return problems;
	}

	@Override
	protected String tokenUrl(ChannelSettings settings) {
		return Urls.trimSlash(settings.get("baseUrl", "https://oapi.dingtalk.com")) + "/gettoken?appkey="
				+ WeComChannel.encode(settings.get("appKey")) + "&appsecret=" + WeComChannel.encode(settings.get("appSecret"));
	}

	@Override
	protected String sendUrl(ChannelSettings settings, String token) {
		return Urls.trimSlash(settings.get("baseUrl", "https://oapi.dingtalk.com"))
				+ "/topapi/message/corpconversation/asyncsend_v2?access_token=" + WeComChannel.encode(token);
	}

	@Override
	protected Object sendBody(OutgoingDelivery delivery, ChannelSettings settings) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("agent_id", Long.parseLong(settings.get("agentId")));
		body.put("userid_list", delivery.address());
		body.put("msg", Map.of("msgtype", "text", "text", Map.of("content", delivery.title() + "\n" + delivery.body())));
		return body;
	}

	@Override
	protected Set<Integer> retryCodes() {
		return Set.of(-1, 90002, 90018);
	}
}
