/**
 * The channel SPI of messaging: a {@link org.onecampus.messaging.channel.MessageChannel} per way of
 * reaching people (in-app, e-mail, SMS gateway, WeCom, DingTalk, webhook), found through the
 * {@link org.onecampus.messaging.channel.ChannelRegistry}. Other modules may add channels by
 * declaring a bean that implements the interface.
 */
@org.springframework.modulith.NamedInterface("channel")
package org.onecampus.messaging.channel;
