package io.quanyu.events.raw;

import io.quanyu.events.validation.Required;
import java.util.Map;

/**
 * A mini-program / social shop message on {@code raw.miniprogram}; {@code time} is
 * {@code yyyy-MM-dd HH:mm:ss} in Asia/Shanghai local time.
 */
public record RawMiniProgramEvent(@Required String msgId, @Required String openid, String unionid, String userId,
                                  @Required String action, @Required String time, String itemId,
                                  Map<String, Object> extra) {
}
