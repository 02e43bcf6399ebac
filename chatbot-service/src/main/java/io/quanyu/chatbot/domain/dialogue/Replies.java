package io.quanyu.chatbot.domain.dialogue;

import io.quanyu.events.SupportHandoff;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The bot's sentences in Chinese or English; every fact in them comes from the caller. */
record Replies(boolean zh) {

    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.ENGLISH);
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("M月d日");

    String askOrderNumber(boolean hasRecent) {
        if (zh) {
            return hasRecent ? "请问是哪一个订单？请告诉我订单号，或者点选下面的订单。" : "请提供您的订单号（例如 DD20241120001），我来帮您查询。";
        }
        return hasRecent ? "Which order is it? Tell me the order number, or pick one below."
                : "Could you give me your order number (for example DD20241120001)? I'll look it up.";
    }

    /** The customer's coupons, at most three, with what each gives and until when. */
    String offers(List<OfferFacts> offers) {
        if (offers.isEmpty()) {
            return zh ? "您的账户里暂时没有可用的优惠券。有新的优惠时，我们会第一时间通知您。"
                    : "There is no coupon on your account right now. We'll let you know as soon as there is one.";
        }
        StringBuilder sb = new StringBuilder(zh ? "您有 " + offers.size() + " 张可用的优惠券：" : "You have " + offers.size()
                + (offers.size() == 1 ? " coupon" : " coupons") + " to use:");
        for (OfferFacts o : offers.subList(0, Math.min(3, offers.size()))) {
            sb.append(zh ? "\n· " : "\n- ").append(benefit(o)).append(zh ? "，券码 " : ", code ").append(o.code());
            if (o.expiresAt() != null) {
                LocalDate until = LocalDate.ofInstant(o.expiresAt(), OrderStatus.SHOP_ZONE);
                sb.append(zh ? "，" + ZH_DATE.format(until) + "前有效" : ", until " + EN_DATE.format(until));
            }
        }
        return sb.append(zh ? "\n结账时输入券码即可使用。" : "\nEnter the code at checkout.").toString();
    }

    String offersSignIn() {
        return zh ? "优惠券发放到会员账户。请先登录，我来告诉您现在能用哪些优惠券。"
                : "Coupons are given to member accounts. Please sign in and I'll tell you which ones you can use now.";
    }

    private String benefit(OfferFacts o) {
        String v = o.value() == null ? "" : o.value().stripTrailingZeros().toPlainString();
        String min = o.minSpend() == null ? "" : o.minSpend().stripTrailingZeros().toPlainString();
        String cur = o.currency() == null ? "" : " " + o.currency();
        return switch (o.kind() == null ? "" : o.kind()) {
            case "percentage" -> zh ? "全场" + discountZh(o.value()) + "折" : v + "% off";
            case "fixed_amount" -> zh ? "立减" + v + "元" : v + cur + " off";
            case "threshold" -> zh ? "满" + min + "减" + v : v + cur + " off when you spend " + min + cur;
            case "free_shipping" -> zh ? "包邮" : "free shipping";
            default -> o.name() == null ? o.kind() : o.name();
        };
    }

    /** 10 % off is 九折 (pay 90 %): the Chinese way of writing a percentage discount. */
    private static String discountZh(BigDecimal percentOff) {
        BigDecimal pay = BigDecimal.valueOf(100).subtract(percentOff == null ? BigDecimal.ZERO : percentOff).divide(BigDecimal.TEN);
        return pay.stripTrailingZeros().toPlainString();
    }

    String signIn() {
        return zh ? "请先登录，我才能查询您的订单。物流、退换货和商品的问题现在就可以问我。"
                : "Please sign in so I can look up your orders. Questions about deliveries, returns and products I can answer right away.";
    }

    String orderNotFound(String orderId) {
        return zh ? "没有找到订单 " + orderId + "，请核对订单号后再试一次。"
                : "I can't find order " + orderId + " on your account. Please check the number and try again.";
    }

    String orderStatus(OrderFacts o, Instant now, boolean detailed) {
        OrderStatus s = o.status(now);
        String what = detailed ? amount(o.amount(), o.currency()) + (zh ? "，共" + o.items() + "件" : ", " + units(o.items())) : "";
        String placed = date(LocalDate.ofInstant(o.placedAt(), OrderStatus.SHOP_ZONE));
        return switch (s) {
            case REFUNDED -> zh ? "订单 " + o.orderId() + " 已全额退款（" + amount(o.refunded(), o.currency()) + "，" + refundDate(o) + "）。"
                    : "Order " + o.orderId() + " has been refunded in full (" + amount(o.refunded(), o.currency()) + " on " + refundDate(o) + ").";
            case PARTIALLY_REFUNDED -> zh ? "订单 " + o.orderId() + " 已部分退款：" + amount(o.refunded(), o.currency()) + "（共 " + amount(o.amount(), o.currency()) + "）。"
                    : "Order " + o.orderId() + " was partly refunded: " + amount(o.refunded(), o.currency()) + " of " + amount(o.amount(), o.currency()) + ".";
            case IN_STORE -> zh ? "订单 " + o.orderId() + " 是" + placed + "在门店 " + o.storeId() + " 购买的" + paren(what) + "，已当场提货。"
                    : "Order " + o.orderId() + " was bought in store " + o.storeId() + " on " + placed + paren(what) + " and taken home then.";
            case PROCESSING -> zh ? "订单 " + o.orderId() + paren(what) + " 已于" + placed + "付款，正在备货，预计" + window(o) + "送达。"
                    : "Order " + o.orderId() + paren(what) + " was paid on " + placed + " and is being prepared; it should arrive " + window(o) + ".";
            case IN_TRANSIT -> zh ? "订单 " + o.orderId() + paren(what) + " 已于" + placed + "付款，正在配送中，预计" + window(o) + "送达。"
                    : "Order " + o.orderId() + paren(what) + " was paid on " + placed + " and is on its way; it should arrive " + window(o) + ".";
            case DUE -> zh ? "订单 " + o.orderId() + paren(what) + " 应在" + date(OrderStatus.latestDelivery(o)) + "前送达。如果还没收到，我可以帮您转人工客服。"
                    : "Order " + o.orderId() + paren(what) + " should have arrived by " + date(OrderStatus.latestDelivery(o))
                    + ". If it hasn't, I can put you through to an agent.";
        };
    }

    String refundStatus(OrderFacts o, Instant now) {
        if (o.refunded().signum() > 0) {
            return orderStatus(o, now, false);
        }
        return zh ? "订单 " + o.orderId() + " 目前没有退款记录。签收后7天内未使用的商品可无理由退货，退款在收到退货后3-5个工作日内原路退回。"
                : "There is no refund on order " + o.orderId() + " yet. Unused items can be returned within 7 days of delivery; "
                + "the refund reaches your original payment method 3-5 working days after we receive them.";
    }

    String needsAgent(OrderFacts o, String topic) {
        String action = switch (topic) {
            case "cancel_order" -> zh ? "取消订单" : "cancel it";
            case "change_address" -> zh ? "修改收货地址" : "change its delivery address";
            default -> zh ? "办理" : "handle it";
        };
        return zh ? "订单 " + o.orderId() + " 需要人工客服为您" + action + "。要为您转接人工客服吗？"
                : "An agent needs to " + action + " for order " + o.orderId() + ". Shall I put you through?";
    }

    String product(ProductFacts p, List<ProductFacts> similar) {
        String price = p.price() == null ? "" : (zh ? "，售价 " : ", ") + amount(p.price(), p.currency());
        String stock = p.inStock() == null ? "" : p.inStock() ? (zh ? "，目前有货" : ", in stock") : (zh ? "，目前缺货" : ", out of stock just now");
        String base = (zh ? p.name() + price + stock + "。" : p.name() + price + stock + ".");
        if (similar.isEmpty()) {
            return base;
        }
        String names = String.join(zh ? "、" : ", ", similar.stream().map(ProductFacts::name).toList());
        return base + (zh ? " 类似的商品还有：" + names + "。" : " Similar products: " + names + ".");
    }

    String askProduct() {
        return zh ? "请问您想了解哪款商品？告诉我商品名称或货号即可。" : "Which product do you mean? Tell me its name or SKU.";
    }

    String unknownProduct() {
        return zh ? "抱歉，没有找到这款商品，请换个名称或货号试试。" : "Sorry, I couldn't find that product. Try its name or SKU.";
    }

    String smalltalk(String intent) {
        return switch (intent) {
            case "greeting" -> zh ? "您好！我可以帮您查询订单、物流、退换货和商品信息。" : "Hello! I can help with orders, deliveries, returns and products.";
            case "thanks" -> zh ? "不客气，还有其他可以帮您的吗？" : "You're welcome. Anything else I can help with?";
            default -> zh ? "再见，祝您购物愉快！" : "Goodbye, and happy shopping!";
        };
    }

    String fallback(boolean gibberish) {
        if (gibberish) {
            return zh ? "抱歉，我没看懂这段文字。可以换个说法吗？" : "Sorry, I couldn't read that. Could you say it another way?";
        }
        return zh ? "抱歉，这个问题我还不会回答。我可以帮您查询订单、物流、退换货和商品，或者为您转人工客服。"
                : "Sorry, I can't answer that yet. I can help with orders, deliveries, returns and products, or put you through to an agent.";
    }

    String handoff(String reason) {
        return switch (reason) {
            case SupportHandoff.NEGATIVE_SENTIMENT -> zh ? "非常抱歉给您带来不好的体验，我已为您转接人工客服，请稍候，客服会看到我们刚才的对话。"
                    : "I'm very sorry about this. I've passed you to a human agent, who will see our conversation so far; please hold on.";
            case SupportHandoff.REPEATED_FALLBACK -> zh ? "抱歉我没能帮上忙，已为您转接人工客服，请稍候。"
                    : "Sorry I couldn't help. I've passed you to a human agent; please hold on.";
            default -> zh ? "好的，正在为您转接人工客服，请稍候。" : "Sure, I'm putting you through to a human agent; please hold on.";
        };
    }

    String waitingForAgent() {
        return zh ? "人工客服马上就来，您可以继续留言，客服会看到。" : "An agent will be with you shortly; anything you add here, they will see.";
    }

    String talkToAgent() {
        return zh ? "转人工客服" : "Talk to an agent";
    }

    String amount(BigDecimal value, String currency) {
        String v = value.setScale(2, RoundingMode.HALF_UP).toPlainString();
        if ("CNY".equals(currency)) {
            return "¥" + v;
        }
        return currency == null ? v : v + " " + currency;
    }

    private String units(int n) {
        return n == 1 ? "1 item" : n + " items";
    }

    private String paren(String s) {
        return s.isEmpty() ? "" : (zh ? "（" + s + "）" : " (" + s + ")");
    }

    private String window(OrderFacts o) {
        LocalDate a = OrderStatus.earliestDelivery(o);
        LocalDate b = OrderStatus.latestDelivery(o);
        return zh ? date(a) + "至" + date(b) : "between " + date(a) + " and " + date(b);
    }

    private String refundDate(OrderFacts o) {
        return o.refundedAt() == null ? "" : date(LocalDate.ofInstant(o.refundedAt(), OrderStatus.SHOP_ZONE));
    }

    String date(LocalDate d) {
        return zh ? d.format(ZH_DATE) : d.format(EN_DATE);
    }
}
