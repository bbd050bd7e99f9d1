/**
 * Unified messaging (统一消息服务): one API through which every module and campus system reaches
 * people, by in-app inbox, e-mail, SMS, WeCom, DingTalk and webhooks, with templates per category and
 * language, personal preferences and quiet hours, a transactional outbox with retries so that an
 * accepted message is never lost, and a delivery log per recipient and channel. Channels are an SPI.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package org.onecampus.messaging;
